"""initGui/unload: toolbar, Web menu, dock; load → unload → load leaves no duplicate."""

from qgis.core import Qgis
from qgis.PyQt.QtWidgets import QDockWidget, QToolBar

import qfieldcloud_plugin
from qfieldcloud_plugin.gui.login_dialog import LoginDialog
from tests.support.qgis_plugin_env import flush_deletes, wait_for_tasks, wait_until


def _ui(iface):
    window = iface.mainWindow()
    web_actions = [a.text() for m in iface.web_menu().findChildren(type(iface.web_menu())) for a in m.actions()]
    return {
        "toolbars": [t for t in window.findChildren(QToolBar) if t.objectName() == "QFieldCloudToolbar"],
        "docks": [d for d in window.findChildren(QDockWidget) if d.objectName() == "QFieldCloudDock"],
        "web_actions": web_actions,
    }


def test_load_unload_load_leaves_no_duplicate(plugin_iface, clean_settings):
    plugin = qfieldcloud_plugin.classFactory(plugin_iface)
    plugin.initGui()
    ui = _ui(plugin_iface)
    assert len(ui["toolbars"]) == 1 and len(ui["docks"]) == 1
    assert "Upload the open project to QFieldCloud" in ui["web_actions"]
    assert [a.text() for a in ui["toolbars"][0].actions()] == [
        "QFieldCloud projects",
        "Synchronize the open project with QFieldCloud…",
        "Upload the open project to QFieldCloud",
        "Open the QFieldCloud package in the map",
    ]

    plugin.unload()
    flush_deletes()
    ui = _ui(plugin_iface)
    assert ui == {"toolbars": [], "docks": [], "web_actions": []}

    again = qfieldcloud_plugin.classFactory(plugin_iface)
    again.initGui()
    ui = _ui(plugin_iface)
    assert len(ui["toolbars"]) == 1 and len(ui["docks"]) == 1
    assert ui["web_actions"].count("Upload the open project to QFieldCloud") == 1
    again.unload()
    flush_deletes()


def test_dock_explains_not_logged_in_and_opens_login(plugin_iface, clean_settings):
    plugin = qfieldcloud_plugin.classFactory(plugin_iface)
    plugin.initGui()
    try:
        assert "not logged in" in plugin.dock.message_label.text()
        plugin.dock.message_button.click()
        assert isinstance(plugin.login_dialog, LoginDialog) and plugin.login_dialog.isVisible()
    finally:
        plugin.unload()
        flush_deletes()


def test_login_dialog_wrong_password_then_success(plugin_iface, qfc_server, clean_settings):
    plugin = qfieldcloud_plugin.classFactory(plugin_iface)
    plugin.initGui()
    try:
        dialog = plugin.show_login("")
        dialog.server_combo.setCurrentText(qfc_server.root_url)
        dialog.username_edit.setText("alice")
        dialog.password_edit.setText("not-her-password")
        dialog.login_button.click()
        wait_until(lambda: dialog.message_label.text() == "Wrong username, email or password.", message="error")
        assert dialog.isVisible() and dialog.login_button.isEnabled()

        dialog.password_edit.setText("alice-secret-1")
        dialog.login_button.click()
        wait_until(lambda: not dialog.isVisible(), message="dialog closed")
        assert plugin.dock.user_label.text().startswith("alice on 127.0.0.1")
        wait_until(lambda: not plugin.dock.projects_model.loading, message="projects")
        wait_for_tasks()
    finally:
        plugin.unload()
        flush_deletes()


def test_remembered_login_is_restored_at_start(plugin_iface, qfc_server, clean_settings, auth_manager):
    plugin = qfieldcloud_plugin.classFactory(plugin_iface)
    plugin.initGui()
    plugin.session.login(qfc_server.root_url, "dave", "dave-secret-1", remember=True)
    wait_until(lambda: plugin.session.is_logged_in, message="login")
    plugin.unload()
    flush_deletes()
    # QGIS restarts: the plugin logs in again without asking.
    restarted = qfieldcloud_plugin.classFactory(plugin_iface)
    restarted.initGui()
    try:
        wait_until(lambda: restarted.session.is_logged_in, message="restored login")
        assert restarted.login_dialog is None
        assert restarted.dock.user_label.text().startswith("dave on")
        wait_for_tasks()
    finally:
        restarted.unload()
        flush_deletes()
    assert plugin_iface.messageBar().get_messages(Qgis.Critical) == []


def test_unload_during_an_upload_cancels_it_cleanly(plugin_iface, qfc_server, clean_settings, tmp_path, unique_name):
    from qgis.core import QgsApplication, QgsProject

    from tests.support.qgis_plugin_env import ScriptedAsker, make_project_folder

    path = make_project_folder(tmp_path / "proj", unique_name)
    data = tmp_path / "proj" / "data"
    data.mkdir()
    for i in range(300):
        (data / "f{:03d}.bin".format(i)).write_bytes(bytes([i % 256]) * 32768)
    QgsProject.instance().read(str(path))
    plugin = qfieldcloud_plugin.classFactory(plugin_iface)
    plugin.initGui()
    plugin.cloud_actions.asker = ScriptedAsker(confirm=True, choice=0)
    plugin.session.login(qfc_server.root_url, "alice", "alice-secret-1", remember=False)
    wait_until(lambda: plugin.session.is_logged_in, message="login")
    plugin.upload_action.trigger()
    wait_until(
        lambda: any(
            t.description().startswith("Uploading") and t.progress() > 1 for t in QgsApplication.taskManager().tasks()
        ),
        timeout=30,
        message="upload running",
    )
    plugin.unload()
    flush_deletes()
    wait_for_tasks(timeout=30)  # the detached task stops between chunks; nothing touches the removed UI
    assert QgsApplication.taskManager().countActiveTasks() == 0
    again = qfieldcloud_plugin.classFactory(plugin_iface)
    again.initGui()
    assert again.dock.stack.currentIndex() == again.dock.MESSAGE_PAGE
    again.unload()
    flush_deletes()
    QgsProject.instance().clear()


def test_start_with_remembered_login_while_the_server_is_down(plugin_iface, clean_settings, auth_manager):
    from tests.support.local_server import LocalServer

    server = LocalServer(users={"erin": "erin-secret-1"}, orgs={}).start()
    try:
        plugin = qfieldcloud_plugin.classFactory(plugin_iface)
        plugin.initGui()
        plugin.session.login(server.root_url, "erin", "erin-secret-1", remember=True)
        wait_until(lambda: plugin.session.is_logged_in, message="login")
        plugin.unload()
        flush_deletes()
    finally:
        server.stop()
    restarted = qfieldcloud_plugin.classFactory(plugin_iface)
    restarted.initGui()
    try:
        wait_until(
            lambda: "Cannot reach the server" in restarted.dock.message_label.text(),
            timeout=30,
            message="unreachable message",
        )
        assert restarted.dock.message_button.text() == "Retry"
        assert restarted.login_dialog is None  # the token is kept: nothing to type once the server is back
        assert restarted.session.has_stored_token
    finally:
        restarted.unload()
        flush_deletes()
