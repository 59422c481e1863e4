"""Where a multi-file download lands, and how it is moved into the folder: all or nothing, crash-safe.

Files are staged in `<folder>/.qfieldcloud/staging/<name>` and verified there. `apply` then
moves them into place:

1. It writes a journal (`.qfieldcloud/apply-journal.json`, fsync'ed) naming every move.
2. For each file, it moves the local file it replaces (if any) into `.qfieldcloud/backup-<id>/`,
   then the staged file into place.
3. It marks the journal committed, moves each replaced file that held local work into
   `.qfieldcloud/trash/<time>/` (the others are only an old server version and are dropped),
   and removes the backup folder and the journal.

If a move fails, every move already made is undone. If the process is killed, the next
`Staging` on the folder finds the journal and finishes the job: before the commit mark it
puts every old file back (the new ones return to staging, where the next download reuses
them); after it, it only files the replaced copies into the trash. Either way every file is
old or new, none is missing, and no backup folder is left behind.
"""

import errno
import json
import os
import shutil
import time
import uuid
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Sequence, Set, Tuple

from .atomic_file import write_json_atomically
from .errors import TransferCancelledError, TransferError
from .hashing import calc_etag, calc_sha256, same_content
from .models import PathLike
from .names import STATE_DIR, SafeJoiner

JOURNAL_FILE = "apply-journal.json"
TRASH_DIR = "trash"
BACKUP_PREFIX = "backup-"


def trash_root(local_dir: PathLike) -> Path:
    """`<local_dir>/.qfieldcloud/trash`: the folder under which replaced and deleted local files are kept."""
    return Path(os.path.abspath(local_dir)) / STATE_DIR / TRASH_DIR


def trash_folder(local_dir: PathLike, stamp: Optional[str] = None) -> Path:
    """`<local_dir>/.qfieldcloud/trash/<stamp>`: where the files of one download or sync are kept."""
    return trash_root(local_dir) / (stamp or time.strftime("%Y%m%d-%H%M%S"))


def move_to_trash(name: str, source: Path, trash: Path) -> Path:
    """Move `source` (the local file `name`) to `trash/name`, numbering it if that is taken."""
    first = trash / name  # a checked POSIX name: its "/" separates folders on every OS
    target, n = first, 1
    while os.path.lexists(target):
        n += 1
        target = first.with_name(f"{first.name}.{n}")
    target.parent.mkdir(parents=True, exist_ok=True)
    os.replace(source, target)
    return target


class Staging:
    """The staging area of one download folder (see the module's docstring)."""

    def __init__(self, local_dir: PathLike) -> None:
        self.root = Path(os.path.abspath(local_dir))
        self.base = self.root / STATE_DIR
        self.dir = self.base / "staging"
        self.journal = self.base / JOURNAL_FILE
        self._join = SafeJoiner(self.dir)
        # Whether the staged files stay for the next download when the `with` block ends normally.
        self.keep_for_next = False

    def __enter__(self) -> "Staging":
        self.recover()
        return self

    def __exit__(self, exc_type: Any, exc: Optional[BaseException], tb: Any) -> None:
        """Clean up by one rule: after a cancel or on a full disk the staged files go; after another
        failure the verified ones stay for the next download to reuse; else `keep_for_next` says."""
        if exc is None:
            keep = self.keep_for_next
        else:
            keep = not isinstance(exc, TransferCancelledError) and not disk_full(exc)
        self.finish(keep=keep)

    def path_for(self, name: str) -> Path:
        return self._join(name)

    def reusable(self, staged: Path, remote: Dict[str, Any]) -> bool:
        """Whether a file staged by an earlier, failed call still matches the remote file."""
        if not staged.is_file() or remote.get("size") is None:
            return False
        found: Dict[str, Any] = {"size": staged.stat().st_size}
        if found["size"] != remote["size"]:
            return False
        if remote.get("sha256"):
            found["sha256"] = calc_sha256(staged)
        elif remote.get("md5sum"):
            found["md5sum"] = calc_etag(staged)
        return same_content(found, remote)

    # --- applying ------------------------------------------------------------------------

    def apply(
        self, moves: Sequence[Tuple[str, Path, Path]], keep: Callable[[str, Path], bool] = lambda name, path: True
    ) -> Dict[str, Path]:
        """Move each staged file (name, staged, target) into place, all or nothing.

        `keep(name, target)` says, before anything moves, whether the local file a move
        replaces holds local work; those go to the trash. Returns name → its trash path.
        Raises TransferError (with the folder as it was) when a move fails.
        """
        self.recover()
        backup = self.base / f"{BACKUP_PREFIX}{uuid.uuid4().hex[:12]}"
        entries = []
        for name, staged, target in moves:
            if os.path.isdir(target) and not os.path.islink(target):
                raise TransferError(
                    f'Could not put "{name}" in place: a folder of that name is in the way; nothing was changed'
                )
            replaced = os.path.lexists(target)
            entries.append(
                {
                    "name": name,
                    "staged": self._rel(staged),
                    "target": self._rel(target),
                    "saved": self._rel(backup.joinpath(*name.split("/"))) if replaced else None,
                    "keep": bool(replaced and keep(name, Path(target))),
                }
            )
        self._write_journal(entries, committed=False)
        done: List[Dict[str, Any]] = []
        folders: Set[Path] = set()  # made (or found) during this apply: one mkdir per folder, not per file
        try:
            for entry in entries:
                done.append(entry)
                self._move_in(entry, folders)
        except OSError as exc:
            problems = self._roll_back(done)
            self._finish_journal(problems)
            if problems:
                raise TransferError(
                    f'Could not move "{done[-1]["name"]}" into place ({exc.strerror or exc}), and could not restore '
                    f'{", ".join(problems)}: the previous versions are in "{backup}"'
                ) from None
            raise TransferError(
                f'Could not move "{done[-1]["name"]}" into place ({exc.strerror or exc}); '
                "the local folder was left as it was before the download"
            ) from None
        self._write_journal(entries, committed=True)
        return self._file_replaced(entries)

    def _move_in(self, entry: Dict[str, Any], folders: Set[Path]) -> None:
        target = self._abs(entry["target"])
        if entry["saved"]:
            saved = self._abs(entry["saved"])
            _make_folder(saved.parent, folders)
            os.replace(target, saved)
        _make_folder(target.parent, folders)
        os.replace(self._abs(entry["staged"]), target)

    def _roll_back(self, entries: Sequence[Dict[str, Any]]) -> List[str]:
        """Put every old file back and every new one back into staging; names that could not be."""
        problems = []
        for entry in reversed(entries):
            staged, target = self._abs(entry["staged"]), self._abs(entry["target"])
            saved = self._abs(entry["saved"]) if entry["saved"] else None
            try:
                moved_in = (
                    os.path.lexists(target)
                    and not os.path.lexists(staged)
                    and (saved is None or os.path.lexists(saved))
                )
                if moved_in:
                    staged.parent.mkdir(parents=True, exist_ok=True)
                    os.replace(target, staged)  # kept staged: the next download need not fetch it again
                if saved is not None and os.path.lexists(saved):
                    if os.path.lexists(target):  # not ours: keep both, never overwrite
                        move_to_trash(entry["name"], saved, trash_folder(self.root))
                    else:
                        os.replace(saved, target)
            except OSError:
                problems.append('"{}"'.format(entry["name"]))
        return problems

    def _file_replaced(self, entries: Sequence[Dict[str, Any]]) -> Dict[str, Path]:
        """After the commit: replaced files holding local work go to the trash, the others away."""
        kept: Dict[str, Path] = {}
        trash = trash_folder(self.root)
        for entry in entries:
            saved = self._abs(entry["saved"]) if entry["saved"] else None
            if saved is None or not os.path.lexists(saved):
                continue
            try:
                if entry["keep"]:
                    kept[entry["name"]] = move_to_trash(entry["name"], saved, trash)
                else:
                    os.unlink(saved)
            except OSError:
                pass  # left in the backup folder, which is then kept
        self._finish_journal([])
        return kept

    def _finish_journal(self, problems: List[str]) -> None:
        """Remove the emptied backup folders and, unless something is left in them, the journal."""
        for entry in os.scandir(self.base) if self.base.is_dir() else []:
            if entry.name.startswith(BACKUP_PREFIX) and entry.is_dir(follow_symlinks=False):
                _remove_empty_folders(Path(entry.path))
        if not problems:
            try:
                os.unlink(self.journal)
            except FileNotFoundError:
                pass

    # --- after a crash -------------------------------------------------------------------

    def recover(self) -> bool:
        """Finish an apply that was killed (see the module's docstring); True if there was one.

        Backup folders without a journal (left by older versions) are moved to the trash, never deleted.
        """
        found = False
        try:
            data = json.loads(self.journal.read_text(encoding="utf-8"))
            entries = data["entries"]
            committed = bool(data.get("committed"))
            found = True
        except FileNotFoundError:
            entries, committed = [], False
        except (OSError, ValueError, KeyError, TypeError):
            entries, committed = [], False  # unreadable: its backup folder is kept below, in the trash
        if found:
            if committed:
                self._file_replaced([dict(e, keep=True) for e in entries if e.get("saved")])
            else:
                self._finish_journal(self._roll_back(entries))
        self._trash_stray_backups()
        return found

    def _trash_stray_backups(self) -> None:
        if not self.base.is_dir() or self.journal.exists():
            return
        for entry in os.scandir(self.base):
            if not (entry.name.startswith(BACKUP_PREFIX) and entry.is_dir(follow_symlinks=False)):
                continue
            folder = Path(entry.path)
            for dirpath, _dirs, files in os.walk(folder):
                for filename in files:
                    source = Path(dirpath) / filename
                    move_to_trash(source.relative_to(folder).as_posix(), source, trash_folder(self.root))
            _remove_empty_folders(folder)

    # --- the journal ---------------------------------------------------------------------

    def _write_journal(self, entries: List[Dict[str, Any]], committed: bool) -> None:
        write_json_atomically(self.journal, {"format": 1, "committed": committed, "entries": entries}, durable=True)

    def _rel(self, path: PathLike) -> str:
        return Path(os.path.abspath(path)).relative_to(self.root).as_posix()

    def _abs(self, rel: str) -> Path:
        return self.root.joinpath(*rel.split("/"))

    # --- cleaning up ---------------------------------------------------------------------

    def finish(self, keep: bool) -> None:
        """Drop the staging folder, or (`keep`) only its empty folders, for a later call to reuse."""
        if not keep:
            shutil.rmtree(self.dir, ignore_errors=True)
        elif self.dir.is_dir():
            _remove_empty_folders(self.dir)
        try:
            os.rmdir(self.base)
        except OSError:
            pass


def disk_full(error: Any) -> bool:
    """Whether `error`, or an error it was raised from or while handling, is a full disk or quota.

    By the errno, not the message, which each OS words its own way; an error re-raised `from None`
    still keeps the OSError as its `__context__`."""
    while error is not None:
        if isinstance(error, OSError) and error.errno in (errno.ENOSPC, errno.EDQUOT):
            return True
        error = error.__cause__ or error.__context__
    return False


def _make_folder(folder: Path, made: Set[Path]) -> None:
    """`folder` and its parents, unless `made` says they were made already."""
    if folder not in made:
        folder.mkdir(parents=True, exist_ok=True)
        made.add(folder)


def _remove_empty_folders(folder: Path) -> None:
    """Remove `folder` and the folders below it that are empty; files are never removed."""
    for dirpath, _, _ in sorted(os.walk(folder), key=lambda entry: -len(entry[0])):
        try:
            os.rmdir(dirpath)
        except OSError:
            pass
