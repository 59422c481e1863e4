"""Upload decisions and the GeoPackage WAL flush, on real files."""

import sqlite3

from qfieldcloud_plugin.core.sync import FileState, checkpoint_geopackages, plan_upload
from tests.support.sqlite_wal import commit_into_the_wal, wal_pinned_by_a_reader


def etags(mapping):
    """name → etag as FileStates (what the planner takes)."""
    return {name: FileState(etag=etag) for name, etag in mapping.items()}


def test_identical_files_are_skipped_and_project_file_goes_last():
    local = {"survey.qgs": "p1", "data/b.gpkg": "b1", "a.csv": "a1", "same.txt": "s"}
    plan = plan_upload(etags(local), remote=etags({"same.txt": "s"}), base={})
    assert plan.skipped == ["same.txt"]
    assert plan.upload == ["a.csv", "data/b.gpkg", "survey.qgs"]
    assert plan.conflicts == []


def test_server_change_since_last_sync_is_a_conflict_not_an_overwrite():
    local = {"a.csv": "mine", "b.csv": "mine-b"}
    remote = {"a.csv": "theirs", "b.csv": "synced-b"}
    plan = plan_upload(etags(local), etags(remote), base=etags({"a.csv": "synced-a", "b.csv": "synced-b"}))
    assert plan.conflicts == ["a.csv"]  # the server moved on from what we last synced
    assert plan.upload == ["b.csv"]  # the server still has our last sync: safe to overwrite


def test_unknown_history_with_different_server_file_asks():
    plan = plan_upload(etags({"a.csv": "mine"}), etags({"a.csv": "theirs"}), base=None)
    assert plan.conflicts == ["a.csv"]


def test_wal_checkpoint_moves_edits_into_the_gpkg(tmp_path):
    gpkg = tmp_path / "edits.gpkg"
    writer, reader = commit_into_the_wal(gpkg, "t", "v", "recent edit")
    writer.close()
    wal = tmp_path / "edits.gpkg-wal"
    assert wal.exists() and wal.stat().st_size > 0
    reader.close()
    assert checkpoint_geopackages(tmp_path) == []
    assert not wal.exists() or wal.stat().st_size == 0
    copy = tmp_path / "copy.gpkg"
    copy.write_bytes(gpkg.read_bytes())  # what an upload of the main file alone would send
    assert sqlite3.connect(str(copy)).execute("SELECT v FROM t").fetchall() == [("recent edit",)]


def test_wal_checkpoint_succeeds_while_qgis_still_reads_the_gpkg(tmp_path):
    gpkg = tmp_path / "open.gpkg"
    writer, reader = commit_into_the_wal(gpkg, "t", "v", "edit")  # the reader: a layer still open, idle
    try:
        assert checkpoint_geopackages(tmp_path) == []
        copy = tmp_path / "copy.gpkg"
        copy.write_bytes(gpkg.read_bytes())
        assert sqlite3.connect(str(copy)).execute("SELECT v FROM t").fetchall() == [("edit",)]
    finally:
        reader.close()
        writer.close()


def test_wal_checkpoint_reports_a_gpkg_locked_by_a_writer(tmp_path):
    with wal_pinned_by_a_reader(tmp_path / "busy.gpkg"):
        assert checkpoint_geopackages(tmp_path) == ["busy.gpkg"]
