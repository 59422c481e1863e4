"""Bad input, table driven: the CLI exits non-zero with one clear line (never a traceback), the
client raises a QfcException subclass; unicode and spaces in names work."""

import pytest

from qfieldcloud_plugin.client import (
    AuthenticationError,
    Client,
    ConnectionFailedError,
    FileTransferStatus,
    InvalidGlobError,
    NotFoundError,
    PermissionDeniedError,
    QfcException,
    QfcRequestException,
    UnsafePathError,
)
from tests.support.fake_http import FakeServer, Reply
from tests.support.local_server import LocalServer, advance_clock
from tests.test_cli import fails, ok, run

UNKNOWN = "00000000-0000-4000-8000-000000000000"


@pytest.fixture(scope="module")
def alice(qfc_server):
    client = Client(qfc_server.url)
    client.login("alice", qfc_server.users["alice"])
    return client


@pytest.fixture
def project(alice, unique_name):
    return alice.create_project(unique_name)


@pytest.fixture(scope="module")
def garbage_server():
    with FakeServer() as server:
        for path in ("api/v1/status/", "api/v1/auth/login/", f"api/v1/projects/{UNKNOWN}/"):
            for method in ("GET", "POST"):
                server.route(method, path, Reply(raw=b"\x00\x01garbage\r\n\r\n"))
        yield server


def https_url(url):
    return url.replace("http://", "https://")


# (id, CLI arguments (after the URL/token set-up), fragments of the one-line error, exit code)
CLI_CASES = [
    ("malformed URL", ["-U", "htp:/nowhere", "status"], ["Invalid QFieldCloud URL"], 1),
    ("https to a plain http server", ["-U", "{https}", "status"], ["TLS", "{host}"], 1),
    ("wrong password", ["login", "alice", "not-her-password"], ["Authentication failed", "HTTP 401"], 1),
    ("unknown project", ["get-project", UNKNOWN], ["HTTP 404"], 1),
    ("not a project id", ["list-files", "not-a-uuid"], ["HTTP 404"], 1),
    ("unknown job", ["job-status", UNKNOWN], ["HTTP 403"], 1),
    ("unknown user", ["collaborators-add", "{project}", "nobody-here", "reader"], ["HTTP 400"], 1),
    ("bad glob", ["download-files", "{project}", "{tmp}", "--filter", "data[.csv"], ["Invalid glob"], 1),
    ("absolute glob", ["upload-files", "{project}", "{tmp}", "--filter", "/etc/*"], ["Invalid glob", "absolute"], 1),
    ("dotdot glob", ["delete-files", "{project}", "../*"], ["Invalid glob", ".."], 1),
    ("missing folder", ["upload-files", "{project}", "{tmp}/missing"], ["does not exist"], 1),
    ("missing delta file", ["delta-push", "{project}", "{tmp}/missing.json"], ["does not exist"], 1),
    ("windows-reserved name", ["upload-files", "{project}", "{reserved}"], ['"CON.txt"', "HTTP 400"], 1),
    ("garbage answer", ["-U", "{garbage}", "get-project", UNKNOWN], ["Could not connect", "127.0.0.1"], 1),
    ("invalid role", ["collaborators-add", "{project}", "bob", "boss"], ["invalid choice: 'boss'"], 2),
    ("invalid job type", ["job-trigger", "{project}", "explode"], ["invalid choice: 'explode'"], 2),
    ("non-numeric timeout", ["--read-timeout", "soon", "status"], ["invalid float value"], 2),
]


@pytest.mark.parametrize("case", CLI_CASES, ids=[c[0] for c in CLI_CASES])
def test_cli_bad_input(case, qfc_server, alice, project, garbage_server, tmp_path):
    _, args, fragments, code = case
    (tmp_path / "reserved").mkdir()
    (tmp_path / "reserved" / "CON.txt").write_text("x")
    values = {
        "https": https_url(qfc_server.url),
        "host": "127.0.0.1",
        "project": project["id"],
        "tmp": str(tmp_path),
        "reserved": str(tmp_path / "reserved"),
        "garbage": garbage_server.url,
    }
    args = [a.format(**values) for a in args]
    result = run(*args, url=qfc_server.url, token=alice.token)
    assert result.returncode == code, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert alice.token not in result.stderr + result.stdout
    text = fails(result) if code == 1 else result.stderr
    for fragment in fragments:
        assert fragment.format(**values) in text


CLIENT_CASES = [
    ("malformed URL", lambda c, p, t: Client("ftp://example.org/"), QfcException),
    ("unknown project", lambda c, p, t: c.get_project(UNKNOWN), NotFoundError),
    ("unknown job", lambda c, p, t: c.job_status(UNKNOWN), PermissionDeniedError),
    ("invalid role", lambda c, p, t: c.add_project_collaborator(p, "bob", "boss"), QfcRequestException),
    ("bad glob", lambda c, p, t: c.download_project(p, str(t), filter_glob="[x"), InvalidGlobError),
    ("remote name with ..", lambda c, p, t: c.upload_file(p, "project", t / "a.txt", "../a.txt"), UnsafePathError),
    ("absolute remote name", lambda c, p, t: c.upload_file(p, "project", t / "a.txt", "/etc/a.txt"), UnsafePathError),
    ("download to ..", lambda c, p, t: c.download_file(p, "project", t / "x", "../../x"), UnsafePathError),
    ("drive letter", lambda c, p, t: c.download_file(p, "project", t / "x", "C:/x"), UnsafePathError),
    (
        "windows-reserved name",
        lambda c, p, t: c.upload_file(p, "project", t / "a.txt", "dir/aux.txt"),
        QfcRequestException,
    ),
    ("missing local file", lambda c, p, t: c.upload_file(p, "project", t / "missing.txt", "m.txt"), OSError),
]


@pytest.mark.parametrize("case", CLIENT_CASES, ids=[c[0] for c in CLIENT_CASES])
def test_client_bad_input(case, alice, project, tmp_path):
    _, call, expected = case
    (tmp_path / "a.txt").write_text("a")
    with pytest.raises(expected) as info:
        call(alice, project["id"], tmp_path)
    assert str(info.value).strip() and "\n" not in str(info.value)
    assert alice.token not in str(info.value) + repr(info.value)


def test_locked_account_after_too_many_attempts(qfc_server):
    # A login name of its own: the lockout (5 failures per name and address) lasts 30 minutes.
    for _ in range(5):
        run("login", "lockout-victim", "wrong", url=qfc_server.url)
    line = fails(run("login", "lockout-victim", "wrong", url=qfc_server.url), "Too many failed login attempts")
    assert "HTTP 401" in line
    with pytest.raises(AuthenticationError, match="Too many failed login attempts"):
        Client(qfc_server.url).login("lockout-victim", "wrong")


def test_expired_token_is_a_clear_error(tmp_path):
    with LocalServer(data_dir=tmp_path / "data", extra_args=["--test-clock"]) as server:
        client = Client(server.url)
        client.login("alice", server.users["alice"])
        assert client.get_user()["username"] == "alice"
        advance_clock(server, 31 * 24 * 3600)  # past the default 30-day lifetime
        with pytest.raises(AuthenticationError, match="log in again") as info:
            client.list_projects()
        assert client.token not in str(info.value)
        line = fails(
            run("list-projects", url=server.url, token=client.token), "Token authentication failed", "log in again"
        )
        assert client.token not in line


def test_empty_files_unicode_and_spaces_work(alice, project, tmp_path):
    src = tmp_path / "src"
    (src / "données de terrain").mkdir(parents=True)
    (src / "empty.txt").write_bytes(b"")
    (src / "données de terrain" / "photo été 1.jpg").write_bytes("été".encode() * 100)
    (src / "with  two  spaces.csv").write_text("id\n1\n")
    (src / "日本語.txt").write_text("こんにちは")
    result = alice.upload_files(project["id"], "project", str(src))
    assert all(f["status"] == FileTransferStatus.SUCCESS for f in result), [f["error"] for f in result]
    out = tmp_path / "out"
    ok(run("download-files", project["id"], str(out), url=alice.url, token=alice.token))
    for path in src.rglob("*"):
        if path.is_file():
            assert (out / path.relative_to(src)).read_bytes() == path.read_bytes()
    assert (out / "empty.txt").stat().st_size == 0


def test_a_server_answering_garbage_is_a_clear_error(garbage_server):
    client = Client(garbage_server.url, token="t", max_retries=1)
    client.transport.backoff_factor = 0.01
    with pytest.raises(ConnectionFailedError, match="Could not connect"):
        client.check_server_status()
    with pytest.raises(ConnectionFailedError):
        client.login("alice", "x")
