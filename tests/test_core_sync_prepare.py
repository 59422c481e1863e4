"""Preparing a sync (no widgets): the scan of local files, the server's listing as this folder sees
it, and the GeoPackage WAL flush. A scripted server; real files."""

import json
import os
import sqlite3
import time
from pathlib import Path

import pytest

from qfieldcloud_plugin.client import Client, TransferCancelledError, checksums
from qfieldcloud_plugin.core import local_scan
from qfieldcloud_plugin.core.geopackage import is_sqlite_name
from qfieldcloud_plugin.core.sync import FileState, SyncKind, checkpoint_geopackages, project_files_last
from qfieldcloud_plugin.core.sync_execution import prepare_sync
from qfieldcloud_plugin.core.sync_state import SyncStateStore
from tests.support.c_locale import printed_in_the_c_locale
from tests.support.fake_http import json_reply, listing_entry
from tests.support.sqlite_wal import wal_pinned_by_a_reader
from tests.support.task_stand_in import TaskStandIn

PID = "c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f"


@pytest.fixture(autouse=True)
def private_cache(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("QFIELDCLOUD_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))  # outside the folder


def files_in(folder, names):
    folder.mkdir(exist_ok=True)
    for name in names:
        path = folder / name
        path.write_bytes(name.encode())
        past = time.time_ns() - 10**10  # settled: the checksum cache may trust it
        os.utime(path, ns=(past, past))


def client_listing(fake, entries):
    fake.route("GET", f"api/v1/files/{PID}/", json_reply(entries))
    return Client(fake.url, token="t", max_retries=0)


def test_the_scan_reports_its_progress_up_to_all_files(fake, tmp_path):
    files_in(tmp_path, ["a.txt", "b.txt", "c.txt", "d.txt"])
    task = TaskStandIn()
    prepare_sync(client_listing(fake, []), task, PID, tmp_path)
    assert task.percents == [25.0, 50.0, 75.0, 100.0]


def test_a_cancelled_scan_says_so(fake, tmp_path):
    files_in(tmp_path, ["a.txt"])
    with pytest.raises(TransferCancelledError) as cancelled:
        prepare_sync(client_listing(fake, []), TaskStandIn(cancelled_from=1), PID, tmp_path)
    assert str(cancelled.value) == "Cancelled while comparing files"


@pytest.fixture
def hashed(monkeypatch):
    names = []
    real = checksums.calc_etag

    def counting(path, *args):
        names.append(Path(path).name)
        return real(path, *args)

    monkeypatch.setattr(checksums, "calc_etag", counting)
    return names


def test_a_second_scan_trusts_the_checksum_cache_where_ctime_shows_every_edit(fake, tmp_path, hashed):
    files_in(tmp_path, ["a.txt", "b.txt"])
    client = client_listing(fake, [])
    prepare_sync(client, TaskStandIn(), PID, tmp_path)
    prepare_sync(client, TaskStandIn(), PID, tmp_path)
    assert sorted(hashed) == ["a.txt", "b.txt"]  # once each


def test_where_ctime_shows_nothing_every_scan_hashes_again(fake, tmp_path, hashed, monkeypatch):
    """Windows: an edit that keeps the size and sets the mtime back would match the cache."""
    monkeypatch.setattr(checksums, "CTIME_IS_CHANGE_TIME", False)
    monkeypatch.setattr(local_scan, "CTIME_IS_CHANGE_TIME", False)
    files_in(tmp_path, ["a.txt"])
    client = client_listing(fake, [])
    prepare_sync(client, TaskStandIn(), PID, tmp_path)
    prepare_sync(client, TaskStandIn(), PID, tmp_path)
    assert hashed == ["a.txt", "a.txt"]


def test_server_files_this_folder_ignores_are_not_in_the_plan_and_the_others_are(fake, tmp_path):
    files_in(tmp_path, ["kept.txt"])
    (tmp_path / ".qfieldcloudignore").write_text("*.tmp\n")
    client = client_listing(fake, [listing_entry("scratch.tmp", b"x"), listing_entry("new.csv", b"y")])
    plan = prepare_sync(client, TaskStandIn(), PID, tmp_path).plan
    assert {a.name: a.kind for a in plan.actions} == {"kept.txt": SyncKind.UPLOAD, "new.csv": SyncKind.DOWNLOAD}


def test_a_geopackage_a_writer_holds_is_named_before_the_sync(fake, tmp_path):
    with wal_pinned_by_a_reader(tmp_path / "busy.gpkg"):
        assert prepare_sync(client_listing(fake, []), TaskStandIn(), PID, tmp_path).unflushed == ["busy.gpkg"]


def test_the_wal_flush_goes_past_a_stray_wal_and_names_a_geopackage_that_is_no_database(tmp_path):
    (tmp_path / "a-orphan.gpkg-wal").write_bytes(b"a WAL whose GeoPackage is gone")
    (tmp_path / "b-broken.gpkg").write_bytes(b"not an SQLite file at all" * 10)
    (tmp_path / "b-broken.gpkg-wal").write_bytes(b"junk")
    gpkg = tmp_path / "c-edits.gpkg"
    writer = sqlite3.connect(str(gpkg))
    writer.execute("PRAGMA journal_mode=WAL")
    writer.execute("CREATE TABLE t (v TEXT)")
    writer.execute("INSERT INTO t VALUES ('edit')")
    writer.commit()
    reader = sqlite3.connect(str(gpkg))
    reader.execute("SELECT count(*) FROM t").fetchall()  # keeps SQLite from flushing on close
    try:
        assert (tmp_path / "c-edits.gpkg-wal").stat().st_size > 0
        assert checkpoint_geopackages(tmp_path) == ["b-broken.gpkg"]
        assert (tmp_path / "c-edits.gpkg-wal").stat().st_size == 0  # flushed although listed after the others
    finally:
        reader.close()
        writer.close()


def test_qgis_project_files_come_last():
    assert project_files_last(["survey.qgs", "zeta.csv", "alpha.gpkg", "old.qgz"]) == [
        "alpha.gpkg",
        "zeta.csv",
        "old.qgz",
        "survey.qgs",
    ]


@pytest.mark.parametrize(
    "name, sqlite",
    [
        ("data/roads.GPKG", True),
        ("notes.sqlite", True),
        ("legacy.SQLite", True),
        ("cache.db", True),
        ("photo.jpg", False),
        ("db.txt", False),
        ("gpkg", False),
    ],
)
def test_which_files_are_sqlite_databases(name, sqlite):
    assert is_sqlite_name(name) is sqlite


@pytest.mark.parametrize("content", [[], {"format": 999, "projects": {}}, {"format": 1, "projects": []}])
def test_a_base_file_of_another_format_or_shape_is_no_base(tmp_path, content):
    store = SyncStateStore(tmp_path)
    store.update(PID, {})
    store.path.write_text(json.dumps(content), encoding="utf-8")
    assert store.load(PID) is None


def test_the_base_is_read_as_utf8_whatever_the_locale(tmp_path):
    store = SyncStateStore(tmp_path)
    store.update(PID, {"relevé.gpkg": FileState(size=1, etag="e")})
    data = json.loads(store.path.read_text(encoding="utf-8"))  # written as ASCII (\u00e9)...
    store.path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")  # ...or edited as UTF-8
    script = (
        "import sys\nfrom pathlib import Path\nfrom qfieldcloud_plugin.core.sync_state import SyncStateStore\n"
        "print(ascii(sorted(SyncStateStore(Path(sys.argv[1])).load(sys.argv[2]))))"
    )
    assert printed_in_the_c_locale(script, str(tmp_path), PID) == ascii(["relevé.gpkg"])
