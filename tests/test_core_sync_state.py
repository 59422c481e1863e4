"""The sync base on disk (.qfieldcloud/sync-state.json) and the file states read from a server
listing: damaged or hand-edited entries, listings of every server generation."""

import json

import pytest

from qfieldcloud_plugin.core.geopackage import sqlite_content_sha256
from qfieldcloud_plugin.core.sync import FileState
from qfieldcloud_plugin.core.sync_state import SyncStateStore

PID = "b5c0a1d2-3e4f-4a5b-8c6d-7e8f9a0b1c2d"


def write_base(folder, files):
    store = SyncStateStore(folder)
    store.update(PID, {})
    data = json.loads(store.path.read_text(encoding="utf-8"))
    data["projects"][PID]["files"] = files
    store.path.write_text(json.dumps(data), encoding="utf-8")
    return store


@pytest.mark.parametrize(
    "entry",
    [
        {"size": "12", "etag": "e"},  # a number written as text
        {"size": True, "etag": "e"},  # JSON's true is no size
        {"size": 12, "etag": 12},  # a checksum that is no text
        {"size": 12, "sha256": ["a"]},
    ],
)
def test_a_damaged_base_entry_makes_the_whole_base_unknown(tmp_path, entry):
    """No base: the next sync then proposes no deletion and asks about every difference."""
    store = write_base(tmp_path, {"ok.txt": {"size": 1, "etag": "e"}, "bad.txt": entry})
    assert store.load(PID) is None


def test_empty_texts_in_a_base_entry_mean_unknown(tmp_path):
    store = write_base(tmp_path, {"a.txt": {"size": 0, "etag": "", "sha256": "", "version_id": "", "content": ""}})
    assert store.load(PID) == {"a.txt": FileState(size=0)}


def test_forgetting_a_name_the_base_does_not_hold_is_harmless(tmp_path):
    store = SyncStateStore(tmp_path)
    store.update(PID, {"a.txt": FileState(size=1, etag="e")})
    store.update(PID, {}, removed=["never-synced.txt", "a.txt"])
    assert store.load(PID) == {}


def test_server_copies_kept_beside_are_remembered_across_syncs(tmp_path):
    store = SyncStateStore(tmp_path)
    store.update(PID, {}, kept_beside=["notes.server-20261201-090000.csv"])
    store.update(PID, {"a.txt": FileState(size=1, etag="e")}, kept_beside=["roads.server-20261202-090000.gpkg"])
    store.update(PID, {})
    assert store.kept_beside(PID) == {"notes.server-20261201-090000.csv", "roads.server-20261202-090000.gpkg"}


@pytest.mark.parametrize(
    "entry, expected",
    [
        # today's listing
        (
            {
                "name": "a",
                "size": 3,
                "md5sum": "m",
                "sha256": "s",
                "versions": [{"version_id": "v2", "is_latest": True}, {"version_id": "v1", "is_latest": False}],
            },
            FileState(size=3, etag="m", sha256="s", version_id="v2"),
        ),
        # versions without `is_latest`: the first is the newest
        (
            {"name": "a", "size": 3, "md5sum": "m", "versions": [{"version_id": "v2"}, {"version_id": "v1"}]},
            FileState(size=3, etag="m", version_id="v2"),
        ),
        # what list_remote_files adds (`etag`), without `md5sum`; no size
        ({"name": "a", "etag": "m"}, FileState(etag="m")),
        ({"name": "a", "size": "7", "md5sum": "", "sha256": ""}, FileState(size=7)),
    ],
)
def test_file_states_from_listings_of_every_server_generation(entry, expected):
    assert FileState.from_remote(entry) == expected


def test_only_an_sqlite_file_has_a_masked_content_hash(tmp_path):
    text = tmp_path / "not-sqlite.gpkg"
    text.write_bytes(b"a text file named like a GeoPackage, longer than an SQLite header. " * 3)
    short = tmp_path / "short.gpkg"
    short.write_bytes(b"SQLite format 3\x00 but cut short")
    assert sqlite_content_sha256(text) is None and sqlite_content_sha256(short) is None
    assert sqlite_content_sha256(tmp_path / "missing.gpkg") is None
