"""core.transfers' sync execution on its own (no widgets or dialogs): the server copy of a "keep
both" conflict, cancellation, and what the base records. A scripted server where it must lie, the
local server elsewhere."""

import hashlib
import sqlite3
import time

import pytest

from qfieldcloud_plugin.client import Client, TransferCancelledError
from qfieldcloud_plugin.core.sync import FileState, Resolution, SyncChoices
from qfieldcloud_plugin.core.sync_state import SyncStateStore
from qfieldcloud_plugin.core.transfers import execute_sync, prepare_sync
from tests.support.fake_http import Reply, json_reply, listing_entry

PID = "9c1f7e0a-2b3d-4e5f-8a6b-7c8d9e0f1a2b"
SYNCED, MINE, THEIRS = b"notes as last synced\n", b"my notes\n", b"their notes, on the server\n"


class Syncing:
    """What core.transfers asks of its task (a QgsTask in real use); cancelled from its
    `cancelled_from`-th question on."""

    def __init__(self, cancelled_from=None):
        self.asked = 0
        self.cancelled_from = cancelled_from

    def isCanceled(self):  # noqa: N802 (QgsTask's name)
        self.asked += 1
        return self.cancelled_from is not None and self.asked >= self.cancelled_from

    def setProgress(self, _percent):  # noqa: N802 (QgsTask's name)
        pass

    def progress_callback(self, _progress):
        pass


def state_of(data):
    return FileState(size=len(data), etag=hashlib.md5(data).hexdigest(), sha256=hashlib.sha256(data).hexdigest())


def conflict_on(fake, folder, entry, served=THEIRS):
    """notes.csv changed here and on the server (listed as `entry`, served as `served`)."""
    (folder / "notes.csv").write_bytes(MINE)
    SyncStateStore(folder).update(PID, {"notes.csv": state_of(SYNCED)})
    fake.route("GET", f"api/v1/files/{PID}/", json_reply([entry]))
    fake.route("GET", f"api/v1/files/{PID}/notes.csv/", Reply(200, {}, served))
    client = Client(fake.url, token="t", max_retries=0)
    return client, prepare_sync(client, Syncing(), PID, folder)


KEEP_BOTH = SyncChoices(resolutions={"notes.csv": Resolution.KEEP_BOTH})


@pytest.mark.parametrize("lie", [
    {"sha256": hashlib.sha256(b"other").hexdigest()},  # the size and the ETag are right
    {"sha256": None, "md5sum": hashlib.md5(b"other").hexdigest()},  # the size is right
    {"size": len(THEIRS) + 1},  # the checksums are right
])
def test_a_server_copy_that_does_not_match_its_listing_is_not_kept_and_mine_is_not_sent(fake, tmp_path, lie):
    entry = {key: value for key, value in dict(listing_entry("notes.csv", THEIRS), **lie).items() if value is not None}
    client, preparation = conflict_on(fake, tmp_path, entry)
    result = execute_sync(client, Syncing(), preparation, KEEP_BOTH)
    assert list(result.failed) == ["notes.csv"] and result.kept_both == {}
    assert (tmp_path / "notes.csv").read_bytes() == MINE
    assert not list(tmp_path.glob("notes.server-*"))
    assert [r.method for r in fake.requests if r.method != "GET"] == []  # mine is not sent without theirs beside it


def test_a_sync_cancelled_while_fetching_the_server_copy_keeps_no_copy_and_says_so(fake, tmp_path):
    client, preparation = conflict_on(fake, tmp_path, listing_entry("notes.csv", THEIRS))
    with pytest.raises(TransferCancelledError) as cancelled:
        execute_sync(client, Syncing(cancelled_from=2), preparation, KEEP_BOTH)  # 1: the loop; 2: the download
    assert str(cancelled.value) == "Synchronization cancelled; what was verified is recorded"
    assert not list(tmp_path.glob("notes.server-*")) and (tmp_path / "notes.csv").read_bytes() == MINE


@pytest.fixture
def alice(qfc_server, test_users):
    client = Client(qfc_server.url)
    client.login("alice", test_users["alice"])
    yield client
    client.close()


def sync(client, pid, folder, choices=None):
    preparation = prepare_sync(client, Syncing(), pid, folder)
    return preparation, execute_sync(client, Syncing(), preparation, choices or SyncChoices())


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
    taken = ["notes.server-{}.csv".format(time.strftime("%Y%m%d-%H%M%S", time.localtime(now + s))) for s in range(-1, 60)]
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
    gpkg = tmp_path / "points.gpkg"
    connection = sqlite3.connect(str(gpkg))
    connection.execute("CREATE TABLE t (v TEXT)")
    connection.execute("INSERT INTO t VALUES ('a point')")
    connection.commit()
    connection.close()
    _, first = sync(alice, pid, tmp_path)
    assert first.uploaded == ["points.gpkg"] and first.recorded == ["points.gpkg"] and first.untouched == []
    for _ in range(2):
        _bump_change_counter(gpkg)
        preparation, result = sync(alice, pid, tmp_path)
        assert not preparation.plan.needs_confirmation, preparation.plan.actions
        assert result.uploaded == [] and result.downloaded == [] and not result.failed
