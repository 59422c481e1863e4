"""Servers that lie, redirect, flood or echo secrets: each class gets a clear one-line error.

Real HTTP over loopback to a scriptable server (tests/support/fake_http.py).
"""

import gzip
import hashlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from qfieldcloud_plugin.client import (
    ChecksumMismatchError,
    Client,
    ConnectionFailedError,
    FileTransferStatus,
    InvalidResponseError,
    QfcException,
    QfcRequestException,
)
from qfieldcloud_plugin.client import responses as responses_module
from qfieldcloud_plugin.client import retry as retry_module
from qfieldcloud_plugin.core.sync_state import SyncStateStore
from tests.support.fake_http import Reply, closed_port, json_reply

REPO = Path(__file__).resolve().parents[1]
PID = "0b7c2a3e-5b1d-4f7a-9c2e-8d3f4a5b6c7d"
TOKEN = "tok-0123456789abcdef"


def client_for(server, **kwargs):
    client = Client(server.url, token=TOKEN, max_retries=kwargs.pop("max_retries", 0), **kwargs)
    client.transport.backoff_factor = 0
    return client


def cli(server, *args, token=TOKEN):
    env = dict(os.environ, QFIELDCLOUD_URL=server.url, QFIELDCLOUD_TOKEN=token)
    return subprocess.run(
        [sys.executable, "-m", "qfieldcloud_plugin.client", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


# --- redirects ---------------------------------------------------------------------------


@pytest.mark.parametrize("status", [301, 302, 307, 308])
def test_a_redirected_delete_is_an_error_not_a_success(fake, status):
    fake.route("DELETE", f"api/v1/files/{PID}/a.txt/", Reply(status, {"Location": "https://elsewhere/x"}))
    with pytest.raises(QfcRequestException, match="redirected this DELETE"):
        client_for(fake).delete_file(PID, "a.txt")
    result = cli(fake, "delete-file", PID, "a.txt")
    assert result.returncode == 1 and "redirected" in result.stderr and "Traceback" not in result.stderr


def test_a_redirected_upload_is_a_failed_file(fake, tmp_path):
    (tmp_path / "a.txt").write_text("x")
    fake.route("GET", f"api/v1/files/{PID}/", json_reply([]))
    fake.route("POST", f"api/v1/files/{PID}/a.txt/", Reply(302, {"Location": "http://elsewhere/"}))
    files = client_for(fake).upload_files(PID, "project", str(tmp_path))
    assert files[0]["status"] == FileTransferStatus.FAILED and "redirected" in str(files[0]["error"])


# --- bounded memory and complete listings -------------------------------------------------


def test_a_gzip_bomb_listing_is_refused_within_the_memory_bound(fake, monkeypatch):
    monkeypatch.setattr(responses_module, "MAX_JSON_BYTES", 4 * 1024 * 1024)
    bomb = gzip.compress(b"[" + b" " * (64 * 1024 * 1024) + b"]", compresslevel=9)
    fake.route(
        "GET",
        f"api/v1/files/{PID}/",
        Reply(200, {"Content-Type": "application/json", "Content-Encoding": "gzip"}, bomb),
    )
    with pytest.raises(InvalidResponseError, match="larger than 4 MB"):
        client_for(fake).list_remote_files(PID)


def test_a_listing_shorter_than_its_total_count_is_refused(fake):
    items = [{"name": f"f{i}.txt", "size": 1, "md5sum": "0" * 32, "sha256": "0" * 64} for i in range(3)]
    fake.route("GET", f"api/v1/files/{PID}/", json_reply(items, headers={"X-Total-Count": "5"}))
    with pytest.raises(InvalidResponseError, match="after 3 of the 5 items"):
        client_for(fake).list_remote_files(PID)
    result = cli(fake, "list-files", PID)
    assert result.returncode == 1 and "3 of the 5" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "item, problem",
    [
        ("just a string", "is a str"),
        ({"name": "a.txt", "size": "abc"}, "size 'abc'"),
        ({"name": "a.txt", "size": 3, "sha256": ["x"]}, "sha256 ['x']"),
        ({"name": "a.txt", "size": 3, "md5sum": 12345}, '"a.txt" has the md5sum 12345'),
        ({"name": "a.txt", "size": 3, "versions": "v1"}, '"a.txt" has versions that are not a list'),
        ({"name": 7, "size": 3}, "the name 7"),
        ({"name": "a.txt", "size": -1}, "size -1"),
    ],
)
def test_wrong_typed_listing_json_is_a_one_line_error(fake, tmp_path, item, problem):
    fake.route("GET", f"api/v1/files/{PID}/", json_reply([item]))
    with pytest.raises(InvalidResponseError, match="listing is not usable"):
        client_for(fake).list_remote_files(PID)
    result = cli(fake, "download-files", PID, str(tmp_path))
    assert result.returncode == 1 and problem in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_damaged_sync_state_reads_as_no_base_and_is_repaired_by_the_next_update(tmp_path):
    state = tmp_path / ".qfieldcloud" / "sync-state.json"
    state.parent.mkdir()
    for damaged in ({"a.txt": {"size": "abc"}}, {"a.txt": {"etag": ["x"]}}, {"a.txt": {"size": True}}):
        state.write_text(json.dumps({"format": 1, "projects": {"p": {"files": damaged}}}))
        assert SyncStateStore(tmp_path).load("p") is None
    state.write_text(json.dumps({"format": 1, "projects": {"p": "not an object"}}))
    from qfieldcloud_plugin.core.sync import FileState

    SyncStateStore(tmp_path).update("p", {"b.txt": FileState(size=1, etag="e")})
    assert SyncStateStore(tmp_path).load("p") == {"b.txt": FileState(size=1, etag="e")}


# --- verification that cannot be faked ------------------------------------------------------


def test_a_listing_entry_without_size_or_checksum_never_verifies_an_upload(fake, tmp_path):
    (tmp_path / "a.txt").write_text("content")
    fake.route("GET", f"api/v1/files/{PID}/", json_reply([]), json_reply([{"name": "a.txt"}]))
    fake.route("POST", f"api/v1/files/{PID}/a.txt/", json_reply({}, 201))
    files = client_for(fake).upload_files(PID, "project", str(tmp_path))
    assert files[0]["status"] == FileTransferStatus.FAILED
    assert isinstance(files[0]["error"], ChecksumMismatchError)


def test_a_file_shorter_than_listed_fails_fast(fake, tmp_path):
    data = b"x" * 50
    fake.route("GET", f"api/v1/files/{PID}/", json_reply([{"name": "a.bin", "size": 100, "md5sum": "0" * 32}]))
    fake.route(
        "GET", f"api/v1/files/metadata/{PID}/a.bin/", json_reply({"name": "a.bin", "size": 100, "md5sum": "0" * 32})
    )
    fake.route("GET", f"api/v1/files/{PID}/a.bin/", Reply(200, {}, data))
    files = client_for(fake, max_retries=3).download_project(PID, str(tmp_path))
    assert files[0]["status"] == FileTransferStatus.FAILED
    assert isinstance(files[0]["error"], ChecksumMismatchError)
    assert str(files[0]["error"]) == (
        '"a.bin" has 50 bytes on the server where its listing says 100; the local file was not changed'
    )
    gets = [r for r in fake.requests if r.path == f"/api/v1/files/{PID}/a.bin/"]
    assert len(gets) <= 2  # once, and once more after reading the listing again: not minutes of retries
    assert not (tmp_path / "a.bin").exists()


@pytest.mark.parametrize(
    "content_range, resumed",
    [
        ("bytes {cut}-{last}/{size}", True),
        ("bytes {cut}-{last}/*", True),  # the total unknown: still the right bytes
        ("bytes 0-{last}/{size}", False),  # from 0, not from where we stopped
        ("bytes {cut}-{last}/{other}", False),  # a range of some other file
        (None, False),  # a 206 that says nothing of its range
    ],
)
def test_only_a_206_that_continues_where_the_download_stopped_is_a_resume(fake, tmp_path, content_range, resumed):
    """A resume appends the 206's bytes to what was received; any other 206 starts the file over,
    from a body that then must be the whole file. The file is right either way."""
    # Cut after more than one whole read (1 MiB): urllib3 2 loses a read that breaks, urllib3 1 does not.
    data = os.urandom(3 * 1024 * 1024)
    cut = 2 * 1024 * 1024 + 1000
    fake.route(
        "GET",
        f"api/v1/files/{PID}/",
        json_reply([{"name": "a.bin", "size": len(data), "sha256": hashlib.sha256(data).hexdigest()}]),
    )

    def second(request):
        # from where the client asks: urllib3 2 loses the read that broke, so it may be before `cut`
        start = int(request.headers["Range"].split("=")[1].rstrip("-"))
        headers = (
            {"Content-Range": content_range.format(cut=start, last=len(data) - 1, size=len(data), other=len(data) + 5)}
            if content_range
            else {}
        )
        return Reply(206, headers, data[start:] if resumed else data)

    fake.route("GET", f"api/v1/files/{PID}/a.bin/", Reply(200, {}, data[:cut], announce_length=len(data)), second)
    client = client_for(fake, max_retries=2)
    files = client.download_project(PID, str(tmp_path))
    assert files[0]["status"] == FileTransferStatus.SUCCESS, files[0]["error"]
    assert (tmp_path / "a.bin").read_bytes() == data
    ranges = [r.headers.get("Range") for r in fake.requests if r.path.endswith("/a.bin/")]
    assert ranges[0] is None and ranges[1] is not None and ranges[1].startswith("bytes=")  # it asked to resume
    assert (client.transport.stats["resumes"], client.transport.stats["restarts"]) == ((1, 0) if resumed else (0, 1))
    assert client.transport.stats["checksum_retries"] == 0  # a restart starts the count of bytes over


def test_a_4xx_is_sent_exactly_once(fake):
    fake.route("GET", f"api/v1/projects/{PID}/", json_reply({"code": "permission_denied", "message": "no"}, 403))
    with pytest.raises(QfcRequestException):
        client_for(fake, max_retries=3).get_project(PID)
    assert len(fake.requests) == 1


@pytest.mark.parametrize("max_retries", [0, 1, 3])
def test_a_server_that_fails_in_every_way_is_asked_one_plus_max_retries_times(fake, max_retries):
    """A 503, then an HTML page where JSON was expected, again and again: the request's own retries
    and the re-reading of an undecodable answer share one budget (before, up to 16 requests for 3)."""
    html = Reply(200, {"Content-Type": "text/html"}, b"<html>proxy error</html>")
    fake.route("GET", "api/v1/status/", Reply(503), html, Reply(503), html, Reply(503), html, Reply(503), html)
    client = client_for(fake, max_retries=max_retries)
    with pytest.raises(QfcRequestException):
        client.check_server_status()
    assert len(fake.requests) == 1 + max_retries


def test_an_unusable_answer_then_a_good_one_is_read_within_the_budget(fake):
    html = Reply(200, {"Content-Type": "text/html"}, b"<html>proxy error</html>")
    fake.route("GET", "api/v1/status/", Reply(503), html, json_reply({"database": "ok"}))
    assert client_for(fake, max_retries=2).check_server_status() == {"database": "ok"}
    assert len(fake.requests) == 3


# --- bounded waits ---------------------------------------------------------------------------


def test_a_huge_retry_after_is_capped(fake):
    fake.route("GET", "api/v1/status/", Reply(503, {"Retry-After": "86400"}), json_reply({"database": "ok"}))
    waits = []
    client = client_for(fake, max_retries=1)
    assert client.transport.request_json("GET", "status/", skip_token=True, sleep=waits.append) == {"database": "ok"}
    assert waits == [retry_module.MAX_RETRY_AFTER_S] and retry_module.MAX_RETRY_AFTER_S <= 60


def _http_date(seconds_from_now):
    from email.utils import formatdate

    return formatdate(time.time() + seconds_from_now, usegmt=True)


@pytest.mark.parametrize(
    "retry_after, expected",
    [
        ("7", 7.0),
        ("-5", 0.0),  # a negative number: retry now
        (None, "backoff"),  # no header: our own backoff
        ("soon", "backoff"),  # neither seconds nor a date
        ("past date", 0.0),  # an HTTP date already gone
        ("date in 30 s", 30.0),  # an HTTP date, counted from our clock
        ("date in a day", "cap"),
    ],
)
def test_how_long_a_503_makes_the_client_wait(fake, retry_after, expected):
    """Retry-After as seconds or as an HTTP date (RFC 9110 §10.2.3), and what a bad one means."""
    value = {"past date": _http_date(-3600), "date in 30 s": _http_date(30), "date in a day": _http_date(86400)}.get(
        retry_after, retry_after
    )
    fake.route(
        "GET", "api/v1/status/", Reply(503, {"Retry-After": value} if value else {}), json_reply({"database": "ok"})
    )
    waits = []
    client = client_for(fake, max_retries=1)
    client.transport.backoff_factor = 0.25
    assert client.transport.request_json("GET", "status/", skip_token=True, sleep=waits.append) == {"database": "ok"}
    want = {"backoff": 0.25, "cap": retry_module.MAX_RETRY_AFTER_S}.get(expected, expected)
    slack = 2.0 if retry_after == "date in 30 s" else 0.0  # an HTTP date has whole seconds
    assert len(waits) == 1 and abs(waits[0] - want) <= slack, waits


def test_backoff_between_attempts_stays_in_seconds(fake):
    fake.route("GET", "api/v1/status/", Reply(502))
    waits = []
    client = Client(fake.url, max_retries=12)
    with pytest.raises(QfcRequestException):
        client.transport.request_json("GET", "status/", skip_token=True, sleep=waits.append)
    assert len(waits) == 12 and max(waits) <= retry_module.MAX_BACKOFF_S <= 10


# --- secrets ------------------------------------------------------------------------------------


def test_a_server_that_echoes_the_token_has_it_masked(fake):
    echo = json.dumps(
        {
            "code": "oops",
            "message": f"bad header Authorization: Token {TOKEN}",
            "debug": {"detail": {"headers": {"Authorization": f"Token {TOKEN}"}}},
        }
    ).encode()
    fake.route("GET", f"api/v1/projects/{PID}/", Reply(500, {"Content-Type": "application/json"}, echo))
    with pytest.raises(QfcRequestException) as raised:
        client_for(fake).get_project(PID)
    assert TOKEN not in str(raised.value) and "***" in str(raised.value)
    result = cli(fake, "get-project", PID)
    assert result.returncode == 1 and TOKEN not in result.stderr + result.stdout


def test_a_password_in_the_url_is_never_printed(tmp_path):
    port = closed_port()
    with_password = f"http://bob:hunter2@127.0.0.1:{port}/"  # pragma: allowlist secret (made up; never printed)
    with pytest.raises(ConnectionFailedError) as raised:
        Client(with_password, max_retries=0).check_server_status()
    assert "hunter2" not in str(raised.value)
    with pytest.raises(QfcException) as raised:
        Client("ftp://bob:hunter2@example.invalid/")  # pragma: allowlist secret (made up; never printed)
    assert "hunter2" not in str(raised.value)
    assert "hunter2" not in repr(Client(with_password))
    env = dict(os.environ, QFIELDCLOUD_URL=with_password)
    run = subprocess.run(
        [sys.executable, "-m", "qfieldcloud_plugin.client", "status"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 1 and "hunter2" not in run.stderr + run.stdout


# What every request gets once the token expired or was revoked.
TOKEN_REFUSED = json_reply({"code": "token_authentication_failed", "message": "Invalid token."}, 401)


def list_files_that_refuse_the_token(fake, count):
    """A listing of `count` files (f0.bin, f1.bin, ...) whose downloads all answer 401."""
    files = {f"f{i}.bin": os.urandom(1000) for i in range(count)}
    fake.route(
        "GET",
        f"api/v1/files/{PID}/",
        json_reply([{"name": n, "size": len(d), "sha256": hashlib.sha256(d).hexdigest()} for n, d in files.items()]),
    )
    for name in files:
        fake.route("GET", f"api/v1/files/{PID}/{name}/", TOKEN_REFUSED)


def test_after_a_401_no_new_download_starts(fake, tmp_path):
    list_files_that_refuse_the_token(fake, 6)
    results = client_for(fake, max_retries=3).download_project(PID, str(tmp_path), concurrency=1)
    file_requests = [r.path for r in fake.requests if r.path != f"/api/v1/files/{PID}/"]
    assert len(file_requests) == 1  # the first refusal stops the batch: no other file is asked for
    statuses = sorted(f["status"].value for f in results)
    assert statuses == ["FAILED"] + ["PENDING"] * 5
    assert not [p for p in tmp_path.rglob("*.bin")]


def test_after_a_401_no_new_upload_starts(fake, tmp_path):
    for i in range(6):
        (tmp_path / f"f{i}.bin").write_bytes(os.urandom(1000))
    fake.route("GET", f"api/v1/files/{PID}/", json_reply([]))
    for i in range(6):
        fake.route("POST", f"api/v1/files/{PID}/f{i}.bin/", TOKEN_REFUSED)
    results = client_for(fake, max_retries=3).upload_files(PID, "project", str(tmp_path), concurrency=1)
    assert len([r for r in fake.requests if r.method == "POST"]) == 1
    assert sorted(f["status"].value for f in results) == ["FAILED"] + ["PENDING"] * 5


def test_the_cli_says_how_many_files_a_401_left_unattempted(fake, tmp_path):
    list_files_that_refuse_the_token(fake, 4)
    run = cli(fake, "--concurrency", "1", "download-files", PID, str(tmp_path))
    assert run.returncode == 1
    assert '1 file(s) failed to download (3 not attempted); first: "f0.bin": ' in run.stderr, run.stderr


def test_the_cli_names_no_pending_count_when_every_file_was_tried(fake, tmp_path):
    data = os.urandom(1000)
    fake.route(
        "GET",
        f"api/v1/files/{PID}/",
        json_reply([{"name": "a.bin", "size": len(data), "sha256": hashlib.sha256(b"other").hexdigest()}]),
    )
    fake.route("GET", f"api/v1/files/{PID}/a.bin/", Reply(200, {}, data))
    run = cli(fake, "download-files", PID, str(tmp_path))
    assert run.returncode == 1
    assert '1 file(s) failed to download; first: "a.bin": ' in run.stderr, run.stderr


def test_the_waits_between_attempts_double_from_the_backoff_factor(fake):
    fake.route("GET", "api/v1/status/", Reply(502))
    waits = []
    client = Client(fake.url, max_retries=5)
    client.transport.backoff_factor = 0.25
    with pytest.raises(QfcRequestException):
        client.transport.request_json("GET", "status/", skip_token=True, sleep=waits.append)
    assert waits == [0.25, 0.5, 1.0, 2.0, 4.0]
