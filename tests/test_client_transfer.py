"""Transfer safety: checksums, globs, local listing, atomic downloads, path safety, flat memory."""

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from qfieldcloud_plugin.client import (
    ChecksumMismatchError,
    Client,
    ConnectionFailedError,
    FileTransferStatus,
    InvalidGlobError,
    TransferCancelledError,
    UnsafePathError,
    calc_etag,
)
from qfieldcloud_plugin.client.download_record import DownloadRecord
from qfieldcloud_plugin.client.local_files import list_local_files
from qfieldcloud_plugin.client.names import SafeJoiner, match_glob, safe_join, validate_glob
from tests.support.fake_http import FakeServer, Reply, json_reply

REPO = Path(__file__).resolve().parents[1]
PID = "0b7c2a3e-5b1d-4f7a-9c2e-8d3f4a5b6c7d"
MIB = 1024 * 1024


def client_for(server):
    client = Client(server.url, token="tok", max_retries=0)
    return client


def listing(*files):
    return json_reply(
        [
            {
                "name": name,
                "size": len(data),
                "md5sum": hashlib.md5(data).hexdigest(),
                "sha256": hashlib.sha256(data).hexdigest(),
                "last_modified": "01.01.2026 00:00:00 UTC",
            }
            for name, data in files
        ]
    )


def leftovers(folder):
    """Hidden files a download left behind (temporary, staged, journal), apart from its record."""
    names = [p.relative_to(folder).as_posix() for p in Path(folder).rglob("*") if p.is_file()]
    return sorted(n for n in names if (n.startswith(".") or "/." in n) and n != ".qfieldcloud/downloaded.json")


# --- checksums ----------------------------------------------------------------------


@pytest.mark.parametrize("size", [0, 1, 8 * MIB, 8 * MIB + 1, 17 * MIB])
def test_calc_etag_follows_the_s3_rule(tmp_path, size):
    data = (b"0123456789abcdef" * (size // 16 + 1))[:size]
    path = tmp_path / "f"
    path.write_bytes(data)
    if size <= 8 * MIB:
        expected = hashlib.md5(data).hexdigest()
    else:
        parts = [data[i : i + 8 * MIB] for i in range(0, size, 8 * MIB)]
        expected = hashlib.md5(b"".join(hashlib.md5(p).digest() for p in parts)).hexdigest() + f"-{len(parts)}"
    assert calc_etag(path) == expected


# --- globs and local listing ---------------------------------------------------------


@pytest.mark.parametrize("pattern", ["/abs/*", "C:/x", "a/../b", "[abc", "x\\y", "a\x00"])
def test_invalid_globs_are_refused(pattern):
    with pytest.raises(InvalidGlobError):
        validate_glob(pattern)


def test_glob_matching_rules():
    assert validate_glob(None) == validate_glob("") == "*"
    assert match_glob("DCIM/a.jpg", "*.jpg")
    assert match_glob("DCIM/a.jpg", "DCIM/*")
    assert not match_glob("data/a.jpg", "DCIM/*")
    assert match_glob("a.JPG", "*.JPG") and not match_glob("a.JPG", "*.jpg")


def test_list_local_files_skips_hidden_and_backups_and_orders_project_last(tmp_path):
    for name in ["b.qgz", "a.qgs", "z.csv", "sub/x.gpkg", ".git/config", "sub/.cache/c", "old~/f", "f.txt~"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(name)
    files = list_local_files(tmp_path)
    names = [f["name"] for f in files]
    assert sorted(names[:2]) == ["sub/x.gpkg", "z.csv"]
    assert sorted(names[2:]) == ["a.qgs", "b.qgz"]
    assert all(f["status"] == FileTransferStatus.PENDING and f["error"] is None for f in files)
    assert Client("http://h/").list_local_files(str(tmp_path), "*.gpkg")[0]["name"] == "sub/x.gpkg"


# --- path safety ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["../evil", "a/../../evil", "/etc/evil", "C:/evil", "c:evil", "..\\evil", "a\\..\\..\\evil", "", "a//b", "./a"],
)
def test_unsafe_names_are_refused(tmp_path, name):
    with pytest.raises(UnsafePathError):
        safe_join(tmp_path, name)


def test_symlink_escape_is_refused(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    root = tmp_path / "root"
    root.mkdir()
    (root / "link").symlink_to(outside)
    with pytest.raises(UnsafePathError):
        safe_join(root, "link/x.txt")
    assert safe_join(root, "DCIM/a b#.jpg") == root / "DCIM" / "a b#.jpg"


@pytest.mark.parametrize("joiner", [False, True])
def test_safe_joiner_refuses_what_safe_join_refuses(tmp_path, joiner):
    outside = tmp_path / "outside"
    outside.mkdir()
    root = tmp_path / "root"
    (root / "sub").mkdir(parents=True)
    (root / "link").symlink_to(outside)
    (root / "sub" / "file-link").symlink_to(outside / "x.txt")
    (root / "sub" / "inner-link").symlink_to(root / "sub")
    join = SafeJoiner(root) if joiner else (lambda name: safe_join(root, name))
    for name in ["link/x.txt", "sub/file-link", "link/deeper/y", "../evil", "sub/../../evil", "a//b"]:
        with pytest.raises(UnsafePathError):
            join(name)
    assert join("DCIM/a b#.jpg") == root / "DCIM" / "a b#.jpg"
    assert join("sub/inner-link/z.txt") == root / "sub" / "inner-link" / "z.txt"  # stays inside
    assert join("sub/new.txt") == root / "sub" / "new.txt"


# --- atomic downloads ----------------------------------------------------------------


@pytest.mark.parametrize("second", ["resume", "restart"])
def test_a_large_download_written_behind_resumes_or_restarts_intact(fake, tmp_path, second):
    """Files past LARGE_FILE_SIZE are hashed on a helper thread and written behind in 32 MiB
    steps; a resumed (206) or restarted (200) download must still produce the exact bytes."""
    data = os.urandom(MIB) * 70
    cut = 45 * MIB
    fake.route("GET", f"api/v1/files/{PID}/", listing(("big.bin", data)))
    rest = (
        Reply(206, {"Content-Range": f"bytes {cut}-{len(data) - 1}/{len(data)}"}, data[cut:])
        if second == "resume"
        else Reply(200, {}, data)
    )
    fake.route(
        "GET", f"api/v1/files/{PID}/big.bin/", Reply(200, {"ETag": '"e"'}, data[:cut], announce_length=len(data)), rest
    )
    client = Client(fake.url, token="tok", max_retries=1)
    client.transport.backoff_factor = 0
    result = client.download_project(PID, str(tmp_path), throw_on_error=True)
    assert result[0]["status"] == FileTransferStatus.SUCCESS
    assert hashlib.sha256((tmp_path / "big.bin").read_bytes()).digest() == hashlib.sha256(data).digest()
    assert client.transport.stats["resumes" if second == "resume" else "restarts"] == 1
    assert leftovers(tmp_path) == []


def test_a_large_download_with_a_wrong_checksum_is_refused(fake, tmp_path):
    data = os.urandom(MIB) * 40
    fake.route(
        "GET",
        f"api/v1/files/{PID}/",
        json_reply([{"name": "big.bin", "size": len(data), "md5sum": "0" * 32, "sha256": "0" * 64}]),
    )
    fake.route("GET", f"api/v1/files/{PID}/big.bin/", Reply(200, {}, data))
    fake.route("GET", f"api/v1/files/metadata/{PID}/big.bin/", Reply(404, {}, b""))
    (tmp_path / "big.bin").write_bytes(b"previous")
    with pytest.raises(ChecksumMismatchError):
        client_for(fake).download_project(PID, str(tmp_path), throw_on_error=True)
    assert (tmp_path / "big.bin").read_bytes() == b"previous"


def test_a_download_cut_short_leaves_the_old_file(fake, tmp_path):
    data = os.urandom(200_000)
    fake.route("GET", f"api/v1/files/{PID}/", listing(("a.bin", data)))
    fake.route(
        "GET",
        f"api/v1/files/{PID}/a.bin/",
        Reply(200, {"Content-Type": "application/octet-stream"}, data[:70_000], announce_length=len(data)),
    )
    (tmp_path / "a.bin").write_bytes(b"previous")
    result = client_for(fake).download_project(PID, str(tmp_path))
    assert result[0]["status"] == FileTransferStatus.FAILED
    assert isinstance(result[0]["error"], ConnectionFailedError)
    assert "interrupted" in str(result[0]["error"])
    assert (tmp_path / "a.bin").read_bytes() == b"previous"
    assert leftovers(tmp_path) == []
    with pytest.raises(ConnectionFailedError):
        client_for(fake).download_project(PID, str(tmp_path), throw_on_error=True)
    assert (tmp_path / "a.bin").read_bytes() == b"previous"
    assert leftovers(tmp_path) == []


def test_a_connection_reset_mid_download_leaves_the_old_file(fake, tmp_path):
    data = os.urandom(500_000)
    head = (
        f"HTTP/1.1 200 OK\r\nContent-Length: {len(data)}\r\nContent-Type: application/octet-stream\r\n\r\n"
    ).encode() + data[:100_000]
    fake.route("GET", f"api/v1/files/{PID}/", listing(("a.bin", data)))
    fake.route("GET", f"api/v1/files/{PID}/a.bin/", Reply(raw=head))
    (tmp_path / "a.bin").write_bytes(b"previous")
    with pytest.raises(ConnectionFailedError):
        client_for(fake).download_project(PID, str(tmp_path), throw_on_error=True)
    assert (tmp_path / "a.bin").read_bytes() == b"previous"
    assert leftovers(tmp_path) == []


def test_a_checksum_mismatch_keeps_the_old_file(fake, tmp_path):
    announced = b"what the server listed"
    fake.route("GET", f"api/v1/files/{PID}/", listing(("a.txt", announced)))
    fake.route("GET", f"api/v1/files/{PID}/a.txt/", Reply(200, {}, b"something else entirely"))
    (tmp_path / "a.txt").write_bytes(b"previous")
    with pytest.raises(ChecksumMismatchError):
        client_for(fake).download_project(PID, str(tmp_path), throw_on_error=True)
    assert (tmp_path / "a.txt").read_bytes() == b"previous"
    assert leftovers(tmp_path) == []


def test_etag_is_checked_when_there_is_no_sha256(fake, tmp_path):
    fake.route(
        "GET",
        f"api/v1/files/{PID}/",
        json_reply([{"name": "a.txt", "size": 3, "md5sum": hashlib.md5(b"abc").hexdigest()}]),
    )
    fake.route("GET", f"api/v1/files/{PID}/a.txt/", Reply(200, {}, b"abd"))
    result = client_for(fake).download_project(PID, str(tmp_path))
    assert isinstance(result[0]["error"], ChecksumMismatchError)
    assert not (tmp_path / "a.txt").exists()


def test_a_differing_local_file_is_sent_as_if_none_match_and_304_keeps_it(fake, tmp_path):
    fake.route("GET", f"api/v1/files/{PID}/", listing(("a.txt", b"remote")))
    fake.route("GET", f"api/v1/files/{PID}/a.txt/", Reply(304, {}, b""))
    (tmp_path / "a.txt").write_bytes(b"local")
    result = client_for(fake).download_project(PID, str(tmp_path))
    assert result[0]["status"] == FileTransferStatus.SUCCESS and result[0]["skipped"]
    assert fake.requests[1].headers["If-None-Match"] == hashlib.md5(b"local").hexdigest()
    assert (tmp_path / "a.txt").read_bytes() == b"local"
    # remembered as the server's version it is, not as the out-of-date listing described it
    assert DownloadRecord(tmp_path).load() == {"a.txt": {"size": 5, "etag": hashlib.md5(b"local").hexdigest()}}
    forced = client_for(fake).download_project(PID, str(tmp_path), force_download=True)
    assert "If-None-Match" not in fake.requests[-1].headers
    # a forced download asks for the file outright: a 304 to that is a server that lies
    assert forced[0]["status"] == FileTransferStatus.FAILED
    assert forced[0]["error"].message == (
        'The server answered "not modified" for "a.txt" without being asked; the local file was not changed'
    )
    assert (tmp_path / "a.txt").read_bytes() == b"local"


def test_a_304_to_a_file_that_is_not_here_fails_it_instead_of_calling_it_current(fake, tmp_path):
    fake.route("GET", f"api/v1/files/{PID}/", listing(("a.txt", b"remote")))
    fake.route("GET", f"api/v1/files/{PID}/a.txt/", Reply(304, {}, b""))
    result = client_for(fake).download_project(PID, str(tmp_path))
    assert result[0]["status"] == FileTransferStatus.FAILED
    assert "not modified" in result[0]["error"].message
    assert not (tmp_path / "a.txt").exists()
    assert DownloadRecord(tmp_path).load() == {}


def test_cancel_before_start_downloads_nothing(fake, tmp_path):
    fake.route("GET", f"api/v1/files/{PID}/", listing(("a.txt", b"x"), ("b.txt", b"y")))
    with pytest.raises(TransferCancelledError):
        client_for(fake).download_project(PID, str(tmp_path / "out"), is_cancelled=lambda: True)
    assert len(fake.requests) == 1
    assert not (tmp_path / "out").exists() or list((tmp_path / "out").iterdir()) == []


def test_old_servers_upload_answer_with_empty_body_is_fine(fake, tmp_path):
    (tmp_path / "a.txt").write_text("a")
    fake.route("POST", f"api/v1/files/{PID}/a.txt/", Reply(201, {}, b""))
    # upload_files reads the listing back to verify what the server stored.
    fake.route("GET", f"api/v1/files/{PID}/", listing(("a.txt", b"a")))
    result = client_for(fake).upload_files(PID, "project", str(tmp_path), force=True)
    assert result[0]["status"] == FileTransferStatus.SUCCESS
    body = fake.requests[0].body
    assert b'name="file"' in body and b"\r\n\r\na\r\n--" in body


def test_url_segments_are_percent_encoded(fake, tmp_path):
    (tmp_path / "dir #1").mkdir()
    (tmp_path / "dir #1" / "a%b;c.txt").write_text("x")
    fake.route("POST", f"api/v1/files/{PID}/dir%20%231/a%25b%3Bc.txt/", json_reply({}, 201))
    fake.route("GET", f"api/v1/files/{PID}/", listing(("dir #1/a%b;c.txt", b"x")))
    result = client_for(fake).upload_files(PID, "project", str(tmp_path), force=True)
    assert result[0]["status"] == FileTransferStatus.SUCCESS, result[0]["error"]


# --- memory ----------------------------------------------------------------------------

MEMORY_SCRIPT = r"""
import sys
from qfieldcloud_plugin.client import Client

def peak_kb():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])

url, pid, path = sys.argv[1:4]
client = Client(url, token="t", max_retries=0)
client.check_server_status()
before = peak_kb()
client.upload_file(pid, "project", path, "big.bin")
print(peak_kb() - before)
"""


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs /proc")
def test_a_100_mb_upload_keeps_memory_flat(tmp_path):
    big = tmp_path / "big.bin"
    block = os.urandom(MIB)
    with open(big, "wb") as f:
        for _ in range(100):
            f.write(block)
    with FakeServer(keep_bodies_up_to=0) as server:
        server.route("GET", "api/v1/status/", json_reply({"database": "ok"}))
        server.route("POST", f"api/v1/files/{PID}/big.bin/", json_reply({}, 201))
        out = subprocess.run(
            [sys.executable, "-c", MEMORY_SCRIPT, server.url, PID, str(big)],
            cwd=str(REPO),
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert out.returncode == 0, out.stderr
        grown_kb = int(out.stdout.strip())
        upload = server.requests[-1]
        assert upload.body_size == int(upload.headers["Content-Length"]) > 100 * MIB
        assert "Transfer-Encoding" not in upload.headers
    assert grown_kb < 60 * 1024, f"peak memory grew by {grown_kb} kB during a 100 MB upload"


def test_large_upload_body_hashes_on_a_helper_thread_and_never_leaks_it(tmp_path):
    import threading

    from qfieldcloud_plugin.client.multipart import MultipartFileBody

    data = os.urandom(MIB) * 20
    path = tmp_path / "big.bin"
    path.write_bytes(data)
    body = MultipartFileBody(path)
    sent = b"".join(body)
    assert len(sent) == len(body) and data in sent
    assert body.sent_sha256 == hashlib.sha256(data).hexdigest()
    abandoned = iter(MultipartFileBody(path))
    next(abandoned), next(abandoned)  # preamble and the first chunk: the helper thread runs
    abandoned.close()  # a send that broke off
    assert not [t for t in threading.enumerate() if t.name == "qfc-hash"]
