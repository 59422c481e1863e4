"""Flows through the real dialogs of MessageBoxAsker: a timer finds the modal box and presses its button."""

import pytest
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QApplication, QDialog, QMessageBox, QPlainTextEdit, QPushButton

from qfieldcloud_plugin.client import Client, NotFoundError
from qfieldcloud_plugin.gui.asker import MessageBoxAsker
from qfieldcloud_plugin.gui.workflows import CloudActions
from tests.support.qgis_plugin_env import wait_for_tasks, wait_until


def press_when_shown(button_text, seen):
    """Press the button labelled `button_text` (`&` ignored) of the next modal dialog, recording its text."""

    def press():
        box = QApplication.activeModalWidget()
        if box is None:
            QTimer.singleShot(10, press)
            return
        seen.append(box.text() if isinstance(box, QMessageBox) else box.findChild(QPlainTextEdit).toPlainText())
        buttons = [b for b in box.findChildren(QPushButton) if b.text().replace("&", "") == button_text]
        buttons[0].click()

    QTimer.singleShot(0, press)


def test_deleting_a_project_through_the_real_confirmation(qfc_server, session, plugin_iface, unique_name):
    client = Client(url=qfc_server.url, token=session._token)
    project = client.create_project(unique_name)
    actions = CloudActions(plugin_iface, session, MessageBoxAsker(plugin_iface.mainWindow()))
    deleted = []
    actions.projectDeleted.connect(deleted.append)

    seen = []
    press_when_shown("No", seen)
    actions.delete_project(project)
    wait_for_tasks()
    assert unique_name in seen[0] and client.get_project(project["id"])["id"] == project["id"]

    press_when_shown("Yes", seen)
    actions.delete_project(project)
    wait_until(lambda: deleted, timeout=30, message="deleted")
    wait_for_tasks()
    with pytest.raises(NotFoundError):
        client.get_project(project["id"])


def test_a_failed_job_output_in_the_real_viewer(qgis_app, qgis_iface):
    seen = []
    press_when_shown("Close", seen)
    MessageBoxAsker(qgis_iface.mainWindow()).show_text("Output of the package job", "line 1\nTraceback: boom")
    assert seen == ["line 1\nTraceback: boom"]
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]
