"""An expired token inside the running plugin: the login dialog comes back, the action is retried."""

import requests

import qfieldcloud_plugin
from tests.support.qgis_plugin_env import captured_log, flush_deletes, wait_for_tasks, wait_until


def test_401_brings_back_the_login_dialog_and_retries(plugin_iface, qfc_server, clean_settings, auth_manager):
    with captured_log() as logged:
        token, new_token = _expire_and_log_in_again(plugin_iface, qfc_server)
    assert logged, "the plugin logs to the QFieldCloud tab"
    assert not [m for _tag, m in logged if token in m or new_token in m], "a token reached the log"


def _expire_and_log_in_again(plugin_iface, qfc_server):
    plugin = qfieldcloud_plugin.classFactory(plugin_iface)
    plugin.initGui()
    try:
        plugin.session.login(qfc_server.root_url, "bob", "bob-secret-1", remember=True)
        wait_until(lambda: plugin.session.is_logged_in, message="login")
        token = plugin.session._token
        wait_until(lambda: not plugin.dock.projects_model.loading, message="projects")

        # The token is revoked elsewhere (bob logs out on another device).
        requests.post(qfc_server.url + "auth/logout/", headers={"Authorization": "Token " + token})
        plugin.dock.refresh_button.click()
        wait_until(lambda: plugin.login_dialog is not None, message="login dialog")
        dialog = plugin.login_dialog
        assert dialog.isVisible()
        assert dialog.message_label.text() == "Your QFieldCloud session has expired. Please log in again."
        assert not plugin.session.has_stored_token  # the dead token is not kept

        dialog.password_edit.setText("bob-secret-1")
        dialog.login_button.click()
        wait_until(lambda: plugin.login_dialog is None, message="dialog closed")
        # The interrupted refresh ran again with the new token.
        wait_until(
            lambda: not plugin.dock.projects_model.loading and plugin.dock.projects_model.exhausted,
            message="projects reloaded",
        )
        assert plugin.dock.stack.currentIndex() == plugin.dock.MAIN_PAGE
        assert plugin.dock.projects_model.error == ""
        new_token = plugin.session._token
        assert new_token and new_token != token
        wait_for_tasks()
    finally:
        plugin.unload()
        flush_deletes()
    return token, new_token


def test_giving_up_after_a_401_shows_the_logged_out_dock(plugin_iface, qfc_server, clean_settings):
    plugin = qfieldcloud_plugin.classFactory(plugin_iface)
    plugin.initGui()
    try:
        plugin.session.login(qfc_server.root_url, "carol", "carol-secret-1", remember=False)
        wait_until(lambda: plugin.session.is_logged_in and not plugin.dock.projects_model.loading, message="login")
        requests.post(qfc_server.url + "auth/logout/", headers={"Authorization": "Token " + plugin.session._token})
        plugin.dock.refresh_button.click()
        wait_until(lambda: plugin.login_dialog is not None, message="login dialog")
        plugin.login_dialog.reject()
        assert plugin.dock.stack.currentIndex() == plugin.dock.MESSAGE_PAGE
        assert "not logged in" in plugin.dock.message_label.text()
        assert plugin.dock.projects_model.rowCount() == 0
        wait_for_tasks()
    finally:
        plugin.unload()
        flush_deletes()
