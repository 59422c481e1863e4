"""Login, wrong password, expired token and remembered logins against the local server."""

import requests
from qgis.core import QgsSettings

from qfieldcloud_plugin.core.session import CloudSession
from tests.support.local_server import TEST_USERS
from tests.support.qgis_plugin_env import wait_for_tasks, wait_until


def _record(signal):
    seen = []
    signal.connect(lambda *args: seen.append(args))
    return seen


def test_login_with_email_style_username_fails_with_a_clear_message(qfc_server, clean_settings):
    cloud = CloudSession()
    failures = _record(cloud.loginFailed)
    cloud.login(qfc_server.root_url, "alice", "wrong password", remember=False)
    wait_until(lambda: failures, message="login failure")
    assert failures[0][0] == "Wrong username, email or password."
    assert not cloud.is_logged_in


def test_unreachable_server_is_explained(clean_settings):
    cloud = CloudSession()
    failures = _record(cloud.loginFailed)
    cloud.login("http://127.0.0.1:9/", "alice", "x", remember=False)
    wait_until(lambda: failures, message="login failure")
    assert failures[0][0].startswith("Cannot reach the server 127.0.0.1:9")


def test_login_remembers_server_and_user_but_not_the_token_without_remember_me(qfc_server, session):
    assert session.username == "alice"
    settings = QgsSettings()
    assert settings.value("qfieldcloud/server_url") == qfc_server.root_url
    assert settings.value("qfieldcloud/username") == "alice"
    assert settings.value("qfieldcloud/authcfg", "") == ""


def test_remember_me_logs_in_again_at_start_without_asking(qfc_server, clean_settings, auth_manager):
    first = CloudSession()
    first.login(qfc_server.root_url, "bob", "bob-secret-1", remember=True)
    wait_until(lambda: first.is_logged_in, message="login")
    assert QgsSettings().value("qfieldcloud/authcfg")
    # A new QGIS start: a fresh session restores the token and validates it in a task.
    second = CloudSession()
    logged_in = _record(second.loggedIn)
    assert second.restore()
    wait_until(lambda: logged_in, message="restored login")
    assert second.username == "bob"


def test_revoked_token_asks_for_login_and_replays_the_call(qfc_server, session):
    # Another client logs alice out on the server: every token of hers is revoked.
    credentials = {"username": "alice", "password": TEST_USERS["alice"]}
    token = requests.post(qfc_server.url + "auth/login/", data=credentials).json()["token"]
    requests.post(qfc_server.url + "auth/logout/", headers={"Authorization": "Token " + token})
    asked = _record(session.authRequired)
    results = []
    session.call("list", lambda client, _task: client.list_projects(), on_success=results.append)
    wait_until(lambda: asked, message="login request")
    assert "expired" in asked[0][0]
    assert not session.is_logged_in and results == []
    session.login(qfc_server.root_url, "alice", "alice-secret-1", remember=False)
    wait_until(lambda: results, message="replayed call")
    assert isinstance(results[0], list)


def test_logout_forgets_the_stored_token(qfc_server, clean_settings, auth_manager):
    cloud = CloudSession()
    cloud.login(qfc_server.root_url, "carol", "carol-secret-1", remember=True)
    wait_until(lambda: cloud.is_logged_in, message="login")
    authcfg = QgsSettings().value("qfieldcloud/authcfg")
    logged_out = _record(cloud.loggedOut)
    cloud.logout()
    wait_for_tasks()
    assert logged_out and not cloud.is_logged_in
    assert authcfg not in auth_manager.configIds()
    assert not CloudSession().restore()


def test_qgis_proxy_settings_reach_the_client(qfc_server, clean_settings):
    settings = QgsSettings()
    settings.setValue("proxy/proxyEnabled", True)
    settings.setValue("proxy/proxyType", "HttpProxy")
    settings.setValue("proxy/proxyHost", "127.0.0.1")
    settings.setValue("proxy/proxyPort", "9")  # nothing listens there
    try:
        cloud = CloudSession()
        failures = _record(cloud.loginFailed)
        cloud.login(qfc_server.root_url, "alice", "alice-secret-1", remember=False)
        wait_until(lambda: failures, message="login through the proxy")
        assert failures[0][0].startswith("Cannot reach the server")
        # Excluding the server from the proxy, as in QGIS's options, lets the login through.
        settings.setValue("proxy/proxyExcludedUrls", [qfc_server.root_url])
        cloud.login(qfc_server.root_url, "alice", "alice-secret-1", remember=False)
        wait_until(lambda: cloud.is_logged_in, message="login without proxy")
    finally:
        settings.remove("proxy")
