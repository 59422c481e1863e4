"""Upload the project, not the folder: the project check with its fixes and the upload list, through
the real dialogs, against the local server; what reached QFieldCloud is read back through the client."""

from qgis.core import QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QApplication, QDialogButtonBox

from qfieldcloud_plugin.client import Client, FileTransferType
from qfieldcloud_plugin.core.project_link import ProjectLink, write_link
from qfieldcloud_plugin.gui.asker import MessageBoxAsker
from qfieldcloud_plugin.gui.check_dialog import ProjectCheckDialog
from qfieldcloud_plugin.gui.upload_list_dialog import UploadListDialog
from qfieldcloud_plugin.gui.workflows import CloudActions
from tests.support.gui_flows import upload
from tests.support.qgis_plugin_env import ScriptedAsker, make_project_folder
from tests.test_core_project_check import write_points

PRIVATE = ["holiday-video.mov", "salaries-2026.xlsx", "tax-return.pdf"]


class DialogDriver:
    """Answers each real dialog the upload opens, as a user would click, and records what it showed."""

    def __init__(self, untick=(), remember=False):
        self.untick = untick
        self.remember = remember
        self.checks = []  # per check dialog: [(message, fix label, upload enabled)]
        self.lists = []  # per upload list: {name: ticked}
        self.running = True
        QTimer.singleShot(0, self._look)

    def _look(self):
        if not self.running:
            return
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, ProjectCheckDialog):
            self.checks.append([(f.message, f.fix_label, dialog.upload_button.isEnabled()) for f in dialog.findings])
            (dialog.apply_button if dialog.apply_button.isEnabled() else dialog.upload_button).click()
        elif isinstance(dialog, UploadListDialog):
            self.lists.append({name: name in dialog.ticked() for name in dialog.items})
            for name in self.untick:
                if name in dialog.items:
                    dialog.set_ticked(name, False)
            dialog.remember.setChecked(self.remember)
            dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
        QTimer.singleShot(20, self._look)


def linked_project(qfc_server, session, tmp_path, name):
    """A project in its own folder with data, a photo, a notes file and three private files, and a layer
    whose GeoPackage lies outside the folder; linked to a new cloud project."""
    folder = tmp_path / "Documents" / "survey"
    path = make_project_folder(folder, name)
    (folder / "notes.csv").write_text("id,text\n1,hello\n")
    (folder / "DCIM").mkdir()
    (folder / "DCIM" / "photo1.jpg").write_bytes(b"\xff\xd8 photo")
    for private in PRIVATE:
        (folder / private).write_bytes(b"private " + private.encode())
    roads = write_points(tmp_path / "shared" / "roads.gpkg", layer_name="roads")
    project = QgsProject.instance()
    assert project.read(str(path))
    project.addMapLayer(QgsVectorLayer(str(roads) + "|layername=roads", "roads", "ogr"))
    client = Client(url=qfc_server.url, token=session._token)
    cloud = client.create_project(name)
    write_link(ProjectLink(qfc_server.url, cloud["id"], cloud["owner"], cloud["name"]), project)
    assert project.write()
    return folder, client, cloud


def remote_names(client, project_id):
    return sorted(f["name"] for f in client.list_remote_files(project_id))


def test_the_project_is_checked_fixed_and_uploaded_without_the_files_it_does_not_use(
    qfc_server, session, plugin_iface, tmp_path, unique_name
):
    folder, client, cloud = linked_project(qfc_server, session, tmp_path, unique_name)
    actions = CloudActions(plugin_iface, session, MessageBoxAsker(plugin_iface.mainWindow()))
    results = []
    actions.uploadFinished.connect(results.append)

    driver = DialogDriver(untick=["notes.csv"], remember=True)
    try:
        result = upload(actions, results)
    finally:
        driver.running = False
    # The check showed the layer outside the folder: blocking, so "Upload" stayed disabled; its fix was applied.
    assert len(driver.checks) == 1
    (message, fix, upload_enabled), *_ = driver.checks[0]
    assert "outside the project folder" in message and "roads.gpkg" in message
    assert fix.startswith("Copy it into the project folder") and not upload_enabled
    assert (tmp_path / "shared" / "roads.gpkg").is_file()  # the original stays
    # The upload list: used files ticked, private ones not.
    for shown in driver.lists:  # QGIS 3.40 writes <stem>_attachments.zip beside the project: a project file too
        assert shown.pop(unique_name + "_attachments.zip", True) is True
    assert driver.lists == [
        {
            unique_name + ".qgs": True,
            "points.gpkg": True,
            "roads.gpkg": True,
            "DCIM/photo1.jpg": True,
            "holiday-video.mov": False,
            "notes.csv": True,
            "salaries-2026.xlsx": False,
            "tax-return.pdf": False,
        }
    ]
    assert sorted(result.uploaded) == remote_names(client, cloud["id"])
    assert [n for n in remote_names(client, cloud["id"]) if not n.endswith("_attachments.zip")] == sorted(
        ["DCIM/photo1.jpg", "points.gpkg", "roads.gpkg", unique_name + ".qgs"]
    )
    client.download_file(cloud["id"], FileTransferType.PROJECT, tmp_path / "uploaded.qgs", unique_name + ".qgs")
    uploaded_project = (tmp_path / "uploaded.qgs").read_text()
    assert "./roads.gpkg" in uploaded_project and "shared" not in uploaded_project
    ignore = (folder / ".qfieldcloudignore").read_text().split()
    assert sorted(ignore) == sorted("/" + n for n in PRIVATE + ["notes.csv"])

    # Nothing new: no check dialog (its findings were all settled), no list, nothing sent.
    driver = DialogDriver()
    try:
        result = upload(actions, results)
    finally:
        driver.running = False
    assert driver.checks == [] and driver.lists == [] and result.uploaded == []

    # A new file: the list shows it alone (the remembered ones stay out); a new finding shows the check.
    (folder / "extra.csv").write_text("a\n")
    QgsProject.instance().addMapLayer(QgsVectorLayer("Point?crs=EPSG:4326", "sketch", "memory"))
    driver = DialogDriver()
    try:
        result = upload(actions, results)
    finally:
        driver.running = False
    assert [m for m, _f, _u in driver.checks[0]] and "scratch layer" in driver.checks[0][0][0]
    driver.lists[0].pop(unique_name + "_attachments.zip", None)
    assert driver.lists[0] == {"extra.csv": True, "sketch.gpkg": True, unique_name + ".qgs": True}
    assert "extra.csv" in remote_names(client, cloud["id"]) and "notes.csv" not in remote_names(client, cloud["id"])


def test_cancelling_the_check_uploads_nothing(qfc_server, session, plugin_iface, tmp_path, unique_name):
    _folder, client, cloud = linked_project(qfc_server, session, tmp_path, unique_name)

    class Cancelling(ScriptedAsker):
        def review_check(self, findings):
            self.checks.append(findings)
            return None

    asker = Cancelling()
    actions = CloudActions(plugin_iface, session, asker)
    results = []
    actions.uploadFinished.connect(results.append)
    assert upload(actions, results) is None
    assert [f.kind for f in asker.checks[0]] == ["outside_folder"]
    assert remote_names(client, cloud["id"]) == []
    assert any("nothing was uploaded" in m for m in plugin_iface.messageBar().get_messages(0))


def test_unticked_files_without_remember_are_asked_about_again(
    qfc_server, session, plugin_iface, tmp_path, unique_name
):
    folder, client, cloud = linked_project(qfc_server, session, tmp_path, unique_name)
    asker = ScriptedAsker()
    actions = CloudActions(plugin_iface, session, asker)
    results = []
    actions.uploadFinished.connect(results.append)
    upload(actions, results)  # the outside layer accepted as it is: not uploaded, private files left out
    assert "roads.gpkg" not in remote_names(client, cloud["id"])
    assert not set(PRIVATE) & set(remote_names(client, cloud["id"]))
    assert not (folder / ".qfieldcloudignore").exists()
    upload(actions, results)  # the private files are still new: the list is shown again
    assert len(asker.upload_lists) == 2
    assert {e.name for e in asker.upload_lists[1].entries} == set(PRIVATE)
    assert len(asker.checks) == 1  # the accepted finding is not shown again
