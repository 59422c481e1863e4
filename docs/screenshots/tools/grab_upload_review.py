"""Runs inside QGIS (--code): the QField settings table, then an upload of a project saved among
private files with a layer outside its folder: the project check, then the upload list."""

import os
import shutil
from pathlib import Path

from qgis.core import QgsApplication, QgsProject, QgsSettings, QgsVectorLayer
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QApplication, QDialogButtonBox, QMessageBox
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
work = HOME / "Documents" / "park-trees"


def modal(name):
    box = QApplication.activeModalWidget()
    return box if box is not None and box.objectName() == name else None


def setup():
    from qfieldcloud_plugin.client import Client
    from qfieldcloud_plugin.core.project_link import ProjectLink, write_link

    client = Client(url=URL + "api/v1/", token=plugin.session._token)
    project = client.create_project("park-trees", description="upload review screenshot")
    work.mkdir(parents=True, exist_ok=True)
    demo = Path(os.environ["REPO"]) / "tests" / "server" / "demo"
    for f in demo.iterdir():
        shutil.copy(f, work / ("park-trees.qgs" if f.suffix == ".qgs" else f.name))
    (work / "DCIM").mkdir()
    for name in ("DCIM/oak-17.jpg", "DCIM/oak-18.jpg", "species.csv"):
        (work / name).write_bytes(b"x" * 40000)
    for name in ("salaries-2026.xlsx", "tax-return.pdf", "holiday-video.mov"):
        (work / name).write_bytes(b"private" * 30000)
    shared = HOME / "shared"
    shared.mkdir(parents=True, exist_ok=True)
    shutil.copy(demo / "data.gpkg", shared / "roads.gpkg")
    project_file = QgsProject.instance()
    project_file.read(str(work / "park-trees.qgs"))
    project_file.addMapLayer(QgsVectorLayer(str(shared / "roads.gpkg"), "roads", "ogr"))
    project_file.addMapLayer(QgsVectorLayer("Point?crs=EPSG:4326&field=note:string", "field sketches", "memory"))
    write_link(ProjectLink(plugin.session.server_url, project["id"], "alice", "park-trees"))
    project_file.write()
    plugin.qfield_settings_action.trigger()  # modal: grabbed by settings() below


def settings():
    box = modal("QFieldCloudQFieldSettingsDialog")
    if box is None:
        return
    box.resize(900, 640)
    at(300, lambda: box.grab().save(str(OUT / "qfield_settings.png")))
    at(700, box.reject)
    at(1500, plugin.upload_action.trigger)
    at(4000, check)


def check():
    box = modal("QFieldCloudProjectCheckDialog")
    other = QApplication.activeModalWidget()
    if box is None and isinstance(other, QMessageBox):  # "save the project first?": yes
        print("answered:", other.text(), flush=True)
        other.button(QMessageBox.StandardButton.Yes).click()
    if box is None:
        at(500, check)
        return
    box.resize(980, 520)
    at(300, lambda: box.grab().save(str(OUT / "project_check.png")))
    at(800, box.apply_button.click)
    at(4000, upload_list)


def upload_list():
    box = modal("QFieldCloudUploadListDialog")
    if box is None:
        at(500, upload_list)
        return
    box.resize(760, 560)
    at(300, lambda: box.grab().save(str(OUT / "upload_list.png")))
    at(800, lambda: box.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click())
    at(6000, lambda: os._exit(0))


at(1000, lambda: plugin.session.login(URL, "alice", "alice-secret-1", remember=False))
at(3500, setup)
at(5500, settings)
at(40000, lambda: os._exit(0))
