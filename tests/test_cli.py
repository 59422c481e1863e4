"""The CLI as a user runs it: `python -m qfieldcloud_plugin.client` in a subprocess."""

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from qfieldcloud_plugin.client import Client, __version__
from tests.support.fake_http import FakeServer, Reply, closed_port

REPO = Path(__file__).resolve().parents[1]
QGS = '<qgis version="3.34.0"><projectlayers/></qgis>\n'


def run(*args, env=None, token=None, url=None):
    full_env = {k: v for k, v in os.environ.items() if not k.startswith(("QFIELDCLOUD_", "QFC_SDK_"))}
    if url:
        full_env["QFIELDCLOUD_URL"] = url
    if token:
        full_env["QFIELDCLOUD_TOKEN"] = token
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "qfieldcloud_plugin.client", *args],
        cwd=str(REPO),
        env=full_env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def ok(result):
    assert result.returncode == 0, result.stderr
    return result


def fails(result, *fragments):
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for fragment in fragments:
        assert fragment in lines[0]
    return lines[0]


def as_json(result):
    ok(result)
    payload = json.loads(result.stdout)
    assert result.stdout == json.dumps(payload, sort_keys=True, indent=2) + "\n"
    return payload


@pytest.fixture(scope="module")
def cli(qfc_server):
    """run() preset with the server URL and a token of alice."""
    client = Client(qfc_server.url)
    client.login("alice", qfc_server.users["alice"])

    def call(*args, token=client.token, **kwargs):
        return run(*args, url=qfc_server.url, token=token, **kwargs)

    return call


@pytest.fixture
def project_id(cli, unique_name):
    return as_json(cli("--json", "create-project", unique_name, "--description", "cli"))["id"]


def test_version_and_help():
    assert __version__ in ok(run("--version")).stdout
    assert "upload-files" in ok(run("--help")).stdout


def test_unknown_command_is_a_usage_error():
    result = run("fly-away")
    assert result.returncode == 2
    assert "invalid choice" in result.stderr


def test_login_prints_the_export_line(qfc_server):
    result = ok(run("login", "bob", qfc_server.users["bob"], url=qfc_server.url))
    line = result.stdout.strip()
    assert line.startswith('export QFIELDCLOUD_TOKEN="') and len(line) > 40
    token = line.split('"')[1]
    assert Client(qfc_server.url, token=token).get_user()["username"] == "bob"  # the printed token is bob's
    listed = as_json(run("--json", "list-projects", url=qfc_server.url, token=token))
    assert [p["id"] for p in listed] == [p["id"] for p in Client(qfc_server.url, token=token).list_projects()]
    payload = as_json(
        run(
            "--json",
            "login",
            url=qfc_server.url,
            env={"QFIELDCLOUD_USERNAME": "bob", "QFIELDCLOUD_PASSWORD": qfc_server.users["bob"]},
        )
    )
    assert payload["username"] == "bob" and payload["token"]


def test_wrong_password_exits_non_zero_with_one_line(qfc_server):
    fails(run("login", "bob", "wrong", url=qfc_server.url), "Error:", "401")
    fails(run("-u", "bob", "-p", "wrong", "list-projects", url=qfc_server.url), "401")


def test_username_and_password_options_log_in_first(qfc_server):
    payload = as_json(
        run("-U", qfc_server.root_url, "-u", "carol", "-p", qfc_server.users["carol"], "--json", "list-projects")
    )
    assert isinstance(payload, list)


def test_logout_then_the_token_is_refused(qfc_server):
    client = Client(qfc_server.url)
    client.login("dave", qfc_server.users["dave"])
    ok(run("logout", url=qfc_server.url, token=client.token))
    fails(run("list-projects", url=qfc_server.url, token=client.token), "token_authentication_failed")


def test_status(qfc_server):
    assert "Storage: ok" in ok(run("status", url=qfc_server.url)).stdout
    assert as_json(run("--json", "status", url=qfc_server.url))["storage"] == "ok"


def test_unreachable_server():
    port = closed_port()
    line = fails(run("-U", f"http://127.0.0.1:{port}/", "status"), "Could not connect", f"127.0.0.1:{port}")
    assert "Check the URL" in line


def test_invalid_url():
    fails(run("-U", "app.qfield.cloud", "status"), "must start with http")


def test_a_non_api_url_gets_a_clear_message(qfc_server):
    fails(run("-U", qfc_server.root_url + "not-qfc/", "status"), "HTML page instead of JSON")


def test_server_html_500_is_one_line():
    with FakeServer() as fake:
        fake.route("GET", "api/v1/status/", Reply(500, {"Content-Type": "text/html"}, b"<html>\n<h1>500</h1>\n</html>"))
        fails(run("-U", fake.url, "status"), "500", "HTML page")


def test_no_token_is_refused(qfc_server):
    fails(run("list-projects", url=qfc_server.url), "401")


def test_project_commands(cli, unique_name):
    created = as_json(cli("--json", "create-project", unique_name, "--description", "hello", "--is-public"))
    pid = created["id"]
    assert created["is_public"] is True
    assert unique_name in ok(cli("list-projects")).stdout
    assert pid in [p["id"] for p in as_json(cli("--json", "list-projects", "-l", "100"))]
    assert as_json(cli("--json", "get-project", pid))["description"] == "hello"
    assert "alice/" + unique_name in ok(cli("get-project", pid)).stdout
    patched = as_json(cli("--json", "patch-project", pid, "--is-no-public", "--description", ""))
    assert (patched["is_public"], patched["description"]) == (False, "")
    assert as_json(cli("--json", "patch-project", pid, "--name", unique_name + "-r"))["name"] == unique_name + "-r"
    fails(cli("get-project-seed", pid), "404")
    fails(cli("get-project-seed-xlsform", pid, str(REPO / "nonexistent-dir")), "404")
    ok(cli("delete-project", pid))
    fails(cli("get-project", pid), "404", "object_not_found")


def test_other_users_project_is_forbidden(cli, qfc_server, project_id):
    bob = Client(qfc_server.url)
    bob.login("bob", qfc_server.users["bob"])
    fails(cli("get-project", project_id, token=bob.token), "403")
    fails(cli("get-project", str(uuid.uuid4())), "404")


def test_thumbnail(cli, project_id, tmp_path):
    png = tmp_path / "t.png"
    png.write_bytes(
        bytes.fromhex(
            "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
            "0000000d4944415478da63f8cfc0f01f0005000201a5a1b1c30000000049454e44ae426082"  # pragma: allowlist secret
        )
    )  # (the pragma: a PNG image in hex)
    ok(cli("upload-project-thumbnail", project_id, str(png)))
    fails(cli("upload-project-thumbnail", project_id, str(tmp_path / "missing.png")), "does not exist")


def test_file_commands(cli, project_id, tmp_path):
    src = tmp_path / "src"
    (src / "DCIM").mkdir(parents=True)
    (src / "data.csv").write_text("a,b\n")
    (src / "DCIM" / "p.jpg").write_bytes(os.urandom(5000))
    (src / "project.qgs").write_text(QGS)
    up = ok(cli("upload-files", project_id, str(src)))
    assert "3 file(s) uploaded" in up.stdout
    # Not a terminal: no live progress line, but each file as it completes (visible in logs).
    assert "\r" not in up.stderr and sorted(line.split(" ", 1)[1] for line in up.stderr.splitlines()) == sorted(
        ["data.csv", "DCIM/p.jpg", "project.qgs"]
    )
    again = as_json(cli("--json", "upload-files", project_id, str(src)))
    assert all(f["skipped"] and f["status"] == "SUCCESS" for f in again)
    forced = as_json(cli("--json", "upload-files", project_id, str(src), "--force", "--filter", "*.csv"))
    assert [(f["name"], f["skipped"]) for f in forced] == [("data.csv", False)]
    listed = as_json(cli("--json", "list-files", project_id))
    assert sorted(f["name"] for f in listed) == ["DCIM/p.jpg", "data.csv", "project.qgs"]
    assert "DCIM/p.jpg" in ok(cli("list-files", project_id)).stdout
    out = tmp_path / "out"
    down = ok(cli("download-files", project_id, str(out)))
    assert "3 file(s) downloaded" in down.stdout
    assert (out / "DCIM" / "p.jpg").read_bytes() == (src / "DCIM" / "p.jpg").read_bytes()
    assert "3 unchanged" in ok(cli("download-files", project_id, str(out))).stdout
    assert (
        "1 file(s) downloaded"
        in ok(cli("download-files", project_id, str(out), "--force-download", "--filter", "*.csv")).stdout
    )
    versions = [f for f in listed if f["name"] == "data.csv"][0]["versions"]
    ok(cli("delete-file", project_id, "data.csv", "--version-id", versions[-1]["version_id"]))
    deleted = as_json(cli("--json", "delete-files", project_id, "DCIM/*", "*.nothing"))
    assert [f["name"] for f in deleted["DCIM/*"]] == ["DCIM/p.jpg"]
    ok(cli("delete-file", project_id, "data.csv"))
    assert [f["name"] for f in as_json(cli("--json", "list-files", project_id))] == ["project.qgs"]
    fails(cli("delete-file", project_id, "data.csv"), "404")


def test_file_command_errors(cli, project_id, tmp_path):
    fails(cli("upload-files", project_id, str(tmp_path / "missing")), "does not exist")
    fails(cli("upload-files", project_id, str(tmp_path), "--filter", "/etc/*"), "Invalid glob")
    fails(cli("download-files", project_id, str(tmp_path), "--filter", "[x"), "Invalid glob")
    fails(cli("delete-files", project_id, "../*"), "Invalid glob")


def test_failed_transfers_exit_non_zero(cli, qfc_server, project_id, tmp_path):
    bob = Client(qfc_server.url)
    bob.login("bob", qfc_server.users["bob"])
    ok(cli("collaborators-add", project_id, "bob", "reader"))
    (tmp_path / "a.txt").write_text("a")
    result = cli("upload-files", project_id, str(tmp_path), token=bob.token)
    assert result.returncode == 1
    assert "FAILED" in result.stdout and "failed to upload" in result.stderr


def test_job_delta_and_package_commands(cli, project_id, tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "project.qgs").write_text(QGS)
    (src / "data.csv").write_text("x\n")
    ok(cli("upload-files", project_id, str(src)))
    fails(cli("package-latest", project_id), "invalid_job")
    fails(cli("package-download", project_id, str(tmp_path / "pkg")), "package")
    job = as_json(cli("--json", "job-trigger", project_id, "package", "--force"))
    assert "package" in ok(cli("job-status", job["id"])).stdout
    assert (
        as_json(cli("--json", "job-wait", job["id"], "--timeout", "60", "--poll-interval", "1"))["status"] == "finished"
    )
    jobs = as_json(cli("--json", "list-jobs", project_id, "--type", "package"))
    assert [j["id"] for j in jobs] == [job["id"]]
    assert job["id"] in ok(cli("list-jobs", project_id)).stdout
    assert "finished" in ok(cli("package-latest", project_id)).stdout
    files = as_json(cli("--json", "package-download", project_id, str(tmp_path / "pkg")))
    # A package is the converted project (data.csv is used by no layer, so it stays out).
    assert {f["name"] for f in files} - {"project_qfield_attachments.zip"} == {"project_qfield.qgs"}  # (QGIS ≥ 3.40)
    assert (tmp_path / "pkg" / "project_qfield.qgs").is_file() and not (tmp_path / "pkg" / "data.csv").exists()
    delta = tmp_path / "d.json"
    delta.write_text(
        json.dumps(
            {
                "version": "1.0",
                "id": str(uuid.uuid4()),
                "project": project_id,
                "files": [],
                "deltas": [
                    {
                        "uuid": str(uuid.uuid4()),
                        "clientId": str(uuid.uuid4()),
                        "localLayerId": "l",
                        "sourceLayerId": "l",
                        "localPk": "1",
                        "sourcePk": "1",
                        "method": "create",
                        "old": None,
                        "new": {"attributes": {}},
                    }
                ],
            }
        )
    )
    ok(cli("delta-push", project_id, str(delta)))
    assert as_json(cli("--json", "list-jobs", project_id, "--type", "delta_apply"))
    fails(cli("job-status", str(uuid.uuid4())), "403")


def test_job_wait_times_out_with_a_clear_error(qfc_server, tmp_path):
    from tests.support.local_server import LocalServer

    with LocalServer(extra_args=["--job-delay", "60"]) as slow:
        client = Client(slow.url)
        client.login("alice", slow.users["alice"])
        pid = client.create_project("slow")["id"]
        (tmp_path / "p.qgs").write_text(QGS)
        client.upload_files(pid, "project", str(tmp_path))
        job = client.job_trigger(pid, "package", force=True)
        fails(
            run("job-wait", job["id"], "--timeout", "1", "--poll-interval", "1", url=slow.url, token=client.token),
            "still",
        )


def test_people_commands(cli, project_id, unique_name):
    assert as_json(cli("--json", "collaborators-add", project_id, "bob", "reader"))["role"] == "reader"
    assert "bob" in ok(cli("collaborators-get", project_id)).stdout
    assert as_json(cli("--json", "collaborators-patch", project_id, "bob", "editor"))["role"] == "editor"
    ok(cli("collaborators-remove", project_id, "bob"))
    assert as_json(cli("--json", "collaborators-get", project_id)) == []
    bad_role = cli("collaborators-add", project_id, "bob", "boss")
    assert bad_role.returncode == 2 and "invalid choice: 'boss'" in bad_role.stderr

    members = {m["member"] for m in as_json(cli("--json", "members-get", "acme"))}
    if "dave" in members:
        ok(cli("members-remove", "acme", "dave"))
    assert as_json(cli("--json", "members-add", "acme", "dave", "member", "--public"))["member"] == "dave"
    assert "dave" in ok(cli("members-get", "acme")).stdout
    assert as_json(cli("--json", "members-patch", "acme", "dave", "admin"))["role"] == "admin"
    ok(cli("members-remove", "acme", "dave"))

    team = "t" + uuid.uuid4().hex[:8]
    assert as_json(cli("--json", "teams-create", "acme", team))["team"] == team
    assert team in ok(cli("teams-list", "acme")).stdout
    assert as_json(cli("--json", "teams-get", "acme", team))["members"] == []
    members = {m["member"] for m in as_json(cli("--json", "members-get", "acme"))}
    if "bob" not in members:
        ok(cli("members-add", "acme", "bob", "member"))
    assert as_json(cli("--json", "team-members-add", "acme", team, "bob"))["member"] == "bob"
    assert "bob" in ok(cli("team-members-list", "acme", team)).stdout
    ok(cli("team-members-remove", "acme", team, "bob"))
    fails(cli("teams-patch", "acme", team), "--name")
    assert as_json(cli("--json", "teams-patch", "acme", team, "--name", team + "x"))["team"] == team + "x"
    ok(cli("teams-delete", "acme", team + "x"))
    assert team + "x" not in ok(cli("teams-list", "acme")).stdout


def test_current_subscription_and_create_user(cli):
    assert "Plan:" in ok(cli("current-subscription", "alice")).stdout
    # Only staff may create users: refused by the server, and the message says which request it was.
    fails(cli("create-user", "newbie", "pw-123456", "n@example.org"), "HTTP 405", "POST", "/api/v1/users/")


def test_a_missing_ca_bundle_is_refused_before_any_request(qfc_server):
    # What --no-verify-ssl, QFIELDCLOUD_VERIFY_SSL=0 and --ca-bundle do against a real TLS server (a
    # self-signed one, refused by default) is tested in test_security.py; plain HTTP would show nothing.
    fails(run("--ca-bundle", "/nonexistent/ca.pem", "status", url=qfc_server.url), "CA bundle", "does not exist")
