"""Both sides of a plan: the state of each local and server file, GeoPackages compared by their rows,
and whether a file changed since the user approved the plan."""

from dataclasses import replace
from pathlib import Path
from typing import Dict, Iterable, Optional

from ..client import Client, TransferCancelledError, calc_etag
from ..client.checksums import CTIME_IS_CHANGE_TIME, ChecksumCache
from ..client.ignore import load_ignore_rules, path_ignored
from ..client.local_files import list_local_files
from ..client.names import is_ignored
from .geopackage import is_sqlite_name, sqlite_content_sha256
from .sync import FileState

SQLITE_SIDE_FILES = ("-wal", "-shm", "-journal")


def scan_local(folder: Path, task, leave_out: Iterable[str] = ()) -> Dict[str, FileState]:
    """The files a sync considers, hashed: `.qfieldcloudignore`, hidden and SQLite side files left
    out, and `leave_out` (the server copies "keep both" saved: never sent back as new files)."""
    left_out = set(leave_out)
    files = [
        f for f in list_local_files(folder) if not f["name"].endswith(SQLITE_SIDE_FILES) and f["name"] not in left_out
    ]
    states = {}
    with ChecksumCache(folder) as checksums:  # saved on every way out
        for i, file in enumerate(files):
            if task.isCanceled():
                raise TransferCancelledError("Cancelled while comparing files")
            path = Path(file["absolute_filename"])
            # The cache is trusted where ctime shows every edit (POSIX); on Windows an edit that
            # sets the mtime back would slip past it, so the plan re-hashes there. Either way the
            # hashes are recorded, and the re-check just before each transfer is then a stat.
            etag = checksums.etag(file["name"], path, trust_cache=CTIME_IS_CHANGE_TIME)
            states[file["name"]] = FileState(size=file["size"], etag=etag)
            task.setProgress(100.0 * (i + 1) / len(files))
    return states


def scan_remote(client: Client, project_id: str, folder: Path) -> Dict[str, Dict]:
    """The server's files (full metadata) except those this folder ignores: they are never synced."""
    rules = load_ignore_rules(folder) or []
    return {
        f["name"]: f
        for f in client.list_remote_files(project_id, skip_metadata=False)
        if not is_ignored(f["name"])
        and not f["name"].endswith(SQLITE_SIDE_FILES)
        and not (rules and path_ignored(rules, f["name"]))
    }


def masked_sqlite(
    folder: Path, local: Dict[str, FileState], base: Optional[Dict[str, FileState]]
) -> Dict[str, FileState]:
    """`local`, with the masked hash of each SQLite file whose bytes differ from its base entry.

    QGIS rewrites a few header fields of a GeoPackage it only opened; with the masked hash on
    both sides the planner sees that the data is the same (FileState.same_content).
    """
    for name, state in list(local.items()):
        known = (base or {}).get(name)
        if is_sqlite_name(name) and known is not None and known.content and state.etag != known.etag:
            local[name] = replace(state, content=sqlite_content_sha256(folder / name))
    return local


def with_sqlite_content(
    folder: Path, recorded: Dict[str, FileState], base: Optional[Dict[str, FileState]]
) -> Dict[str, FileState]:
    """`recorded`, each SQLite entry with its masked hash: kept from the base when the bytes are the
    base's, else computed from the local file when that holds exactly the recorded bytes."""
    for name, state in list(recorded.items()):
        if not is_sqlite_name(name) or state.content:
            continue
        known = (base or {}).get(name)
        if known is not None and known.content and state.same_content(known):
            recorded[name] = replace(state, content=known.content)
        elif (folder / name).is_file() and calc_etag(folder / name) == state.etag:
            recorded[name] = replace(state, content=sqlite_content_sha256(folder / name))
    return recorded


def changed_since_plan(checksums: ChecksumCache, name: str, path: Path, planned: Optional[FileState]) -> bool:
    """Whether the local file is not what the plan saw (it appeared, changed or vanished since).

    Through the checksum cache the plan's scan filled: a file untouched since is a `stat`.
    """
    if planned is None:
        return path.exists()
    try:
        return path.stat().st_size != planned.size or checksums.etag(name, path) != planned.etag
    except OSError:
        return True


def server_changed(planned: Optional[FileState], now: Optional[FileState]) -> bool:
    if planned is None or now is None:
        return (planned is None) != (now is None)
    return not planned.same_content(now)
