"""The three-way sync planner (pure): every (local, remote, base) combination, first syncs, choices."""

import itertools

import pytest

from qfieldcloud_plugin.core.sync import ConflictReason as R
from qfieldcloud_plugin.core.sync import FileState, Resolution, decide, plan_sync, plan_upload, resolve
from qfieldcloud_plugin.core.sync import SyncKind as K

# A file's content is named by a letter; each side holds one of them or nothing (None).
CONTENTS = {
    letter: FileState(size=10 + i, etag="etag-" + letter, sha256="sha-" + letter) for i, letter in enumerate("ABC")
}


def state(letter, side):
    if letter is None:
        return None
    full = CONTENTS[letter]
    if side == "local":  # the plugin hashes local files with the etag rule only
        return FileState(size=full.size, etag=full.etag)
    if side == "remote":
        return FileState(size=full.size, etag=full.etag, sha256=full.sha256, version_id="v-" + letter)
    return full


# Every distinct pattern of (local, remote, base) up to renaming the contents, with base = "A" when present.
# "same" = same as base, "changed" = differs from base.
EXPECTED = {
    # base present: the 3 x 3 table of local (absent / same / changed) x remote (absent / same / changed)
    (None, None, "A"): (K.BOTH_DELETED, None),
    (None, "A", "A"): (K.DELETE_REMOTE, None),
    (None, "B", "A"): (K.CONFLICT, R.DELETED_LOCALLY),
    ("A", None, "A"): (K.DELETE_LOCAL, None),
    ("A", "A", "A"): (K.UNCHANGED, None),
    ("A", "B", "A"): (K.DOWNLOAD, None),
    ("B", None, "A"): (K.CONFLICT, R.DELETED_ON_SERVER),
    ("B", "A", "A"): (K.UPLOAD, None),
    ("B", "B", "A"): (K.SAME_CHANGE, None),  # identical changes on both sides
    ("B", "C", "A"): (K.CONFLICT, R.BOTH_CHANGED),
    # no base entry (first sync, or a file new since): never a deletion, differences are conflicts
    (None, None, None): (K.BOTH_DELETED, None),
    (None, "A", None): (K.DOWNLOAD, None),
    ("A", None, None): (K.UPLOAD, None),
    ("A", "A", None): (K.UNCHANGED, None),
    ("A", "B", None): (K.CONFLICT, R.BOTH_ADDED),
}


def canonical(combo):
    """Rename contents in order of first appearance, base first: ("C", "B", "B") -> ("B", "A", "A")."""
    names = {}
    for letter in (combo[2], combo[0], combo[1]):
        if letter is not None and letter not in names:
            names[letter] = "ABC"[len(names)]
    return tuple(names.get(letter) for letter in combo)


ALL_COMBOS = list(itertools.product([None, "A", "B", "C"], repeat=3))  # 64 (local, remote, base)


@pytest.mark.parametrize("local, remote, base", ALL_COMBOS)
def test_every_combination(local, remote, base):
    kind, reason = EXPECTED[canonical((local, remote, base))]
    action = decide(state(local, "local"), state(remote, "remote"), state(base, "base"))
    assert (action.kind, action.reason) == (kind, reason)
    if base is None:
        assert action.kind not in (K.DELETE_LOCAL, K.DELETE_REMOTE)  # first-sync rule


def test_the_table_covers_the_27_absent_same_changed_combinations():
    # local, remote in {absent, same as base, changed} x base in {absent, present} (+ "changed twice") = all patterns
    seen = {canonical(c) for c in ALL_COMBOS}
    assert seen == set(EXPECTED)
    sides = {"absent": None, "same": "A", "changed": "B"}
    for local, remote, base in itertools.product(sides, sides, ["absent", "present", "present-other"]):
        b = None if base == "absent" else ("A" if base == "present" else "C")
        combo = (sides[local], sides[remote], b)
        assert canonical(combo) in EXPECTED


def test_plan_over_many_files_one_action_each_project_file_last():
    local = {
        "survey.qgs": state("A", "local"),
        "a.csv": state("B", "local"),
        "new_here.txt": state("A", "local"),
        "gone_there.txt": state("A", "local"),
    }
    remote = {
        "survey.qgs": state("B", "remote"),
        "a.csv": state("A", "remote"),
        "new_there.txt": state("C", "remote"),
        "gone_here.txt": state("A", "remote"),
    }
    base = {
        "survey.qgs": state("A", "base"),
        "a.csv": state("A", "base"),
        "gone_there.txt": state("A", "base"),
        "gone_here.txt": state("A", "base"),
        "gone_both.txt": state("A", "base"),
    }
    plan = plan_sync(local, remote, base)
    assert [a.name for a in plan.actions] == [
        "a.csv",
        "gone_both.txt",
        "gone_here.txt",
        "gone_there.txt",
        "new_here.txt",
        "new_there.txt",
        "survey.qgs",
    ]
    kinds = {a.name: a.kind for a in plan.actions}
    assert kinds == {
        "a.csv": K.UPLOAD,
        "gone_both.txt": K.BOTH_DELETED,
        "gone_here.txt": K.DELETE_REMOTE,
        "gone_there.txt": K.DELETE_LOCAL,
        "new_here.txt": K.UPLOAD,
        "new_there.txt": K.DOWNLOAD,
        "survey.qgs": K.DOWNLOAD,
    }
    assert not plan.first_sync and plan.needs_confirmation


def test_first_sync_never_deletes_and_asks_about_differences():
    local = {"a.txt": state("A", "local"), "b.txt": state("A", "local"), "c.txt": state("A", "local")}
    remote = {"b.txt": state("A", "remote"), "c.txt": state("B", "remote"), "d.txt": state("C", "remote")}
    plan = plan_sync(local, remote, None)
    assert plan.first_sync
    assert {a.name: a.kind for a in plan.actions} == {
        "a.txt": K.UPLOAD,
        "b.txt": K.UNCHANGED,
        "c.txt": K.CONFLICT,
        "d.txt": K.DOWNLOAD,
    }
    assert plan.of_kind(K.CONFLICT)[0].reason == R.BOTH_ADDED


def test_an_empty_base_is_not_a_first_sync_but_still_deletes_nothing():
    plan = plan_sync({"a": state("A", "local")}, {"b": state("B", "remote")}, {})
    assert not plan.first_sync
    assert [a.kind for a in plan.actions] == [K.UPLOAD, K.DOWNLOAD]


def test_content_comparison_prefers_sha256_and_checks_sizes():
    assert FileState(size=1, etag="x", sha256="S").same_content(FileState(size=1, etag="y", sha256="s"))
    assert not FileState(size=1, etag="x", sha256="S").same_content(FileState(size=1, etag="x", sha256="T"))
    assert not FileState(size=1, etag="x").same_content(FileState(size=2, etag="x"))
    assert not FileState(size=1).same_content(FileState(size=1))  # nothing to compare: not equal
    # a re-upload of identical bytes (new version id) is no change
    assert (
        decide(
            state("A", "local"),
            FileState(size=10, etag="etag-A", sha256="sha-A", version_id="v-new"),
            state("A", "base"),
        ).kind
        == K.UNCHANGED
    )


def test_file_state_round_trips_and_reads_listing_entries():
    remote = FileState.from_remote(
        {
            "name": "a",
            "size": 3,
            "md5sum": "m",
            "sha256": "s",
            "versions": [{"version_id": "old", "is_latest": False}, {"version_id": "new", "is_latest": True}],
        }
    )
    assert remote == FileState(size=3, etag="m", sha256="s", version_id="new")
    assert FileState.from_json(remote.to_json()) == remote
    assert FileState.from_remote({"size": 1, "md5sum": "m"}).version_id is None


def _conflict_plan():
    return plan_sync(
        local={
            "both.csv": state("B", "local"),
            "mine.csv": state("B", "local"),
            "gone_there.csv": state("B", "local"),
            "del_here.csv": state("A", "local"),
            "proj.qgs": state("B", "local"),
            "same.csv": state("A", "local"),
        },
        remote={
            "both.csv": state("C", "remote"),
            "gone_here.csv": state("C", "remote"),
            "del_there.csv": state("A", "remote"),
            "proj.qgs": state("A", "remote"),
            "mine.csv": state("A", "remote"),
            "same.csv": state("A", "remote"),
        },
        base={
            "both.csv": state("A", "base"),
            "gone_here.csv": state("A", "base"),
            "gone_there.csv": state("A", "base"),
            "del_here.csv": state("A", "base"),
            "del_there.csv": state("A", "base"),
            "proj.qgs": state("A", "base"),
            "mine.csv": state("A", "base"),
            "same.csv": state("A", "base"),
            "old.csv": state("A", "base"),
        },
    )


@pytest.mark.parametrize(
    "choice, expected",
    [
        (
            Resolution.KEEP_BOTH,
            {"download_beside": ["both.csv"], "upload": ["both.csv"], "download": ["gone_here.csv"]},
        ),
        (Resolution.KEEP_LOCAL, {"upload": ["both.csv"], "delete_remote": ["gone_here.csv"]}),
        (
            Resolution.KEEP_SERVER,
            {
                "backup_local": ["both.csv"],
                "download": ["both.csv", "gone_here.csv"],
                "delete_local": ["gone_there.csv"],
            },
        ),
    ],
)
def test_conflict_choices_become_operations(choice, expected):
    plan = _conflict_plan()
    conflicts = {a.name for a in plan.of_kind(K.CONFLICT)}
    assert conflicts == {"both.csv", "gone_here.csv", "gone_there.csv"}
    ops = resolve(plan, {name: choice for name in conflicts}, declined=["del_there.csv"])
    defaults = {
        "upload": [],
        "download": [],
        "download_beside": [],
        "backup_local": [],
        "delete_local": [],
        "delete_remote": [],
    }
    # the non-conflicting actions
    base_ops = {"upload": ["mine.csv", "proj.qgs"], "delete_local": ["del_here.csv"]}
    if choice != Resolution.KEEP_SERVER:
        expected = dict(expected)
        expected["upload"] = sorted(expected.get("upload", []) + ["gone_there.csv"])
    for key in defaults:
        want = sorted(set(expected.get(key, [])) | set(base_ops.get(key, [])))
        assert sorted(getattr(ops, key)) == want, key
    assert ops.upload[-1] == "proj.qgs"  # QGIS project file last
    assert ops.untouched == ["del_there.csv"]  # an unticked deletion is left alone
    assert ops.record == ["same.csv"] and ops.forget == ["old.csv"]


def test_conflicts_without_a_choice_are_left_untouched():
    ops = resolve(_conflict_plan(), {})
    assert set(ops.untouched) == {"both.csv", "gone_here.csv", "gone_there.csv"}
    assert "both.csv" not in ops.upload + ops.download


def test_upload_view_of_the_plan():
    local = {
        "new.txt": state("A", "local"),
        "same.txt": state("A", "local"),
        "mine.txt": state("B", "local"),
        "theirs.txt": state("A", "local"),
        "both.txt": state("B", "local"),
        "gone_there.txt": state("A", "local"),
        "p.qgs": state("B", "local"),
    }
    remote = {
        "same.txt": state("A", "remote"),
        "mine.txt": state("A", "remote"),
        "theirs.txt": state("B", "remote"),
        "both.txt": state("C", "remote"),
        "p.qgs": state("A", "remote"),
        "only_there.txt": state("A", "remote"),
    }
    base = {
        n: state("A", "base") for n in ("same.txt", "mine.txt", "theirs.txt", "both.txt", "gone_there.txt", "p.qgs")
    }
    plan = plan_upload(local, remote, base)
    assert plan.upload == ["mine.txt", "new.txt", "p.qgs"]
    assert plan.skipped == ["same.txt"]
    assert plan.conflicts == ["both.txt"]
    assert plan.server_newer == ["gone_there.txt", "theirs.txt"]
