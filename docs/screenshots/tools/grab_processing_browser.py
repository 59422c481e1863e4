"""Runs inside QGIS (--code): the Processing toolbox and the Browser panel with their QFieldCloud nodes."""

import os
from pathlib import Path

from qgis.core import QgsApplication, QgsSettings
from qgis.PyQt.QtCore import Qt, QTimer
from qgis.PyQt.QtWidgets import QDockWidget, QTreeView
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
plugin.dock.hide()


def at(ms, fn):
    QTimer.singleShot(ms, fn)


def dock(name):
    return win.findChild(QDockWidget, name)


def expand(view, *names):
    """Expand the rows named `names`, each under the previous one."""
    model, parent = view.model(), view.rootIndex()
    for name in names:
        index = next(
            (
                model.index(r, 0, parent)
                for r in range(model.rowCount(parent))
                if model.index(r, 0, parent).data() == name
            ),
            None,
        )
        if index is None:
            print("not found:", name, [model.index(r, 0, parent).data() for r in range(model.rowCount(parent))])
            return
        view.expand(index)
        view.scrollTo(index)
        parent = index


def toolbox():
    d = dock("ProcessingToolbox")
    d.show()
    d.raise_()
    view = d.findChild(QTreeView)
    expand(view, "QFieldCloud")
    view.setCurrentIndex(view.currentIndex())


def browser():
    dock("ProcessingToolbox").hide()
    d = dock("Browser")
    d.show()
    d.raise_()
    dock("Layers").hide()
    win.resizeDocks([d], [460], Qt.Orientation.Horizontal)
    return d.findChild(QTreeView)


plugin.session.login(URL, "alice", "alice-secret-1", remember=False)
at(2500, toolbox)
at(4000, lambda: win.grab().save(str(OUT / "processing_toolbox.png")))
at(4500, lambda: expand(browser(), "QFieldCloud"))
at(7000, lambda: expand(browser(), "QFieldCloud", "alice/field-survey"))
at(9500, lambda: expand(browser(), "QFieldCloud", "alice/field-survey", "Latest package"))
at(12500, lambda: win.grab().save(str(OUT / "browser_panel.png")))
at(13000, iface.actionExit().trigger)
