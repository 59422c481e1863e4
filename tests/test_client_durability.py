"""Making staged downloads durable before they are moved into place: one syncfs(2) of the file
system where Linux has it, else (Windows, macOS, or a syncfs that fails) one fsync per file."""

import pytest

from qfieldcloud_plugin.client import Client, TransferError, disk
from qfieldcloud_plugin.client.disk import sync_files
from tests.support.fake_http import serve_project_files

PID = "e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a5b"
FILES = {"a.txt": b"first", "sub/b.txt": b"second", "c.gpkg": b"third"}


@pytest.mark.parametrize("syncfs", ["missing", "failing", "linux"])
def test_a_download_is_made_durable_with_or_without_syncfs(fake, tmp_path, monkeypatch, syncfs):
    if syncfs == "missing":
        monkeypatch.setattr(disk, "_SYNCFS", None)
    elif syncfs == "failing":
        monkeypatch.setattr(disk, "_SYNCFS", lambda fd: -1)
    serve_project_files(fake, PID, FILES)
    Client(fake.url, token="t", max_retries=0).download_project(PID, str(tmp_path))
    assert {name: (tmp_path / name).read_bytes() for name in FILES} == FILES


@pytest.mark.parametrize("syncfs", ["missing", "failing"])
def test_without_syncfs_a_file_that_cannot_be_flushed_is_named(tmp_path, monkeypatch, syncfs):
    monkeypatch.setattr(disk, "_SYNCFS", None if syncfs == "missing" else (lambda fd: -1))
    (tmp_path / "ok.txt").write_bytes(b"ok")
    gone = tmp_path / "gone.txt"
    with pytest.raises(TransferError) as failed:
        sync_files(tmp_path, [tmp_path / "ok.txt", gone])
    assert str(failed.value) == f'Could not write "{gone}" to disk: No such file or directory'


def test_one_successful_syncfs_flushes_everything_at_once(tmp_path, monkeypatch):
    folders = []
    monkeypatch.setattr(disk, "_SYNCFS", lambda fd: folders.append(fd) or 0)
    sync_files(tmp_path, [tmp_path / "not-opened-one-by-one.txt"])  # no per-file fsync: no error
    assert len(folders) == 1


def test_a_folder_that_cannot_be_opened_falls_back_to_each_file(tmp_path, monkeypatch):
    called = []
    monkeypatch.setattr(disk, "_SYNCFS", lambda fd: called.append(fd) or 0)
    with pytest.raises(TransferError):
        sync_files(tmp_path / "no-such-folder", [tmp_path / "no-such-folder" / "a.txt"])
    assert called == []


def test_nothing_to_flush_asks_nothing(tmp_path, monkeypatch):
    monkeypatch.setattr(disk, "_SYNCFS", lambda fd: pytest.fail("syncfs for no files"))
    sync_files(tmp_path, [])


def test_a_replaced_file_keeps_its_permissions_and_a_new_one_gets_the_usual_ones(fake, tmp_path):
    from tests.support.fake_http import Reply

    fake.route("GET", f"api/v1/files/{PID}/a.txt/", Reply(200, {}, b"from the server"))
    client = Client(fake.url, token="t", max_retries=0)
    mine = tmp_path / "mine.txt"
    mine.write_bytes(b"old")
    mine.chmod(0o640)
    client.download_file(PID, "project", mine, "a.txt")
    client.download_file(PID, "project", tmp_path / "new.txt", "a.txt")
    assert mine.read_bytes() == b"from the server" and mine.stat().st_mode & 0o7777 == 0o640
    assert (tmp_path / "new.txt").stat().st_mode & 0o7777 == 0o666 & ~disk._UMASK


def _seam_in_a_fresh_process(env_value):
    import os
    import subprocess
    import sys

    env = dict(os.environ)
    env.pop(disk.PORTABLE_ENV, None)
    if env_value is not None:
        env[disk.PORTABLE_ENV] = env_value
    code = "from qfieldcloud_plugin.client import disk\nprint(disk._SYNCFS is not None, disk.can_write_behind())\n"
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    return out.stdout.split()


def test_the_portable_switch_turns_every_linux_call_off():
    """QFC_PORTABLE_DISK=1 gives the path Windows and macOS take: no syncfs, no write-behind."""
    assert _seam_in_a_fresh_process("1") == ["False", "False"]


@pytest.mark.skipif(not __import__("sys").platform.startswith("linux"), reason="the tuned path is Linux's")
def test_on_linux_the_tuned_path_is_the_default():
    assert _seam_in_a_fresh_process(None) == ["True", "True"]
    assert _seam_in_a_fresh_process("0") == ["True", "True"]
