"""A file that changes while it is uploaded is never stored torn, and a restored mtime fools nothing.

Real HTTP to the local server, real files; the change is made from the upload's own progress
callback, i.e. while the body is being sent.
"""

import hashlib
import os

import pytest

from qfieldcloud_plugin.client import Client, FileTransferStatus
from qfieldcloud_plugin.client.checksums import ChecksumCache
from qfieldcloud_plugin.client.errors import FileChangedError

MIB = 1024 * 1024


@pytest.fixture
def alice(qfc_server, test_users):
    client = Client(qfc_server.url)
    client.login("alice", test_users["alice"])
    return client


def sha256(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def rewrite_keeping_mtime(path):
    st = path.stat()
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))  # the mtime set back: only ctime moves


CHANGES = {
    "rewritten, mtime restored": rewrite_keeping_mtime,
    "appended to": lambda path: path.open("ab").write(b"appended while sending"),
    "truncated": lambda path: os.truncate(path, path.stat().st_size // 3),
}


@pytest.mark.parametrize("change", list(CHANGES))
@pytest.mark.parametrize("size", [100 * 1024, 12 * MIB])  # sent in one piece / streamed in pieces
def test_a_file_changed_mid_upload_is_sent_again_whole_never_torn(alice, unique_name, tmp_path, change, size, caplog):
    caplog.set_level("INFO", logger="qfieldcloud_plugin")
    resent_before = alice.transport.stats["bytes_resent"]
    project = alice.create_project(unique_name)
    folder = tmp_path / "p"
    folder.mkdir()
    big = folder / "big.bin"
    big.write_bytes(os.urandom(size))
    original = sha256(big)
    changed = []

    def progress(event):
        if event.name == "big.bin" and event.file_bytes_done > 0 and not changed:
            changed.append(True)
            CHANGES[change](big)

    files = alice.upload_files(project["id"], "project", str(folder), progress_callback=progress)
    assert changed
    assert files[0]["status"] == FileTransferStatus.SUCCESS, files[0]["error"]
    remote = {f["name"]: f for f in alice.list_remote_files(project["id"], skip_metadata=False)}
    # Content that existed on disk as a whole (read before the change, or after it), never a mix:
    assert remote["big.bin"]["sha256"] in (original, sha256(big))
    versions = remote["big.bin"].get("versions") or []
    assert len(versions) == 1  # the torn attempt left no version behind
    if size > 1024 * 1024:  # streamed: the change was seen mid-body, so the file was sent again, whole
        assert remote["big.bin"]["sha256"] == sha256(big) != original
        assert '"big.bin" changed while it was being uploaded; sending it again' in caplog.messages
        assert alice.transport.stats["bytes_resent"] - resent_before == size  # the torn copy's size, counted once


def test_a_file_that_keeps_changing_fails_with_a_clear_error_and_stores_nothing(alice, unique_name, tmp_path, caplog):
    caplog.set_level("INFO", logger="qfieldcloud_plugin")
    project = alice.create_project(unique_name)
    folder = tmp_path / "p"
    folder.mkdir()
    big = folder / "big.bin"
    big.write_bytes(os.urandom(3 * MIB))

    def progress(event):
        if event.name == "big.bin" and 0 < event.file_bytes_done < event.file_bytes_total:
            rewrite_keeping_mtime(big)

    files = alice.upload_files(project["id"], "project", str(folder), progress_callback=progress)
    assert files[0]["status"] == FileTransferStatus.FAILED
    assert isinstance(files[0]["error"], FileChangedError) and "changed while it was being uploaded" in str(
        files[0]["error"]
    )
    assert alice.list_remote_files(project["id"]) == []
    # read and sent 3 times in all, then given up
    assert caplog.messages.count('"big.bin" changed while it was being uploaded; sending it again') == 2


def test_an_edit_that_restores_the_mtime_is_still_seen_by_the_checksum_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("QFIELDCLOUD_CACHE_DIR", str(tmp_path / "cache"))
    path = tmp_path / "p" / "data.gpkg"
    path.parent.mkdir()
    path.write_bytes(b"A" * 4096)
    old = path.stat().st_mtime_ns - 10**10
    os.utime(path, ns=(old, old))
    cache = ChecksumCache(path.parent)
    before = cache.etag("data.gpkg", path)
    cache.save()
    rewrite_keeping_mtime(path)
    assert path.stat().st_mtime_ns == old and path.stat().st_size == 4096
    assert ChecksumCache(path.parent).etag("data.gpkg", path) != before
