"""A project's latest package downloaded in a task and opened in QGIS, layers valid in the canvas."""

from pathlib import Path

from qgis.core import Qgis, QgsApplication, QgsProject

from qfieldcloud_plugin.client import Client
from qfieldcloud_plugin.gui.workflows import CloudActions
from tests.support.qgis_plugin_env import ScriptedAsker, make_project_folder, wait_for_tasks, wait_until


def _cloud_project(qfc_server, session, tmp_path, name):
    client = Client(url=qfc_server.url, token=session._token)
    project = client.create_project(name)
    make_project_folder(tmp_path / "src", name, n_points=5)
    client.upload_files(project["id"], "project", str(tmp_path / "src"), throw_on_error=True)
    return client, project


def test_package_is_created_downloaded_and_opened_in_the_canvas(
    qfc_server, session, plugin_iface, tmp_path, download_root, unique_name
):
    client, project = _cloud_project(qfc_server, session, tmp_path, unique_name)
    QgsProject.instance().clear()
    actions = CloudActions(plugin_iface, session, ScriptedAsker())
    opened = []
    actions.packageOpened.connect(opened.append)

    actions.download_package(project)  # no package yet: a package job runs first
    wait_until(lambda: opened, timeout=60, message="package opened")
    wait_for_tasks()

    path = Path(opened[0])
    assert path.parent == download_root / "alice" / unique_name
    assert QgsProject.instance().fileName() == str(path)
    layers = list(QgsProject.instance().mapLayers().values())
    assert [layer.name() for layer in layers] == ["points"]
    assert all(layer.isValid() for layer in layers)
    assert layers[0].featureCount() == 5
    assert plugin_iface.mapCanvas().layers() and plugin_iface.mapCanvas().layers()[0].name() == "points"
    infos = plugin_iface.messageBar().get_messages(Qgis.Info)
    assert any("no finished package yet" in m for m in infos)
    assert any(": 1 layer(s)." in m for m in plugin_iface.messageBar().get_messages(Qgis.Success))
    assert [j["type"] for j in client.list_jobs(project["id"]) if j["type"] == "package"] == ["package"]
    QgsProject.instance().clear()


def test_unsaved_changes_are_asked_about_before_opening(
    qfc_server, session, plugin_iface, tmp_path, download_root, unique_name
):
    client, project = _cloud_project(qfc_server, session, tmp_path, unique_name)
    job = client.job_trigger(project["id"], "package")
    client.job_wait(job["id"], timeout=30, poll_interval=0.1)
    current = make_project_folder(tmp_path / "mine", "mine")
    QgsProject.instance().read(str(current))
    QgsProject.instance().setTitle("edited but not saved")
    assert QgsProject.instance().isDirty()

    asker = ScriptedAsker(choice=None)  # Cancel: keep the current project open
    actions = CloudActions(plugin_iface, session, asker)
    actions.download_package(project)
    wait_until(
        lambda: any("was not opened" in m for m in plugin_iface.messageBar().get_messages(Qgis.Info)),
        timeout=60,
        message="download without opening: {} {}".format(
            plugin_iface.messageBar().messages,
            [(t.description(), t.status()) for t in QgsApplication.taskManager().tasks()],
        ),
    )
    assert "unsaved changes" in asker.questions[-1]
    assert QgsProject.instance().fileName() == str(current)
    assert (download_root / "alice" / unique_name / (unique_name + "_qfield.qgs")).exists()

    asker.choice_answer = 1  # Discard and open
    opened = []
    actions.packageOpened.connect(opened.append)
    actions.download_package(project)
    wait_until(lambda: opened, timeout=60, message="package opened")
    wait_for_tasks()
    assert QgsProject.instance().fileName().endswith(unique_name + "_qfield.qgs")
    assert "edited but not saved" not in (tmp_path / "mine" / "mine.qgs").read_text()
    QgsProject.instance().clear()


def test_downloading_the_open_package_again_closes_it_first(
    qfc_server, session, plugin_iface, tmp_path, download_root, unique_name
):
    _client, project = _cloud_project(qfc_server, session, tmp_path, unique_name)
    asker = ScriptedAsker(choice=1)  # discard unsaved changes
    actions = CloudActions(plugin_iface, session, asker)
    opened = []
    actions.packageOpened.connect(opened.append)
    actions.download_package(project)
    wait_until(lambda: opened, timeout=60, message="first open")
    QgsProject.instance().setTitle("scribbles")
    assert QgsProject.instance().isDirty()

    events = []
    manager = QgsApplication.taskManager()

    def closed():
        events.append("closed")

    def added(task_id):
        events.append(manager.task(task_id).description())

    QgsProject.instance().cleared.connect(closed)
    manager.taskAdded.connect(added)
    try:
        actions.download_package(project)
        wait_until(lambda: len(opened) == 2, timeout=60, message="second open")
        wait_for_tasks()
    finally:
        QgsProject.instance().cleared.disconnect(closed)
        manager.taskAdded.disconnect(added)
    download = "Downloading the package of " + unique_name
    # The open package was closed before its files were replaced.
    assert events.index("closed") < events.index(download)
    assert sum("unsaved changes" in q for q in asker.questions) == 1  # asked once, not twice
    assert QgsProject.instance().title() != "scribbles"
    assert all(layer.isValid() for layer in QgsProject.instance().mapLayers().values())
    QgsProject.instance().clear()


def test_edits_saved_in_an_opened_package_are_never_lost_on_a_new_download(
    qfc_server, session, plugin_iface, tmp_path, download_root, unique_name
):
    _client, project = _cloud_project(qfc_server, session, tmp_path, unique_name)
    asker = ScriptedAsker(confirm=False)
    actions = CloudActions(plugin_iface, session, asker)
    opened = []
    actions.packageOpened.connect(opened.append)
    actions.download_package(project)
    wait_until(lambda: opened, timeout=60, message="first open")
    wait_for_tasks()
    package_dir = download_root / "alice" / unique_name
    edited = package_dir / "DCIM" / "notes.txt"
    edited.parent.mkdir(exist_ok=True)  # an attachment: a package carries the project's attachments
    edited.write_text("field notes typed into the package folder\n")
    (tmp_path / "src" / "DCIM").mkdir(exist_ok=True)
    (tmp_path / "src" / "DCIM" / "notes.txt").write_text("x")  # then a file of that name arrives on the server
    _client.upload_files(
        project["id"], "project", str(tmp_path / "src"), filter_glob="DCIM/notes.txt", throw_on_error=True
    )
    job = _client.job_trigger(project["id"], "package", force=True)
    _client.job_wait(job["id"], timeout=30, poll_interval=0.1)

    # The user says no: nothing is downloaded and the edit stays.
    actions.download_package(project)
    wait_until(
        lambda: any("Nothing was downloaded" in m for m in plugin_iface.messageBar().get_messages(Qgis.Info)),
        timeout=60,
        message="refusal reported",
    )
    assert "DCIM/notes.txt" in asker.questions[-1] and "will be replaced" in asker.questions[-1]
    assert edited.read_text() == "field notes typed into the package folder\n"

    # The user says yes: the server's version replaces it, and the edit is kept in the trash.
    asker.confirm_answer = True
    opened.clear()
    actions.download_package(project)
    wait_until(lambda: opened, timeout=60, message="second open")
    wait_for_tasks()
    assert edited.read_text() == "x"
    backups = list((package_dir / ".qfieldcloud" / "trash").glob("*/DCIM/notes.txt"))
    assert [b.read_text() for b in backups] == ["field notes typed into the package folder\n"]
    assert any(
        "previous versions of 1 replaced files" in m for m in plugin_iface.messageBar().get_messages(Qgis.Warning)
    )
    QgsProject.instance().clear()


def test_download_files_into_a_folder_asks_before_replacing_local_changes(
    qfc_server, session, plugin_iface, tmp_path, download_root, unique_name
):
    _client, project = _cloud_project(qfc_server, session, tmp_path, unique_name)
    (tmp_path / "src" / "notes.txt").write_text("the team's notes\n")
    _client.upload_files(project["id"], "project", str(tmp_path / "src"), filter_glob="notes.txt", throw_on_error=True)
    target = tmp_path / "mine"
    target.mkdir()
    (target / "notes.txt").write_text("my local notes\n")
    (target / "extra.txt").write_text("only here\n")
    asker = ScriptedAsker(confirm=False)
    actions = CloudActions(plugin_iface, session, asker)
    actions.download_files(project, str(target))
    wait_until(
        lambda: any("Nothing was downloaded" in m for m in plugin_iface.messageBar().get_messages(Qgis.Info)),
        timeout=60,
        message="refusal reported",
    )
    assert (target / "notes.txt").read_text() == "my local notes\n"
    assert not (target / (unique_name + ".qgs")).exists()

    asker.confirm_answer = True
    downloaded = []
    actions.filesDownloaded.connect(lambda folder, files: downloaded.append(files))
    actions.download_files(project, str(target))
    wait_until(lambda: downloaded, timeout=60, message="download finished")
    wait_for_tasks()
    assert (target / "notes.txt").read_text() == "the team's notes\n"
    assert (target / "extra.txt").read_text() == "only here\n"  # never deleted
    assert [b.read_text() for b in (target / ".qfieldcloud" / "trash").glob("*/notes.txt")] == ["my local notes\n"]
