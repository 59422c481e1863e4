"""Moving a verified download into place: all or nothing, crash-safe, and local work kept.

Real files on disk; the crash tests kill a real process with SIGKILL between two of its
file system steps, then check what the next run finds.
"""

import os
import re
import shutil
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from qfieldcloud_plugin.client import Client, FileTransferStatus, QfcException, TransferError, calc_etag
from qfieldcloud_plugin.client.checksums import ChecksumCache
from qfieldcloud_plugin.client.download_record import holds_local_work
from qfieldcloud_plugin.client.staging import Staging, move_to_trash, trash_folder
from tests.support.c_locale import printed_in_the_c_locale
from tests.support.fake_http import Reply, json_reply, listing_entry, serve_project_files

REPO = Path(__file__).resolve().parents[1]
PID = "0b7c2a3e-5b1d-4f7a-9c2e-8d3f4a5b6c7d"
OLD = {"a.txt": b"old a", "sub/b.txt": b"old b", "c.txt": b"old c"}
NEW = {"a.txt": b"new a!", "sub/b.txt": b"new b!", "c.txt": b"new c!", "d.txt": b"new d (no old one)"}


def write_tree(root: Path, files) -> None:
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def stage(root: Path, files):
    staging = Staging(root)
    moves = []
    for name, data in files.items():
        staged = staging.path_for(name)
        staged.parent.mkdir(parents=True, exist_ok=True)
        staged.write_bytes(data)
        moves.append((name, staged, root / name))
    return staging, moves


def contents(root: Path):
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and ".qfieldcloud" not in p.relative_to(root).parts
    }


def state_leftovers(root: Path):
    base = root / ".qfieldcloud"
    return (
        sorted(p.name for p in base.iterdir() if p.name.startswith("backup-") or p.name.endswith("journal.json"))
        if base.is_dir()
        else []
    )


def fails_once_then_serves(fake, name, data):
    """The server's first answer for `name` is an error (500), the next ones `data`."""
    fake.route(
        "GET",
        f"api/v1/files/{PID}/{name}/",
        json_reply({"code": "unknown_error", "message": "x"}, 500),
        Reply(200, {}, data),
    )


def test_a_move_that_fails_half_way_puts_every_old_file_back(tmp_path):
    write_tree(tmp_path, OLD)
    staging, moves = stage(tmp_path, NEW)
    os.unlink(moves[2][1])  # the third move finds nothing to move: it fails after two were made
    with pytest.raises(TransferError) as failed:
        staging.apply(moves)
    assert str(failed.value) == (
        'Could not move "c.txt" into place (No such file or directory); '
        "the local folder was left as it was before the download"
    )
    assert contents(tmp_path) == OLD
    assert state_leftovers(tmp_path) == []


def test_files_in_new_or_nested_folders_are_applied_and_their_old_versions_backed_up(tmp_path):
    """Only nested files: the backup folder and the new folders are made as they are needed."""
    write_tree(tmp_path, {"sub/deeper/b.txt": b"old b"})
    staging, moves = stage(tmp_path, {"sub/deeper/b.txt": b"new b", "new/folder/c.txt": b"new c"})
    kept = staging.apply(moves)
    assert contents(tmp_path) == {"sub/deeper/b.txt": b"new b", "new/folder/c.txt": b"new c"}
    assert [p.read_bytes() for p in kept.values()] == [b"old b"]
    assert re.fullmatch(
        r"\d{8}-\d{6}", kept["sub/deeper/b.txt"].relative_to(tmp_path / ".qfieldcloud" / "trash").parts[0]
    )  # trash/<time of the download>/sub/deeper/b.txt
    assert state_leftovers(tmp_path) == []


def test_a_new_file_listed_first_does_not_stop_the_old_versions_after_it_reaching_the_trash(tmp_path):
    write_tree(tmp_path, {"z.txt": b"my z"})
    staging, moves = stage(tmp_path, {"a-new.txt": b"new a", "z.txt": b"new z"})
    kept = staging.apply(moves)
    assert {n: p.read_bytes() for n, p in kept.items()} == {"z.txt": b"my z"}
    assert state_leftovers(tmp_path) == []


def test_a_backup_folder_that_is_a_link_elsewhere_is_never_followed(tmp_path):
    """Cleaning up empty backup folders never walks into a folder of someone else's."""
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "empty-but-theirs").mkdir(parents=True)
    root = tmp_path / "download"
    write_tree(root, {"a.txt": b"old a"})
    (root / ".qfieldcloud").mkdir()
    os.symlink(elsewhere, root / ".qfieldcloud" / "backup-0123456789ab")
    staging, moves = stage(root, {"a.txt": b"new a"})
    staging.apply(moves)
    assert (elsewhere / "empty-but-theirs").is_dir()
    assert (root / "a.txt").read_bytes() == b"new a"


def test_a_folder_in_the_way_at_apply_time_is_never_moved(tmp_path):
    write_tree(tmp_path, OLD)
    staging, moves = stage(tmp_path, {"a.txt": b"new", "folder": b"a file named like a folder"})
    (tmp_path / "folder").mkdir()
    (tmp_path / "folder" / "mine.txt").write_text("my work")
    with pytest.raises(TransferError) as failed:
        staging.apply(moves)
    assert (
        str(failed.value) == 'Could not put "folder" in place: a folder of that name is in the way; nothing was changed'
    )
    assert (tmp_path / "folder" / "mine.txt").read_text() == "my work"
    assert (tmp_path / "a.txt").read_bytes() == b"old a"


def test_replaced_files_holding_local_work_go_to_the_trash_and_the_others_away(tmp_path):
    write_tree(tmp_path, OLD)
    staging, moves = stage(tmp_path, NEW)
    kept = staging.apply(moves, keep=lambda name, path: name == "sub/b.txt")
    assert contents(tmp_path) == NEW
    assert list(kept) == ["sub/b.txt"] and kept["sub/b.txt"].read_bytes() == b"old b"
    assert ".qfieldcloud/trash/" in kept["sub/b.txt"].as_posix()
    trash = tmp_path / ".qfieldcloud" / "trash"
    assert sorted(p.name for p in trash.rglob("*") if p.is_file()) == ["b.txt"]
    assert state_leftovers(tmp_path) == []


def test_replaced_files_whose_names_differ_by_a_space_or_a_slash_keep_their_own_trash_copies(tmp_path):
    old = {"my notes.txt": b"old flat", "my/notes.txt": b"old nested"}
    write_tree(tmp_path, old)
    staging, moves = stage(tmp_path, {name: b"new" for name in old})
    kept = staging.apply(moves, keep=lambda name, path: True)
    assert {name: path.read_bytes() for name, path in kept.items()} == old
    assert kept["my notes.txt"].name == "my notes.txt" and kept["my/notes.txt"].parent.name == "my"


def test_old_backup_folders_without_a_journal_go_to_the_trash_not_away(tmp_path):
    base = tmp_path / ".qfieldcloud"
    strays = {f"backup-{n:012x}": f"the only copy of my edits, {n}".encode() for n in range(3)}
    for folder, data in strays.items():
        (base / folder).mkdir(parents=True)
        (base / folder / "survey.gpkg").write_bytes(data)
    for n in range(12):  # the plugin's other state, listed among them in no set order
        (base / f"state-{n}.json").write_text("{}", encoding="utf-8")
    Staging(tmp_path).recover()
    kept = [p.read_bytes() for p in (base / "trash").rglob("survey.gpkg*")]
    assert sorted(kept) == sorted(strays.values())
    assert state_leftovers(tmp_path) == []


CRASHING_APPLY = textwrap.dedent("""
    import os, signal, sys
    from pathlib import Path
    from qfieldcloud_plugin.client.staging import Staging

    root, kill_at, keep = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3] == "keep"
    calls = [0]
    for name in ("replace", "unlink", "rename"):
        real = getattr(os, name)

        def counted(*args, _real=real, **kwargs):
            calls[0] += 1
            if calls[0] == kill_at:
                os.kill(os.getpid(), signal.SIGKILL)
            return _real(*args, **kwargs)

        setattr(os, name, counted)
    staging = Staging(root)
    moves = [(p.relative_to(staging.dir).as_posix(), p, root / p.relative_to(staging.dir))
             for p in sorted(staging.dir.rglob("*")) if p.is_file()]
    staging.apply(moves, keep=lambda name, path: keep)
    print("finished after", calls[0], "steps")
""")


def crashing_apply(root: Path, kill_at: int, keep: bool) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", CRASHING_APPLY, str(root), str(kill_at), "keep" if keep else "drop"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )


def killed_at_each_step(tmp_path, keep):
    """(step, folder) for each os.replace/unlink of an apply of NEW over OLD: a folder of its own
    where a real process doing that apply was SIGKILLed at that step."""
    full = tmp_path / "full"
    write_tree(full, OLD)
    stage(full, NEW)
    finished = crashing_apply(full, 10**6, keep)
    assert finished.returncode == 0 and contents(full) == NEW, finished.stderr
    for kill_at in range(1, int(finished.stdout.split()[2]) + 1):
        root = tmp_path / f"kill-{kill_at}"
        write_tree(root, OLD)
        stage(root, NEW)
        run = crashing_apply(root, kill_at, keep)
        assert run.returncode == -signal.SIGKILL, (kill_at, run.stdout, run.stderr)
        yield kill_at, root


@pytest.mark.parametrize("keep", [True, False])
def test_kill_9_at_every_step_of_apply_leaves_every_file_old_or_new(tmp_path, keep):
    """SIGKILL at each os.replace/unlink of an apply (journal, moves, commit mark, trash), then recover."""
    steps = 0
    filed_away_whole = False
    for kill_at, root in killed_at_each_step(tmp_path, keep):
        steps = kill_at
        Staging(root).recover()
        now = contents(root)
        for name in NEW:
            assert now.get(name) in (OLD.get(name), NEW[name]), (kill_at, name, now)
        for name in OLD:
            assert name in now, (kill_at, name)  # never missing
        if now != NEW:
            assert now == OLD, (kill_at, now)  # before the commit mark: all old
        assert state_leftovers(root) == [], kill_at
        # What was replaced but not yet filed away is kept, never lost:
        trash = root / ".qfieldcloud" / "trash"
        kept = sorted(p.read_bytes() for p in trash.rglob("*") if p.is_file()) if trash.exists() else []
        if now == NEW and keep:
            assert kept == sorted(OLD.values()), kill_at
        filed_away_whole = filed_away_whole or (now == NEW and kept == sorted(OLD.values()))
    assert steps >= 2 * len(NEW)  # a journal, then a backup and a move per file at least
    # Killed just after the commit mark, before any old version was filed away: recovery cannot
    # ask again which held local work, so it keeps them all, even those the apply would have dropped.
    assert filed_away_whole


def test_a_file_created_where_a_crashed_apply_left_a_gap_is_never_overwritten(tmp_path):
    """Another program writes a file where an apply killed mid-way had moved the old one aside:
    recovery keeps that file, and files the old version in the trash instead of putting it back."""
    gaps = 0
    for kill_at, root in killed_at_each_step(tmp_path, False):
        missing = [name for name in OLD if not (root / name).exists()]
        for name in missing:
            (root / name).write_bytes(b"written by another program")
        Staging(root).recover()
        trash = root / ".qfieldcloud" / "trash"
        for name in missing:
            gaps += 1
            assert (root / name).read_bytes() == b"written by another program", (kill_at, name)
            filed = [p.read_bytes() for p in trash.rglob(name.rsplit("/", 1)[-1])]  # trash/<time>/name
            assert filed == [OLD[name]], (kill_at, name)
        assert state_leftovers(root) == [], kill_at
    assert gaps  # some step did leave a gap


def test_a_roll_back_that_cannot_restore_a_file_names_it_and_the_next_run_puts_it_back(tmp_path, monkeypatch):
    """The disk refuses to put one old file back while a failed apply is undone: the error names
    that file and the folder holding its old version, and the next Staging restores it."""
    write_tree(tmp_path, OLD)
    staging, moves = stage(tmp_path, NEW)
    os.unlink(moves[2][1])  # the third move fails: the two before it are undone
    real_replace = os.replace

    def refuse_to_restore(source, target):
        restoring = any(part.startswith("backup-") for part in Path(source).parts)
        if restoring and Path(target) in (tmp_path / "a.txt", tmp_path / "sub" / "b.txt"):
            raise OSError(5, "Input/output error")
        return real_replace(source, target)

    monkeypatch.setattr(os, "replace", refuse_to_restore)
    with pytest.raises(TransferError) as failed:
        staging.apply(moves)
    backup = next((tmp_path / ".qfieldcloud").glob("backup-*"))
    assert str(failed.value) == (
        'Could not move "c.txt" into place (No such file or directory), and could not '
        f'restore "sub/b.txt", "a.txt": the previous versions are in "{backup}"'
    )
    assert (backup / "a.txt").read_bytes() == b"old a"  # kept, with the journal that names it
    monkeypatch.setattr(os, "replace", real_replace)
    assert Staging(tmp_path).recover()
    assert contents(tmp_path) == {name: data for name, data in OLD.items()}
    assert state_leftovers(tmp_path) == []


def test_recovery_without_a_journal_says_there_was_nothing_to_recover(tmp_path):
    write_tree(tmp_path, OLD)
    assert Staging(tmp_path).recover() is False
    assert contents(tmp_path) == OLD


def test_an_unreadable_journal_changes_nothing_and_stops_nothing(tmp_path):
    write_tree(tmp_path, OLD)
    (tmp_path / ".qfieldcloud").mkdir()
    (tmp_path / ".qfieldcloud" / "apply-journal.json").write_bytes(b"\x00 not json")
    staging, moves = stage(tmp_path, NEW)
    staging.apply(moves)  # recovers first: the damaged journal must not stop the download
    assert contents(tmp_path) == NEW


def test_recovery_puts_old_files_back_even_when_the_staging_folder_was_deleted(tmp_path):
    """A crashed apply is undone after someone removed .qfieldcloud/staging: the new files that
    go back to staging need their folders (sub/) made again."""
    undone = 0
    for kill_at, root in killed_at_each_step(tmp_path, False):
        shutil.rmtree(root / ".qfieldcloud" / "staging", ignore_errors=True)
        Staging(root).recover()
        now = contents(root)
        assert now in (OLD, NEW), (kill_at, now)
        assert state_leftovers(root) == [], kill_at
        if now != NEW and (root / ".qfieldcloud" / "staging" / "sub" / "b.txt").exists():
            undone += 1
            assert (root / ".qfieldcloud" / "staging" / "sub" / "b.txt").read_bytes() == NEW["sub/b.txt"]
    assert undone  # some step had moved the new sub/b.txt in before the kill


# --- through the client -------------------------------------------------------------------


def serve(fake, files):
    serve_project_files(fake, PID, files)


def test_a_download_keeps_local_work_and_drops_only_old_server_copies(fake, tmp_path):
    client = Client(fake.url, token="t", max_retries=0)
    serve(fake, {"edited.txt": b"v1", "untouched.txt": b"v1 too"})
    client.download_project(PID, str(tmp_path))
    (tmp_path / "edited.txt").write_bytes(b"v1 plus my edit")
    serve(fake, {"edited.txt": b"v2 from the field", "untouched.txt": b"v2 too"})

    results = {f["name"]: f for f in client.download_project(PID, str(tmp_path))}

    assert (tmp_path / "edited.txt").read_bytes() == b"v2 from the field"
    assert Path(results["edited.txt"]["kept_local_version"]).read_bytes() == b"v1 plus my edit"
    assert "kept_local_version" not in results["untouched.txt"]
    trash = tmp_path / ".qfieldcloud" / "trash"
    assert sorted(p.name for p in trash.rglob("*") if p.is_file()) == ["edited.txt"]


def test_a_file_a_later_download_skipped_is_still_known_as_the_server_s_copy(fake, tmp_path):
    # Downloaded, then skipped (already current) by a second download that rewrites the record:
    # the record must still hold its checksums and size, or a third download would take the
    # untouched copy for local work and keep it in the trash.
    client = Client(fake.url, token="t", max_retries=0)
    serve(fake, {"a.txt": b"v1", "b.txt": b"v1 of b"})
    client.download_project(PID, str(tmp_path))
    serve(fake, {"a.txt": b"v1", "b.txt": b"v2 of b"})  # b changes on the server, a is skipped
    second = {f["name"]: f for f in client.download_project(PID, str(tmp_path))}
    assert second["a.txt"].get("skipped") and not second["b.txt"].get("skipped")
    serve(fake, {"a.txt": b"v2", "b.txt": b"v2 of b"})

    third = {f["name"]: f for f in client.download_project(PID, str(tmp_path))}

    assert (tmp_path / "a.txt").read_bytes() == b"v2"
    assert "kept_local_version" not in third["a.txt"]
    assert not (tmp_path / ".qfieldcloud" / "trash").exists()


def test_a_file_changed_here_after_the_plan_is_left_as_it_is_and_the_others_arrive(fake, tmp_path):
    client = Client(fake.url, token="t", max_retries=0)
    serve(fake, {"a.txt": b"v1", "b.txt": b"v1 of b"})
    client.download_project(PID, str(tmp_path))
    serve(fake, {"a.txt": b"v2", "b.txt": b"v2 of b"})
    (tmp_path / "b.txt").write_bytes(b"edited after the plan was shown")
    asked = []

    def still_as_planned(name, path):
        asked.append((name, path))
        return name != "b.txt"

    files = client.list_remote_files(PID)
    results = {
        f["name"]: f
        for f in client.download_files(files, PID, "project", str(tmp_path), still_as_planned=still_as_planned)
    }

    assert sorted(asked) == [("a.txt", tmp_path / "a.txt"), ("b.txt", tmp_path / "b.txt")]
    assert (tmp_path / "a.txt").read_bytes() == b"v2" and results["a.txt"]["status"] == FileTransferStatus.SUCCESS
    assert (tmp_path / "b.txt").read_bytes() == b"edited after the plan was shown"
    assert results["b.txt"]["status"] == FileTransferStatus.FAILED
    assert str(results["b.txt"]["error"]) == '"b.txt" changed here since the plan was shown; it was left as it is'


def test_a_local_file_never_downloaded_before_counts_as_local_work(fake, tmp_path):
    (tmp_path / "mine.txt").write_bytes(b"made here")
    serve(fake, {"mine.txt": b"from the server"})
    results = Client(fake.url, token="t", max_retries=0).download_project(PID, str(tmp_path))
    assert Path(results[0]["kept_local_version"]).read_bytes() == b"made here"


def test_discarding_local_versions_keeps_nothing(fake, tmp_path):
    (tmp_path / "mine.txt").write_bytes(b"made here")
    serve(fake, {"mine.txt": b"from the server"})
    results = Client(fake.url, token="t", max_retries=0).download_project(PID, str(tmp_path), keep_local_versions=False)
    assert results[0]["status"] == FileTransferStatus.SUCCESS and "kept_local_version" not in results[0]
    assert not (tmp_path / ".qfieldcloud" / "trash").exists()


def test_the_cli_says_where_the_local_version_went(fake, tmp_path):
    (tmp_path / "mine.txt").write_bytes(b"made here")
    serve(fake, {"mine.txt": b"from the server"})
    env = dict(os.environ, QFIELDCLOUD_URL=fake.url, QFIELDCLOUD_TOKEN="t")
    run = subprocess.run(
        [sys.executable, "-m", "qfieldcloud_plugin.client", "download-files", PID, str(tmp_path)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 0, run.stderr
    assert "your previous version was kept in" in run.stdout and ".qfieldcloud/trash/" in run.stdout
    kept = [p for p in (tmp_path / ".qfieldcloud" / "trash").rglob("mine.txt")]
    assert [p.read_bytes() for p in kept] == [b"made here"]


@pytest.fixture
def small_disk(tmp_path):
    """A 3 MiB file system of its own (tmpfs), so that a download can really fill it."""
    mount_point = tmp_path / "small-disk"
    mount_point.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mount_point)], capture_output=True, text=True
    )
    if mounted.returncode != 0:
        pytest.skip("needs permission to mount a tmpfs (root on Linux): " + mounted.stderr.strip())
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", str(mount_point)], check=True)


def used_bytes(path):
    st = os.statvfs(path)
    return (st.f_blocks - st.f_bfree) * st.f_frsize


def test_a_download_that_fills_the_disk_changes_nothing_and_frees_what_it_staged(fake, small_disk):
    old = {"a.bin": b"old a" * 1000, "b.bin": b"old b" * 1000}
    write_tree(small_disk, old)
    before = used_bytes(small_disk)
    serve(
        fake, {"a.bin": os.urandom(1024 * 1024), "b.bin": os.urandom(1024 * 1024), "c.bin": os.urandom(2 * 1024 * 1024)}
    )
    files = Client(fake.url, token="t", max_retries=0).download_project(PID, str(small_disk))
    assert any(f["status"] == FileTransferStatus.FAILED and "No space left" in str(f["error"]) for f in files), files
    assert contents(small_disk) == old  # nothing half-applied
    assert not (small_disk / ".qfieldcloud" / "staging").exists()
    assert not [p for p in small_disk.rglob("*") if p.is_file() and p.name.endswith(".qfcpart")]
    assert used_bytes(small_disk) <= before + 64 * 1024  # the staged megabytes were given back


def test_a_download_that_raises_on_a_full_disk_frees_what_it_staged_too(fake, small_disk):
    serve(
        fake, {"a.bin": os.urandom(1024 * 1024), "b.bin": os.urandom(1024 * 1024), "c.bin": os.urandom(2 * 1024 * 1024)}
    )
    with pytest.raises(OSError, match="No space left"):
        Client(fake.url, token="t", max_retries=0).download_project(PID, str(small_disk), throw_on_error=True)
    assert not (small_disk / ".qfieldcloud" / "staging").exists()


def test_a_download_that_raises_on_a_failure_keeps_what_arrived_for_the_next(fake, tmp_path):
    a, b = os.urandom(1000), os.urandom(1000)
    fake.route("GET", f"api/v1/files/{PID}/", json_reply([listing_entry("a.bin", a), listing_entry("b.bin", b)]))
    fake.route("GET", f"api/v1/files/{PID}/a.bin/", Reply(200, {}, a))
    fails_once_then_serves(fake, "b.bin", b)
    client = Client(fake.url, token="t", max_retries=0)
    with pytest.raises(QfcException):
        client.download_project(PID, str(tmp_path), throw_on_error=True, concurrency=1)
    assert not (tmp_path / "a.bin").exists()
    client.download_project(PID, str(tmp_path), throw_on_error=True)
    assert (tmp_path / "a.bin").read_bytes() == a and (tmp_path / "b.bin").read_bytes() == b
    assert [r.path for r in fake.requests].count(f"/api/v1/files/{PID}/a.bin/") == 1  # taken from staging


def test_the_same_name_trashed_again_is_numbered_beside_the_first(tmp_path):
    trash = trash_folder(tmp_path)
    kept = []
    for version in (b"one", b"two", b"three"):
        source = tmp_path / "sub" / "a.txt"
        source.parent.mkdir(exist_ok=True)
        source.write_bytes(version)
        kept.append(move_to_trash("sub/a.txt", source, trash))
    assert [p.relative_to(trash).as_posix() for p in kept] == ["sub/a.txt", "sub/a.txt.2", "sub/a.txt.3"]
    assert [p.read_bytes() for p in kept] == [b"one", b"two", b"three"]


def test_what_counts_as_local_work_in_a_downloaded_file(tmp_path):
    checksums = ChecksumCache(tmp_path)
    (tmp_path / "a.txt").write_bytes(b"as downloaded")
    etag = calc_etag(tmp_path / "a.txt")
    as_downloaded = {"a.txt": {"etag": etag, "size": 13}}
    assert not holds_local_work("a.txt", tmp_path / "a.txt", as_downloaded, checksums)
    assert not holds_local_work("a.txt", tmp_path / "a.txt", {"a.txt": {"etag": etag}}, checksums)  # no size
    assert holds_local_work("a.txt", tmp_path / "a.txt", {}, checksums)  # never downloaded here
    assert holds_local_work("a.txt", tmp_path / "a.txt", {"a.txt": {"size": 13}}, checksums)  # nothing to compare
    assert holds_local_work("gone.txt", tmp_path / "gone.txt", {"gone.txt": {"etag": etag, "size": 13}}, checksums)
    (tmp_path / "a.txt").write_bytes(b"as downloaded, then edited")
    assert holds_local_work("a.txt", tmp_path / "a.txt", as_downloaded, checksums)


@pytest.mark.parametrize(
    "text",
    [
        '["a list, not a record"]',
        '{"format": 1, "files": ["a.txt"]}',
        '{"format": 99, "files": {"a.txt": {"etag": "e"}}}',
        '{"format": 1, "files": {"a.txt": "not an entry"}}',
        "not json at all",
    ],
)
def test_a_damaged_download_record_means_every_file_may_hold_local_work(tmp_path, text):
    from qfieldcloud_plugin.client.download_record import DownloadRecord

    record = DownloadRecord(tmp_path)
    record.path.parent.mkdir(parents=True)
    record.path.write_text(text, encoding="utf-8")
    assert record.load() == {}


def test_the_download_record_is_read_as_utf8_whatever_the_locale(tmp_path):
    from qfieldcloud_plugin.client.download_record import DownloadRecord

    record = DownloadRecord(tmp_path)
    record.path.parent.mkdir(parents=True)
    record.path.write_text('{"format": 1, "files": {"relevé.gpkg": {"etag": "e"}}}', encoding="utf-8")
    script = (
        "import sys\nfrom qfieldcloud_plugin.client.download_record import DownloadRecord\n"
        "print(ascii(sorted(DownloadRecord(sys.argv[1]).load())))"
    )
    assert printed_in_the_c_locale(script, str(tmp_path)) == ascii(["relevé.gpkg"])


@pytest.mark.parametrize("listed", [("md5sum", "sha256"), ("sha256",), ("md5sum",)])
def test_the_verified_files_of_a_failed_download_are_not_fetched_again_by_the_next(fake, tmp_path, listed):
    """All or nothing keeps the folder as it was, but what arrived and verified waits in staging."""
    files = {"a.bin": os.urandom(300_000), "b.bin": os.urandom(1000)}
    listing = [
        {k: v for k, v in listing_entry(n, d).items() if k in ("name", "size", *listed)} for n, d in files.items()
    ]
    fake.route("GET", f"api/v1/files/{PID}/", json_reply(listing))
    fake.route("GET", f"api/v1/files/{PID}/a.bin/", Reply(200, {}, files["a.bin"]))
    fails_once_then_serves(fake, "b.bin", files["b.bin"])
    client = Client(fake.url, token="t", max_retries=0)
    first = {f["name"]: f["status"] for f in client.download_project(PID, str(tmp_path))}
    assert first == {"a.bin": FileTransferStatus.FAILED, "b.bin": FileTransferStatus.FAILED}
    assert not (tmp_path / "a.bin").exists()
    second = {f["name"]: f["status"] for f in client.download_project(PID, str(tmp_path))}
    assert second == {"a.bin": FileTransferStatus.SUCCESS, "b.bin": FileTransferStatus.SUCCESS}
    assert {n: (tmp_path / n).read_bytes() for n in files} == files
    assert [r.path for r in fake.requests].count(f"/api/v1/files/{PID}/a.bin/") == 1


@pytest.mark.parametrize("new_size", [300_000, 299_999])
def test_a_file_staged_by_a_failed_download_is_fetched_again_when_the_server_s_copy_changed(fake, tmp_path, new_size):
    old, new, b = os.urandom(300_000), os.urandom(new_size), os.urandom(1000)
    fake.route(
        "GET",
        f"api/v1/files/{PID}/",
        json_reply([listing_entry("a.bin", old), listing_entry("b.bin", b)]),
        json_reply([listing_entry("a.bin", new), listing_entry("b.bin", b)]),
    )
    fake.route("GET", f"api/v1/files/{PID}/a.bin/", Reply(200, {}, old), Reply(200, {}, new))
    fails_once_then_serves(fake, "b.bin", b)
    client = Client(fake.url, token="t", max_retries=0)
    client.download_project(PID, str(tmp_path))  # b.bin fails: a.bin waits in staging
    second = {f["name"]: f["status"] for f in client.download_project(PID, str(tmp_path))}
    assert second == {"a.bin": FileTransferStatus.SUCCESS, "b.bin": FileTransferStatus.SUCCESS}
    assert (tmp_path / "a.bin").read_bytes() == new  # not the stale staged copy
    assert [r.path for r in fake.requests].count(f"/api/v1/files/{PID}/a.bin/") == 2


def test_state_files_are_written_on_the_file_system_of_their_folder(small_disk):
    """The temporary file sits beside the target: a rename never crosses file systems."""
    from qfieldcloud_plugin.client.atomic_file import write_json_atomically

    target = small_disk / ".qfieldcloud" / "download-record.json"
    write_json_atomically(target, {"format": 1, "files": {}})
    assert target.read_text(encoding="utf-8") == '{"format": 1, "files": {}}'


def test_a_disk_that_fills_while_the_download_is_flushed_frees_what_was_staged(fake, tmp_path, monkeypatch):
    """The full disk shows only when the staged files are flushed (delayed allocation): the error
    seen is the flush's, the full disk its cause; the staged files are dropped all the same."""
    import errno

    from qfieldcloud_plugin.client import disk

    monkeypatch.setattr(disk, "_SYNCFS", None)  # one fsync per file

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(disk.os, "fsync", full)
    serve(fake, {"a.txt": b"new a", "b.txt": b"new b"})
    files = Client(fake.url, token="t", max_retries=0).download_project(PID, str(tmp_path))
    assert all(f["status"] == FileTransferStatus.FAILED for f in files)
    assert not (tmp_path / ".qfieldcloud" / "staging").exists()
    assert not (tmp_path / "a.txt").exists()


def test_an_apply_that_fails_fails_every_file_with_its_reason_and_keeps_them_staged_for_the_next(fake, tmp_path):
    files = {"a.bin": os.urandom(1000), "b.bin": os.urandom(1000)}
    listing = [listing_entry(n, d) for n, d in files.items()]
    for name, data in files.items():
        fake.route("GET", f"api/v1/files/{PID}/{name}/", Reply(200, {}, data))

    def a_folder_appears_in_the_way(name, path):
        if name == "b.bin":
            path.mkdir()  # made by another program after the files arrived, before they move
        return True

    client = Client(fake.url, token="t", max_retries=0)
    first = client.download_files(
        [dict(f) for f in listing], PID, "project", str(tmp_path), still_as_planned=a_folder_appears_in_the_way
    )
    assert [f["status"] for f in first] == [FileTransferStatus.FAILED] * 2
    assert first[0]["error"] is first[1]["error"] and "b.bin" in str(first[0]["error"])
    assert not (tmp_path / "a.bin").exists() and (tmp_path / "b.bin").is_dir()
    (tmp_path / "b.bin").rmdir()
    second = client.download_files([dict(f) for f in listing], PID, "project", str(tmp_path))
    assert [f["status"] for f in second] == [FileTransferStatus.SUCCESS] * 2
    assert {n: (tmp_path / n).read_bytes() for n in files} == files
    assert len(fake.requests) == 2  # each file fetched once: the second run used what was staged
