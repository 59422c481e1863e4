"""Runs inside QGIS (--code): loads the plugin, logs in to the local server, saves screenshots."""

import os
from pathlib import Path

from qgis.core import QgsApplication, QgsProject, QgsSettings
from qgis.PyQt.QtCore import QTimer
from qgis.utils import iface, loadPlugin, plugins, startPlugin

OUT = Path(os.environ["GRAB_OUT"])
URL = os.environ["QFC_URL"]
QgsApplication.authManager().setMasterPassword("grab-only", True)
HOME = Path(os.environ["GRAB_HOME"])
QgsSettings().setValue("qfieldcloud/download_dir", str(HOME / "QFieldCloud"))
QgsSettings().setValue("qfieldcloud/job_poll_interval_ms", 500)
loadPlugin("qfieldcloud_plugin")
startPlugin("qfieldcloud_plugin")
plugin = plugins["qfieldcloud_plugin"]
win = iface.mainWindow()
win.resize(1400, 900)


def shot(name, widget=None):
    (widget or win).grab().save(str(OUT / name))


def at(ms, fn):
    QTimer.singleShot(ms, fn)


def login():
    shot("dock_logged_out.png")
    d = plugin.show_login("")
    d.server_combo.setCurrentText(URL)
    d.username_edit.setText("alice")
    d.password_edit.setText("alice-secret-1")
    d.remember_check.setChecked(True)
    at(700, lambda: (shot("login_dialog.png", d), d.login_button.click()))


def select(name):
    m = plugin.dock.projects_model
    for row, p in enumerate(m.rows):
        if p["name"] == name:
            plugin.dock.projects_view.setCurrentIndex(m.index(row, 0))


def bad_login():
    d = plugin.show_login("")
    d.password_edit.setText("wrong")
    d.login_button.click()
    at(1500, lambda: (shot("login_dialog_error.png", d), d.reject()))


at(1500, login)
at(4500, lambda: select("empty-draft"))
at(
    6500,
    lambda: (plugin.dock.jobs_view.setCurrentIndex(plugin.dock.jobs_model.index(0, 0)), shot("dock_failed_job.png")),
)
at(7000, lambda: select("field-survey"))
at(9500, lambda: shot("dock_projects_jobs.png"))
at(9600, lambda: plugin.dock.tabs.setCurrentIndex(1))
at(
    10500,
    lambda: (
        shot("dock_files.png"),
        plugin.dock.tabs.setCurrentIndex(0),
        plugin.dock.open_package_button.defaultAction().trigger(),
    ),
)
at(16000, lambda: (iface.mapCanvas().zoomToFullExtent(), iface.mapCanvas().refresh()))
at(19000, lambda: shot("package_in_canvas.png"))
at(19500, lambda: (plugin.dock.tabs.setCurrentIndex(1), plugin.dock.refresh_files()))
at(21500, lambda: shot("dock_files_linked.png"))


def upload():
    import shutil

    from qfieldcloud_plugin.core.project_link import ProjectLink, write_link

    work = HOME / "work" / "field-survey"
    work.mkdir(parents=True, exist_ok=True)
    for f in (Path(os.environ["REPO"]) / "tests" / "server" / "demo").iterdir():
        shutil.copy(f, work / ("field-survey.qgs" if f.suffix == ".qgs" else f.name))
    (work / "notes.csv").write_text("id,text\n1,checked the oak\n")
    QgsProject.instance().read(str(work / "field-survey.qgs"))
    p = plugin.dock.project
    write_link(ProjectLink(plugin.session.server_url, p["id"], p["owner"], p["name"]))
    QgsProject.instance().write()
    plugin.upload_action.trigger()


def answer_conflict():
    from qgis.PyQt.QtWidgets import QApplication

    box = QApplication.activeModalWidget()
    if box is not None:
        shot("upload_conflict.png", box)
        [b.click() for b in box.buttons() if b.text().startswith("Overwrite")]


at(22000, upload)
at(25000, answer_conflict)
at(29000, lambda: (plugin.dock.tabs.setCurrentIndex(1), plugin.dock.refresh_files()))
at(31000, lambda: shot("upload_summary.png"))
at(31500, bad_login)
at(34000, lambda: os._exit(0))
