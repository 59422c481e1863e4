"""core's upload on its own (no widgets), against the local server: what it plans, sends,
refuses and records in the sync base."""

import sqlite3

import pytest

from qfieldcloud_plugin.client import Client, TransferCancelledError
from qfieldcloud_plugin.core.sync_state import SyncStateStore
from qfieldcloud_plugin.core.uploads import prepare_upload, record_unchanged, upload
from tests.support.sqlite_wal import wal_pinned_by_a_reader
from tests.support.task_stand_in import TaskStandIn


@pytest.fixture
def alice(qfc_server, test_users):
    client = Client(qfc_server.url)
    client.login("alice", test_users["alice"])
    yield client
    client.close()


def folder_with(tmp_path, files):
    folder = tmp_path / "proj"
    folder.mkdir(exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text)
    return folder


def upload_all(client, pid, folder, task=None):
    preparation = prepare_upload(client, TaskStandIn(), pid, folder)
    return preparation, upload(client, task or TaskStandIn(), pid, preparation, list(preparation.plan.upload))


def test_an_upload_keeps_the_base_of_the_files_it_did_not_send(alice, unique_name, tmp_path):
    pid = alice.create_project(unique_name)["id"]
    folder = folder_with(tmp_path, {"a.txt": "a", "b.txt": "b", "c.txt": "c"})
    upload_all(alice, pid, folder)
    (folder / "a.txt").write_text("a, edited")
    (folder / "b.txt").write_text("b, edited but not sent this time")
    preparation = prepare_upload(alice, TaskStandIn(), pid, folder)
    assert preparation.plan.upload == ["a.txt", "b.txt"] and preparation.plan.skipped == ["c.txt"]
    result = upload(alice, TaskStandIn(), pid, preparation, ["a.txt"])
    assert result.uploaded == ["a.txt"] and result.recorded == ["a.txt", "c.txt"]
    base = SyncStateStore(folder).load(pid)
    assert sorted(base) == ["a.txt", "b.txt", "c.txt"]  # b keeps the base of its last upload
    assert base["b.txt"].size == 1 and base["a.txt"].size == len("a, edited")


def test_a_file_changed_after_the_plan_is_reported_failed_and_the_others_are_sent(alice, unique_name, tmp_path):
    pid = alice.create_project(unique_name)["id"]
    folder = folder_with(tmp_path, {"a.txt": "a", "b.txt": "b"})
    preparation = prepare_upload(alice, TaskStandIn(), pid, folder)
    (folder / "b.txt").write_text("b, changed while the plan was shown")
    result = upload(alice, TaskStandIn(), pid, preparation, ["a.txt", "b.txt"])
    assert result.uploaded == ["a.txt"]
    assert list(result.failed) == ["b.txt"] and "changed here since the plan was shown" in result.failed["b.txt"]
    assert sorted(f["name"] for f in alice.list_remote_files(pid)) == ["a.txt"]


def test_a_cancelled_upload_says_how_far_it_got(alice, unique_name, tmp_path):
    pid = alice.create_project(unique_name)["id"]
    folder = folder_with(tmp_path, {"a.txt": "a", "b.txt": "b"})
    with pytest.raises(TransferCancelledError) as cancelled:
        upload_all(alice, pid, folder, task=TaskStandIn(cancelled_from=1))
    assert str(cancelled.value) == "Upload cancelled after 0 of 2 files"
    assert alice.list_remote_files(pid) == []


def test_the_server_copy_kept_beside_a_conflict_is_never_uploaded(alice, unique_name, tmp_path):
    pid = alice.create_project(unique_name)["id"]
    folder = folder_with(tmp_path, {"notes.csv": "mine", "notes.server-20261203-101500.csv": "theirs"})
    SyncStateStore(folder).update(pid, {}, kept_beside=["notes.server-20261203-101500.csv"])
    preparation = prepare_upload(alice, TaskStandIn(), pid, folder)
    assert preparation.plan.upload == ["notes.csv"]


def _sqlite_file(path, rows):
    connection = sqlite3.connect(str(path))
    connection.execute("CREATE TABLE t (v TEXT)")
    connection.executemany("INSERT INTO t VALUES (?)", [(r,) for r in rows])
    connection.commit()
    connection.close()


def test_a_geopackage_qgis_only_opened_is_not_uploaded_again(alice, unique_name, tmp_path):
    """Opening a GeoPackage bumps its header's change counter: other bytes, the same data."""
    pid = alice.create_project(unique_name)["id"]
    folder = folder_with(tmp_path, {})
    _sqlite_file(folder / "points.gpkg", ["one", "two"])
    _sqlite_file(folder / "lines.gpkg", ["three"])
    upload_all(alice, pid, folder)
    for name in ("points.gpkg", "lines.gpkg"):
        data = bytearray((folder / name).read_bytes())
        data[27] = (data[27] + 1) % 256  # the file change counter (bytes 24-27)
        (folder / name).write_bytes(bytes(data))
    connection = sqlite3.connect(str(folder / "lines.gpkg"))
    connection.execute("INSERT INTO t VALUES ('four')")  # a real edit
    connection.commit()
    connection.close()
    preparation = prepare_upload(alice, TaskStandIn(), pid, folder)
    assert preparation.plan.upload == ["lines.gpkg"] and preparation.plan.skipped == ["points.gpkg"]
    # The upload records points.gpkg as in sync, still knowing its data: opened again, still not sent.
    assert upload(alice, TaskStandIn(), pid, preparation, ["lines.gpkg"]).uploaded == ["lines.gpkg"]
    data = bytearray((folder / "points.gpkg").read_bytes())
    data[27] = (data[27] + 1) % 256
    (folder / "points.gpkg").write_bytes(bytes(data))
    assert prepare_upload(alice, TaskStandIn(), pid, folder).plan.upload == []


def test_a_geopackage_a_writer_holds_is_named_before_the_upload(alice, unique_name, tmp_path):
    pid = alice.create_project(unique_name)["id"]
    folder = folder_with(tmp_path, {})
    with wal_pinned_by_a_reader(folder / "busy.gpkg"):
        assert prepare_upload(alice, TaskStandIn(), pid, folder).unflushed == ["busy.gpkg"]


def test_nothing_to_send_still_records_the_identical_files_in_the_base(alice, unique_name, tmp_path):
    """A folder already identical to the server: its files join the sync base, so that a later change
    on the server is a plain download instead of a question."""
    pid = alice.create_project(unique_name)["id"]
    folder = folder_with(tmp_path, {"a.txt": "a", "b.txt": "b"})
    alice.upload_files(pid, "project", str(folder), throw_on_error=True)  # not through core: no base yet
    assert SyncStateStore(folder).load(pid) is None
    preparation = prepare_upload(alice, TaskStandIn(), pid, folder)
    assert preparation.plan.upload == [] and preparation.plan.skipped == ["a.txt", "b.txt"]
    result = record_unchanged(preparation, pid)
    assert result.skipped == ["a.txt", "b.txt"] and result.uploaded == []
    assert sorted(SyncStateStore(folder).load(pid)) == ["a.txt", "b.txt"]
