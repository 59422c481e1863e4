"""core's sync execution on its own (no widgets or dialogs): the server copy of a "keep
both" conflict, cancellation, and what the base records. A scripted server where it must lie, the
local server elsewhere."""

import hashlib
import sqlite3
import time

import pytest

from qfieldcloud_plugin.client import Client, TransferCancelledError
from qfieldcloud_plugin.core.sync import FileState, Resolution, SyncChoices
from qfieldcloud_plugin.core.sync_execution import execute_sync, prepare_sync
from qfieldcloud_plugin.core.sync_state import SyncStateStore
from tests.support.fake_http import Reply, json_reply, listing_entry
from tests.support.task_stand_in import TaskStandIn

PID = "9c1f7e0a-2b3d-4e5f-8a6b-7c8d9e0f1a2b"
SYNCED, MINE, THEIRS = b"notes as last synced\n", b"my notes\n", b"their notes, on the server\n"


def state_of(data):
    return FileState(size=len(data), etag=hashlib.md5(data).hexdigest(), sha256=hashlib.sha256(data).hexdigest())


def conflict_on(fake, folder, entry, served=THEIRS):
    """notes.csv changed here and on the server (listed as `entry`, served as `served`)."""
    (folder / "notes.csv").write_bytes(MINE)
    SyncStateStore(folder).update(PID, {"notes.csv": state_of(SYNCED)})
    fake.route("GET", f"api/v1/files/{PID}/", json_reply([entry]))
    fake.route("GET", f"api/v1/files/{PID}/notes.csv/", Reply(200, {}, served))
    client = Client(fake.url, token="t", max_retries=0)
    return client, prepare_sync(client, TaskStandIn(), PID, folder)


KEEP_BOTH = SyncChoices(resolutions={"notes.csv": Resolution.KEEP_BOTH})


@pytest.mark.parametrize(
    "lie",
    [
        {"sha256": hashlib.sha256(b"other").hexdigest()},  # the size and the ETag are right
        {"sha256": None, "md5sum": hashlib.md5(b"other").hexdigest()},  # the size is right
        {"size": len(THEIRS) + 1},  # the checksums are right
    ],
)
def test_a_server_copy_that_does_not_match_its_listing_is_not_kept_and_mine_is_not_sent(fake, tmp_path, lie):
    entry = {key: value for key, value in dict(listing_entry("notes.csv", THEIRS), **lie).items() if value is not None}
    client, preparation = conflict_on(fake, tmp_path, entry)
    result = execute_sync(client, TaskStandIn(), preparation, KEEP_BOTH)
    assert list(result.failed) == ["notes.csv"] and result.kept_both == {}
    assert (tmp_path / "notes.csv").read_bytes() == MINE
    assert not list(tmp_path.glob("notes.server-*"))
    assert [r.method for r in fake.requests if r.method != "GET"] == []  # mine is not sent without theirs beside it


def test_a_sync_cancelled_while_fetching_the_server_copy_keeps_no_copy_and_says_so(fake, tmp_path):
    client, preparation = conflict_on(fake, tmp_path, listing_entry("notes.csv", THEIRS))
    with pytest.raises(TransferCancelledError) as cancelled:
        execute_sync(client, TaskStandIn(cancelled_from=2), preparation, KEEP_BOTH)  # 1: the loop; 2: the download
    assert str(cancelled.value) == "Synchronization cancelled; what was verified is recorded"
    assert not list(tmp_path.glob("notes.server-*")) and (tmp_path / "notes.csv").read_bytes() == MINE


@pytest.fixture
def alice(qfc_server, test_users):
    client = Client(qfc_server.url)
    client.login("alice", test_users["alice"])
    yield client
    client.close()


def sync(client, pid, folder, choices=None):
    preparation = prepare_sync(client, TaskStandIn(), pid, folder)
    return preparation, execute_sync(client, TaskStandIn(), preparation, choices or SyncChoices())


def test_the_server_copy_never_overwrites_a_file_that_has_its_name(alice, unique_name, tmp_path):
    pid = alice.create_project(unique_name)["id"]
    folder, elsewhere = tmp_path / "here", tmp_path / "elsewhere"
    folder.mkdir()
    elsewhere.mkdir()
    (folder / "notes.csv").write_bytes(SYNCED)
    sync(alice, pid, folder)
    (elsewhere / "notes.csv").write_bytes(THEIRS)
    alice.upload_files(pid, "project", str(elsewhere))
    (folder / "notes.csv").write_bytes(MINE)
    # Files named as the copy would be, for every second the sync may run in: not ours to replace.
    now = time.time()
    taken = [
        "notes.server-{}.csv".format(time.strftime("%Y%m%d-%H%M%S", time.localtime(now + s))) for s in range(-1, 60)
    ]
    for name in taken:
        (folder / name).write_bytes(b"someone's file")
    _, result = sync(alice, pid, folder, KEEP_BOTH)
    copy = result.kept_both["notes.csv"]
    assert copy not in taken and copy.endswith("-2.csv"), copy
    assert (folder / copy).read_bytes() == THEIRS and (folder / "notes.csv").read_bytes() == MINE
    assert all((folder / name).read_bytes() == b"someone's file" for name in taken)


def _bump_change_counter(path):
    """What QGIS does to a GeoPackage it only opens: other bytes in the header, the same data."""
    data = bytearray(path.read_bytes())
    data[27] = (data[27] + 1) % 256
    path.write_bytes(bytes(data))


def test_a_geopackage_qgis_only_opened_stays_in_sync_through_later_syncs(alice, unique_name, tmp_path):
    pid = alice.create_project(unique_name)["id"]
    (tmp_path / "a-notes.txt").write_text("listed before the GeoPackage")
    gpkg = tmp_path / "points.gpkg"
    connection = sqlite3.connect(str(gpkg))
    connection.execute("CREATE TABLE t (v TEXT)")
    connection.execute("INSERT INTO t VALUES ('a point')")
    connection.commit()
    connection.close()
    _, first = sync(alice, pid, tmp_path)
    assert first.uploaded == ["a-notes.txt", "points.gpkg"] and first.recorded == ["a-notes.txt", "points.gpkg"]
    assert first.untouched == []
    for _ in range(2):
        _bump_change_counter(gpkg)
        preparation, result = sync(alice, pid, tmp_path)
        assert not preparation.plan.needs_confirmation, preparation.plan.actions
        assert result.uploaded == [] and result.downloaded == [] and not result.failed


# --- each step of the execution, and how it fails -------------------------------------------------


def synced_base(folder, files):
    """`files` (name -> bytes) written here and recorded as last synced."""
    for name, data in files.items():
        (folder / name).write_bytes(data)
    SyncStateStore(folder).update(PID, {name: state_of(data) for name, data in files.items()})


def test_a_download_reports_progress_and_keep_qfieldclouds_puts_my_version_in_the_trash(fake, tmp_path):
    synced_base(tmp_path, {"notes.csv": SYNCED, "theirs.txt": SYNCED})
    (tmp_path / "notes.csv").write_bytes(MINE)
    fake.route(
        "GET",
        f"api/v1/files/{PID}/",
        json_reply([listing_entry("notes.csv", THEIRS), listing_entry("theirs.txt", THEIRS)]),
    )
    for name in ("notes.csv", "theirs.txt"):
        fake.route("GET", f"api/v1/files/{PID}/{name}/", Reply(200, {}, THEIRS))
    client = Client(fake.url, token="t", max_retries=0)
    preparation = prepare_sync(client, TaskStandIn(), PID, tmp_path)
    task = TaskStandIn()
    result = execute_sync(client, task, preparation, SyncChoices({"notes.csv": Resolution.KEEP_SERVER}))
    assert sorted(result.downloaded) == ["notes.csv", "theirs.txt"] and not result.failed
    assert task.progress and task.progress[-1].files_done == 2
    assert [p.read_bytes() for p in result.trash.rglob("notes.csv")] == [MINE]  # only mine: theirs.txt was as synced
    assert not list(result.trash.rglob("theirs.txt"))
    assert SyncStateStore(tmp_path).load(PID)["notes.csv"] == state_of(THEIRS)


def test_a_download_cancelled_while_it_runs_changes_nothing_here(fake, tmp_path):
    synced_base(tmp_path, {"theirs.txt": SYNCED})
    fake.route("GET", f"api/v1/files/{PID}/", json_reply([listing_entry("theirs.txt", THEIRS)]))
    fake.route("GET", f"api/v1/files/{PID}/theirs.txt/", Reply(200, {}, THEIRS))
    client = Client(fake.url, token="t", max_retries=0)
    preparation = prepare_sync(client, TaskStandIn(), PID, tmp_path)
    with pytest.raises(TransferCancelledError):
        execute_sync(client, TaskStandIn(cancelled_from=2), preparation, SyncChoices())  # 1: before; 2: during
    assert (tmp_path / "theirs.txt").read_bytes() == SYNCED


def test_a_download_that_fails_is_reported_per_file_and_nothing_is_replaced(fake, tmp_path):
    synced_base(tmp_path, {"a.txt": SYNCED, "b.txt": SYNCED})
    fake.route(
        "GET", f"api/v1/files/{PID}/", json_reply([listing_entry("a.txt", THEIRS), listing_entry("b.txt", THEIRS)])
    )
    fake.route("GET", f"api/v1/files/{PID}/a.txt/", Reply(200, {}, THEIRS))
    fake.route("GET", f"api/v1/files/{PID}/b.txt/", Reply(200, {}, b"tampered on the way\n"))
    client = Client(fake.url, token="t", max_retries=0)
    preparation = prepare_sync(client, TaskStandIn(), PID, tmp_path)
    result = execute_sync(client, TaskStandIn(), preparation, SyncChoices())
    assert sorted(result.failed) == ["a.txt", "b.txt"] and result.downloaded == []
    assert result.failed["b.txt"].startswith('"b.txt" has 20 bytes on the server where its listing says 27')
    assert "b.txt" in result.failed["a.txt"]  # not applied because b.txt failed
    assert (tmp_path / "a.txt").read_bytes() == SYNCED and (tmp_path / "b.txt").read_bytes() == SYNCED
    assert SyncStateStore(tmp_path).load(PID)["a.txt"] == state_of(SYNCED)


def test_a_file_deleted_on_the_server_but_changed_here_since_the_plan_is_kept(fake, tmp_path):
    synced_base(tmp_path, {"a.txt": SYNCED, "b.txt": SYNCED})
    fake.route("GET", f"api/v1/files/{PID}/", json_reply([]))
    client = Client(fake.url, token="t", max_retries=0)
    preparation = prepare_sync(client, TaskStandIn(), PID, tmp_path)
    (tmp_path / "a.txt").write_bytes(b"edited while the plan was shown\n")
    result = execute_sync(client, TaskStandIn(), preparation, SyncChoices())
    assert result.failed == {"a.txt": "changed since the plan was shown; kept"}
    assert result.deleted_local == ["b.txt"] and not (tmp_path / "b.txt").exists()
    assert (tmp_path / "a.txt").read_bytes() == b"edited while the plan was shown\n"
    assert [p.read_bytes() for p in result.trash.rglob("b.txt")] == [SYNCED]


def test_a_server_deletion_that_is_refused_is_reported_and_the_others_go_on(fake, tmp_path):
    synced_base(tmp_path, {"a.txt": SYNCED, "b.txt": SYNCED})
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).unlink()
    fake.route(
        "GET", f"api/v1/files/{PID}/", json_reply([listing_entry("a.txt", SYNCED), listing_entry("b.txt", SYNCED)])
    )
    fake.route("DELETE", f"api/v1/files/{PID}/a.txt/", json_reply({"code": "permission_denied", "message": "No."}, 403))
    fake.route("DELETE", f"api/v1/files/{PID}/b.txt/", Reply(204, {}, b""))
    client = Client(fake.url, token="t", max_retries=0)
    preparation = prepare_sync(client, TaskStandIn(), PID, tmp_path)
    result = execute_sync(client, TaskStandIn(), preparation, SyncChoices())
    assert list(result.failed) == ["a.txt"] and "403" in result.failed["a.txt"]
    assert result.deleted_remote == ["b.txt"]
    assert sorted(SyncStateStore(tmp_path).load(PID)) == ["a.txt"]  # b.txt forgotten, a.txt still known


def test_an_upload_whose_listing_cannot_be_read_fails_each_file_with_the_reason(fake, tmp_path):
    synced_base(tmp_path, {"a.txt": SYNCED})
    (tmp_path / "a.txt").write_bytes(MINE)
    fake.route(
        "GET",
        f"api/v1/files/{PID}/",
        json_reply([listing_entry("a.txt", SYNCED)]),
        json_reply({"code": "unknown_error", "message": "Down for maintenance"}, 500),
    )
    client = Client(fake.url, token="t", max_retries=0)
    preparation = prepare_sync(client, TaskStandIn(), PID, tmp_path)
    result = execute_sync(client, TaskStandIn(), preparation, SyncChoices())
    assert list(result.failed) == ["a.txt"] and "Down for maintenance" in result.failed["a.txt"]
    assert result.uploaded == []


def test_an_upload_refuses_what_changed_after_the_plan_on_either_side(alice, unique_name, tmp_path):
    pid = alice.create_project(unique_name)["id"]
    folder, elsewhere = tmp_path / "here", tmp_path / "elsewhere"
    folder.mkdir()
    elsewhere.mkdir()
    for name in ("mine.txt", "theirs.txt", "calm.txt"):
        (folder / name).write_bytes(SYNCED)
    sync(alice, pid, folder)
    for name in ("mine.txt", "theirs.txt", "calm.txt", "new.txt", "same_size.txt"):
        (folder / name).write_bytes(MINE)
    preparation = prepare_sync(alice, TaskStandIn(), pid, folder)
    (folder / "mine.txt").write_bytes(b"edited again while the plan was shown\n")
    (folder / "same_size.txt").write_bytes(MINE.upper())  # the same size, other bytes
    (elsewhere / "theirs.txt").write_bytes(THEIRS)
    (elsewhere / "new.txt").write_bytes(THEIRS)  # a name the server did not have when the plan was made
    alice.upload_files(pid, "project", str(elsewhere))
    result = execute_sync(alice, TaskStandIn(), preparation, SyncChoices())
    assert result.failed == {
        "mine.txt": '"mine.txt" changed here since the plan was shown; not sent',
        "theirs.txt": '"theirs.txt" changed on QFieldCloud since the plan was shown; not sent',
        "new.txt": '"new.txt" changed on QFieldCloud since the plan was shown; not sent',
        "same_size.txt": '"same_size.txt" changed here since the plan was shown; not sent',
    }
    assert result.uploaded == ["calm.txt"]


def test_a_file_fetched_in_a_newer_version_than_listed_is_not_recorded_as_the_listed_one(fake, tmp_path):
    newer = b"uploaded after the listing was read\n"
    synced_base(tmp_path, {"a.txt": SYNCED})
    fake.route("GET", f"api/v1/files/{PID}/", json_reply([listing_entry("a.txt", THEIRS)]))
    fake.route("GET", f"api/v1/files/{PID}/a.txt/", Reply(200, {}, newer))
    fake.route("GET", f"api/v1/files/metadata/{PID}/a.txt/", json_reply(listing_entry("a.txt", newer)))
    client = Client(fake.url, token="t", max_retries=1)
    preparation = prepare_sync(client, TaskStandIn(), PID, tmp_path)
    result = execute_sync(client, TaskStandIn(), preparation, SyncChoices())
    assert result.downloaded == ["a.txt"] and (tmp_path / "a.txt").read_bytes() == newer
    assert SyncStateStore(tmp_path).load(PID)["a.txt"] != state_of(THEIRS)


def test_a_file_deleted_here_after_the_plan_is_not_brought_back_by_the_download(fake, tmp_path):
    synced_base(tmp_path, {"a.txt": SYNCED})
    fake.route("GET", f"api/v1/files/{PID}/", json_reply([listing_entry("a.txt", THEIRS)]))
    fake.route("GET", f"api/v1/files/{PID}/a.txt/", Reply(200, {}, THEIRS))
    client = Client(fake.url, token="t", max_retries=0)
    preparation = prepare_sync(client, TaskStandIn(), PID, tmp_path)
    (tmp_path / "a.txt").unlink()  # the user deleted it while the plan was shown
    result = execute_sync(client, TaskStandIn(), preparation, SyncChoices())
    assert result.failed == {"a.txt": '"a.txt" changed here since the plan was shown; it was left as it is'}
    assert not (tmp_path / "a.txt").exists()


def test_each_server_copy_that_cannot_be_kept_is_reported_with_its_reason(fake, tmp_path):
    synced_base(tmp_path, {"notes.csv": SYNCED, "roads.csv": SYNCED})
    for name in ("notes.csv", "roads.csv"):
        (tmp_path / name).write_bytes(MINE)
    fake.route(
        "GET",
        f"api/v1/files/{PID}/",
        json_reply(
            [
                dict(listing_entry("notes.csv", THEIRS), sha256=hashlib.sha256(b"other").hexdigest()),
                dict(listing_entry("roads.csv", THEIRS), size=len(THEIRS) + 1),
            ]
        ),
    )
    for name in ("notes.csv", "roads.csv"):
        fake.route("GET", f"api/v1/files/{PID}/{name}/", Reply(200, {}, THEIRS))
    client = Client(fake.url, token="t", max_retries=0)
    preparation = prepare_sync(client, TaskStandIn(), PID, tmp_path)
    both = SyncChoices({"notes.csv": Resolution.KEEP_BOTH, "roads.csv": Resolution.KEEP_BOTH})
    result = execute_sync(client, TaskStandIn(), preparation, both)
    assert sorted(result.failed) == ["notes.csv", "roads.csv"] and result.kept_both == {}
    assert result.failed["notes.csv"].startswith('"notes.csv" does not match the server\'s SHA-256 after download')
    assert result.failed["roads.csv"].startswith(
        f'"roads.csv" has {len(THEIRS)} bytes on the server where its listing says {len(THEIRS) + 1}'
    )


def test_what_one_sync_sets_aside_carries_one_time_stamp(alice, unique_name, tmp_path, monkeypatch):
    """The server copy of a conflict and the local files the same sync moved to the trash are
    found under the same time, even when the sync runs across a second (a clock that moves on
    at every reading stands for that)."""
    pid = alice.create_project(unique_name)["id"]
    folder, elsewhere = tmp_path / "here", tmp_path / "elsewhere"
    folder.mkdir()
    elsewhere.mkdir()
    for name in ("notes.csv", "gone.txt"):
        (folder / name).write_bytes(SYNCED)
    sync(alice, pid, folder)
    (elsewhere / "notes.csv").write_bytes(THEIRS)
    alice.upload_files(pid, "project", str(elsewhere))
    alice.delete_file(pid, "gone.txt")
    (folder / "notes.csv").write_bytes(MINE)
    preparation = prepare_sync(alice, TaskStandIn(), pid, folder)
    readings = iter(range(1, 100))
    monkeypatch.setattr(time, "strftime", lambda fmt, *a: "20261203-1200{:02d}".format(next(readings)))
    result = execute_sync(alice, TaskStandIn(), preparation, KEEP_BOTH)
    stamp = result.kept_both["notes.csv"][len("notes.server-") : -len(".csv")]
    assert result.trash == folder / ".qfieldcloud" / "trash" / stamp
    assert (result.trash / "gone.txt").read_bytes() == SYNCED
