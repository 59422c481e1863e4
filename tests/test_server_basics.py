"""Contract §1, §2, §4 and §15.1–3 against the local server: routes, auth and error shapes."""

import os
import re
import subprocess
import sys
from pathlib import Path

import requests

from tests.server.http_client import Api, error_code
from tests.support.local_server import REPO_ROOT, LocalServer, advance_clock
from tests.support.qgis_plugin_env import wait_until


def test_api_root_and_html_404(qfc_server):
    root = requests.get(qfc_server.url, timeout=10)
    assert root.status_code == 200 and root.json()["projects"].endswith("/api/v1/projects/")
    for path in ("nothing-here/", "files/007/", "projects/x/y/z/"):
        response = requests.get(qfc_server.url + path, timeout=10)
        assert response.status_code == 404
        assert response.headers["content-type"].startswith("text/html")


def test_missing_slash_redirects_relative(qfc_server, alice):
    for method in ("GET", "POST", "DELETE"):
        response = alice.request(method, "projects?limit=1")
        assert response.status_code == 301
        assert response.headers["location"] == "/api/v1/projects/?limit=1"
    file_url = alice.get("files/6d2e1f7a-3c4b-4e59-9a1d-2b7c8e9f0a11/a%20b.txt")
    assert file_url.status_code == 301 and file_url.headers["location"].endswith("/a%20b.txt/")


def test_login_shapes_and_identifiers(qfc_server, test_users):
    for identifier in ({"username": "bob"}, {"email": "bob@example.com"}, {"username": "bob@example.com"}):
        response = requests.post(
            qfc_server.url + "auth/login/",
            data={**identifier, "password": test_users["bob"]},
            headers={"User-Agent": "sdk|py|1"},
            timeout=10,
        )
        assert response.status_code == 200, identifier
        body = response.json()
        assert re.fullmatch(r"[A-Za-z0-9]{100}", body["token"])
        assert body["type"] == "1" and body["username"] == "bob"
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+0[12]:00", body["expires_at"])
        assert {"email", "avatar_url", "first_name", "last_name", "full_name"} <= set(body)
    alias = requests.post(
        qfc_server.url + "auth/token/",
        json={"username": "bob", "password": test_users["bob"]},
        headers={"User-Agent": "sdk|py|1"},
        timeout=10,
    )
    assert alias.status_code == 200


def test_login_errors(qfc_server):
    url = qfc_server.url + "auth/login/"
    assert error_code(requests.post(url, json={"username": "carol"}, timeout=10)) == "api_error"
    missing = requests.post(url, json={"password": "x"}, timeout=10)
    assert missing.status_code == 401 and error_code(missing) == "authentication_failed"
    assert "www-authenticate" not in missing.headers


def test_token_auth_codes(qfc_server, alice):
    anonymous = requests.get(qfc_server.url + "projects/", timeout=10)
    assert anonymous.status_code == 401 and error_code(anonymous) == "not_authenticated"
    bad = requests.get(qfc_server.url + "projects/", headers={"Authorization": "Token nope"}, timeout=10)
    assert bad.status_code == 401 and error_code(bad) == "token_authentication_failed"
    for keyword in ("Token", "token", "TOKEN"):
        response = requests.get(
            qfc_server.url + "auth/user/", headers={"Authorization": f"{keyword} {alice.token}"}, timeout=10
        )
        assert response.status_code == 200
        assert response.json()["type"] == 1 and response.json()["username"] == "alice"


def test_logout_expires_all_tokens_of_the_user(qfc_server, test_users):
    first = Api.login(qfc_server.url, "dave", test_users["dave"], user_agent="qfield|1.0")
    second = Api.login(qfc_server.url, "dave", test_users["dave"], user_agent="sdk|py|1")
    assert second.get("auth/logout/").json() == {"detail": "Successfully logged out."}
    for api in (first, second):
        response = api.get("auth/user/")
        assert response.status_code == 401 and error_code(response) == "token_authentication_failed"
    assert requests.post(qfc_server.url + "auth/logout/", timeout=10).status_code == 200


def test_single_token_client_types(qfc_server, test_users):
    plugin = Api.login(qfc_server.url, "carol", test_users["carol"], user_agent="QtNetwork QGIS/34000")
    sdk = Api.login(qfc_server.url, "carol", test_users["carol"], user_agent="sdk|py|1")
    qfieldsync = Api.login(qfc_server.url, "carol", test_users["carol"], user_agent="python QGIS/32200/1")
    assert plugin.get("auth/user/").status_code == 401  # same qfieldsync type, kicked out
    assert sdk.get("auth/user/").status_code == 200
    assert qfieldsync.get("auth/user/").status_code == 200
    browser = Api.login(qfc_server.url, "carol", test_users["carol"], user_agent="Mozilla/5.0 Firefox/120.0")
    assert browser.get("auth/user/").status_code == 200 and qfieldsync.get("auth/user/").status_code == 200
    # A QGIS token in a Mozilla-like agent is still qfieldsync: it replaces the previous one.
    Api.login(qfc_server.url, "carol", test_users["carol"], user_agent="Mozilla/5.0 QGIS/32200")
    assert qfieldsync.get("auth/user/").status_code == 401


def test_public_endpoints(qfc_server):
    providers = requests.get(qfc_server.url + "auth/providers/", timeout=10).json()
    assert providers[0]["type"] == "credentials"
    info = requests.get(qfc_server.url + "server/info/", timeout=10).json()
    assert {"whitelabel", "auth_providers", "signup_url"} <= set(info)
    status = requests.get(qfc_server.url + "status/", timeout=10).json()
    assert status["database"] == "ok" and status["storage"] == "ok" and status["incident_message"] is None


def test_error_shapes(qfc_server, alice):
    pizza = alice.get("projects/pizza/")
    assert pizza.status_code == 400 and error_code(pizza) == "validation_error"
    assert pizza.json()["message"] == "Validation error"
    missing = alice.get("projects/00000000-0000-4000-8000-000000000000/")
    assert missing.status_code == 404 and missing.json() == {"code": "object_not_found", "message": "Object not found"}
    unknown_job = alice.get("jobs/00000000-0000-4000-8000-000000000000/")
    assert unknown_job.status_code == 403 and error_code(unknown_job) == "permission_denied"
    not_allowed = alice.put("projects/")
    assert not_allowed.status_code == 405 and error_code(not_allowed) == "api_error"


def test_lockout_and_token_expiry_and_restart(tmp_path):
    """Uses its own server: 5 failures lock username+IP, tokens expire, state survives a restart."""
    server = LocalServer(users={"erin": "erin-pw"}, orgs={}, data_dir=tmp_path, extra_args=["--test-clock"])
    with server:
        url = server.url + "auth/login/"
        codes = [
            error_code(
                requests.post(url, json={"username": "erin", "password": "bad"}, timeout=10)  # pragma: allowlist secret
            )  # (the pragma: a wrong password on purpose)
            for _ in range(5)
        ]
        assert codes == ["authentication_failed"] * 4 + ["too_many_failed_login_attempts"]
        locked = requests.post(url, json={"username": "erin", "password": "erin-pw"}, timeout=10)
        assert locked.status_code == 401 and error_code(locked) == "too_many_failed_login_attempts"
        api = Api.login(server.url, "erin@example.com", "erin-pw")
        assert api.get("auth/user/").status_code == 200
        advance_clock(server, 31 * 24 * 3600)  # past the default 30-day lifetime
        expired = api.get("auth/user/")
        assert expired.status_code == 401 and error_code(expired) == "token_authentication_failed"
        api = Api.login(server.url, "erin@example.com", "erin-pw")
        project = api.create_project("kept")
        process = server.process
    assert process.returncode == 0  # SIGTERM is a clean shutdown
    with LocalServer(users={"erin": "erin-pw"}, orgs={}, data_dir=tmp_path) as again:
        api = Api.login(again.url, "erin@example.com", "erin-pw")  # "erin" stays locked
        assert [p["id"] for p in api.get("projects/").json()] == [project["id"]]


def test_demo_account_without_users():
    with LocalServer(users={}, orgs={}) as server:
        api = Api.login(server.url, "demo", "qfieldcloud-demo")
        (project,) = api.get("projects/").json()
        assert project["name"] == "demo-project" and project["the_qgis_file_name"] == "demo-project.qgs"
        names = {f["name"] for f in api.get(f"files/{project['id']}/").json()}
        assert names == {"demo-project.qgs", "data.gpkg"}


def _running(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    stat = Path(f"/proc/{pid}/stat")  # an exited child that nobody reaped yet is a zombie, not a server
    return not (stat.exists() and stat.read_text().split(") ", 1)[1].startswith("Z"))


def test_a_server_outlives_no_test_process_killed_outright(tmp_path):
    script = (
        "import sys, time\n"
        "from tests.support.local_server import LocalServer\n"
        "server = LocalServer(data_dir=sys.argv[1]).start()\n"
        "print(server.process.pid, flush=True)\n"
        "time.sleep(600)\n"
    )
    parent = subprocess.Popen(
        [sys.executable, "-c", script, str(tmp_path)], cwd=str(REPO_ROOT), stdout=subprocess.PIPE, text=True
    )
    try:
        server_pid = int(parent.stdout.readline())
        assert _running(server_pid)
    finally:
        parent.kill()  # SIGKILL: no teardown runs
        parent.wait(timeout=30)
    wait_until(lambda: not _running(server_pid), timeout=30, message="the orphaned server to stop")
