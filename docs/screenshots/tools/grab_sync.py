"""Runs inside QGIS (--code): the sync plan dialog with a conflict, changes on both sides and deletions."""

import os
import shutil
from pathlib import Path

from qgis.core import QgsApplication, QgsProject, QgsSettings
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QApplication, QDialogButtonBox
from qgis.utils import iface, loadPlugin, plugins, startPlugin

OUT = Path(os.environ["GRAB_OUT"])
URL = os.environ["QFC_URL"]
HOME = Path(os.environ["GRAB_HOME"])
QgsApplication.authManager().setMasterPassword("grab-only", True)
QgsSettings().setValue("qfieldcloud/download_dir", str(HOME / "QFieldCloud"))
loadPlugin("qfieldcloud_plugin")
startPlugin("qfieldcloud_plugin")
plugin = plugins["qfieldcloud_plugin"]
win = iface.mainWindow()
win.resize(1400, 900)
at = QTimer.singleShot
work = HOME / "work" / "tree-inventory"


def dialog():
    box = QApplication.activeModalWidget()
    return box if box is not None and box.objectName() == "QFieldCloudSyncPlanDialog" else None


def setup():
    from qfieldcloud_plugin.client import Client
    from qfieldcloud_plugin.core.project_link import ProjectLink, write_link

    client = Client(url=URL + "api/v1/", token=plugin.session._token)
    project = client.create_project("tree-inventory", description="sync screenshot")
    work.mkdir(parents=True, exist_ok=True)
    for f in (Path(os.environ["REPO"]) / "tests" / "server" / "demo").iterdir():
        shutil.copy(f, work / ("tree-inventory.qgs" if f.suffix == ".qgs" else f.name))
    (work / "DCIM").mkdir()
    for name in ("notes.csv", "DCIM/oak-17.jpg", "DCIM/oak-18.jpg", "species.csv", "old-plan.pdf"):
        (work / name).write_bytes(("first version of " + name + "\n").encode() * 40)
    QgsProject.instance().read(str(work / "tree-inventory.qgs"))
    write_link(ProjectLink(plugin.session.server_url, project["id"], "alice", "tree-inventory"))
    QgsProject.instance().write()
    plugin.__grab = (client, project)
    plugin.sync_action.trigger()
    at(3000, lambda: dialog() and dialog().buttons.button(QDialogButtonBox.StandardButton.Ok).click())


def edit_both_sides():
    client, project = plugin.__grab
    theirs = HOME / "colleague"
    theirs.mkdir(exist_ok=True)
    for name, text in (
        ("notes.csv", "id,text\n1,their notes from the field\n"),
        ("species.csv", "oak,quercus\nash,fraxinus\n"),
    ):
        (theirs / Path(name).name).write_text(text)
        client.upload_file(project["id"], "project", theirs / Path(name).name, name)
    client.delete_file(project["id"], "DCIM/oak-18.jpg")
    (work / "notes.csv").write_text("id,text\n1,my notes, checked twice\n")
    (work / "DCIM" / "oak-19.jpg").write_bytes(b"\xff\xd8 new photo" * 5000)
    (work / "old-plan.pdf").unlink()
    plugin.sync_action.trigger()


def grab():
    box = dialog()
    if box is None:
        return
    box.resize(900, 560)
    from qfieldcloud_plugin.core.sync import Resolution

    box.set_choice("notes.csv", Resolution.KEEP_BOTH)  # a conflict has no default: show one chosen
    at(300, lambda: (box.grab().save(str(OUT / "sync_plan.png")), win.grab().save(str(OUT / "sync_plan_window.png"))))
    at(800, box.reject)


at(1000, lambda: plugin.session.login(URL, "alice", "alice-secret-1", remember=False))
at(3500, setup)
at(9000, edit_both_sides)
at(12000, grab)
at(14000, lambda: os._exit(0))
