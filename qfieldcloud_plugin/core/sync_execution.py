"""Synchronize a linked folder with its cloud project: prepare the plan, then carry out what the
user approved, re-checking each file just before it is touched.

Task bodies: each runs on a worker thread inside a `ClientTask` and returns plain data for the GUI thread.
"""

import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Dict, List, Optional, cast

from ..client import Client, FileTransferStatus, FileTransferType, QfcException, TransferCancelledError, calc_etag
from ..client.checksums import ChecksumCache
from ..client.names import safe_join
from ..client.staging import move_to_trash, trash_folder
from .downloads import DownloadResult
from .local_scan import changed_since_plan, masked_sqlite, scan_local, scan_remote, with_sqlite_content
from .server_changes import server_changes
from .sync import FileState, SyncChoices, SyncOperations, SyncPlan, checkpoint_geopackages, plan_sync, resolve
from .sync_state import SyncStateStore
from .uploads import upload_many


@dataclass
class SyncPreparation:
    """A plan and what it was computed from, handed to the user before anything happens."""

    project_id: str
    folder: Path
    plan: SyncPlan
    remote_files: Dict[str, Dict]
    unflushed: List[str] = field(default_factory=list)


def prepare_sync(client: Client, task, project_id: str, folder: Path) -> SyncPreparation:
    """Flush GeoPackage WALs, hash the local files, list the server's, and plan against the base."""
    folder = Path(folder)
    unflushed = checkpoint_geopackages(folder)
    store = SyncStateStore(folder)
    base = store.load(project_id)
    local = masked_sqlite(folder, scan_local(folder, task, store.kept_beside(project_id)), base)
    remote_files = scan_remote(client, project_id, folder)
    remote = {name: FileState.from_remote(f) for name, f in remote_files.items()}
    plan = plan_sync(local, remote, base)
    plan.server_changes = server_changes(client, project_id, plan, remote_files)
    return SyncPreparation(project_id, folder, plan, remote_files, unflushed)


@dataclass
class SyncResult:
    uploaded: List[str] = field(default_factory=list)
    downloaded: List[str] = field(default_factory=list)
    kept_both: Dict[str, str] = field(default_factory=dict)  # name → name of the server copy beside it
    deleted_local: List[str] = field(default_factory=list)
    deleted_remote: List[str] = field(default_factory=list)
    untouched: List[str] = field(default_factory=list)
    failed: Dict[str, str] = field(default_factory=dict)
    recorded: List[str] = field(default_factory=list)  # names whose base entry was written
    trash: Optional[Path] = None  # where replaced or deleted local files went


def beside_name(name: str, stamp: str, exists: Callable[[str], bool]) -> str:
    """`dir/stem.server-<stamp>.ext`, numbered if taken: the server copy of a "keep both" conflict."""
    folder, _, base = name.rpartition("/")
    stem, dot, ext = base.rpartition(".")
    if not stem:  # no extension, or a dot file
        stem, dot, ext = base, "", ""
    for n in range(1, 1000):
        candidate = "{stem}.server-{stamp}{n}{dot}{ext}".format(
            stem=stem, stamp=stamp, n="" if n == 1 else "-{}".format(n), dot=dot, ext=ext
        )
        candidate = folder + "/" + candidate if folder else candidate
        if not exists(candidate):
            return candidate
    raise FileExistsError(name)


def execute_sync(client: Client, task, preparation: SyncPreparation, choices: SyncChoices) -> SyncResult:
    """Carry out the confirmed plan; the base is updated for verified files only, even on failure.

    Order: server copies of "keep both" conflicts, downloads (staged, all or nothing; the local
    copies they replace in a "keep QFieldCloud's" conflict go to the trash), local deletions
    (into the trash), server deletions, then uploads (the client's engine: data files, then
    QGIS project files). A file is recorded in the base only after its transfer was verified
    (downloads: checksum of the staged file; uploads: the server's listing read back).
    """
    ops = resolve(preparation.plan, choices.resolutions, choices.declined)
    folder = preparation.folder
    store = SyncStateStore(folder)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    result = SyncResult(untouched=list(ops.untouched))
    recorded: Dict[str, FileState] = {}
    forgotten: List[str] = list(ops.forget)
    actions = {a.name: a for a in preparation.plan.actions}
    for name in ops.record:
        recorded[name] = cast(FileState, actions[name].remote)  # planned only for a file the server has
    try:
        _download_beside(client, task, preparation, ops, stamp, result)
        _download(client, task, preparation, ops, result, recorded)
        _delete_local(folder, ops.delete_local, actions, trash_folder(folder, stamp), result, forgotten)
        _delete_remote(client, task, preparation.project_id, ops.delete_remote, result, forgotten)
        uploads = [n for n in ops.upload if n not in result.failed]
        planned = {a.name: (a.local, a.remote) for a in preparation.plan.actions}
        upload_many(
            client, task, preparation.project_id, folder, uploads, result.uploaded, result.failed, recorded, planned
        )
    finally:
        base = {a.name: a.base for a in preparation.plan.actions if a.base is not None}
        store.update(
            preparation.project_id,
            with_sqlite_content(folder, recorded, base),
            forgotten,
            kept_beside=result.kept_both.values(),
        )
        result.recorded = sorted(recorded)
    if task.isCanceled():
        raise TransferCancelledError("Synchronization cancelled; what was verified is recorded")
    return result


def _download_beside(
    client: Client, task, preparation: SyncPreparation, ops: SyncOperations, stamp: str, result: SyncResult
) -> None:
    folder = preparation.folder
    for name in ops.download_beside:
        if task.isCanceled():
            return
        remote = preparation.remote_files[name]
        copy = beside_name(name, stamp, lambda n: (folder / n).exists())
        try:
            client.download_file(
                preparation.project_id,
                FileTransferType.PROJECT,
                safe_join(folder, copy),
                name,
                remote_sha256=remote.get("sha256"),
                remote_md5sum=remote.get("md5sum"),
                remote_size=remote.get("size"),
                is_cancelled=task.isCanceled,
            )
        except TransferCancelledError:
            return
        except (QfcException, OSError) as error:
            # Without the server copy safe beside it, the local one must not replace it.
            result.failed[name] = str(error)
            continue
        result.kept_both[name] = copy


def _download(
    client: Client,
    task,
    preparation: SyncPreparation,
    ops: SyncOperations,
    result: SyncResult,
    recorded: Dict[str, FileState],
) -> None:
    """Download `ops.download`, all or nothing, keeping the local copies of "keep QFieldCloud's" conflicts
    in the trash; a local file that changed since the plan was shown is left as it is."""
    names = ops.download
    if not names or task.isCanceled():
        return
    planned = {a.name: a.local for a in preparation.plan.actions}
    keep_first = set(ops.backup_local)
    checksums = ChecksumCache(preparation.folder)

    files = [dict(preparation.remote_files[n]) for n in names]
    try:
        done = client.download_files(
            files,
            preparation.project_id,
            FileTransferType.PROJECT,
            str(preparation.folder),
            progress_callback=task.progress_callback,
            is_cancelled=task.isCanceled,
            keep_local_versions=lambda name, _path: name in keep_first,
            still_as_planned=lambda name, path: not changed_since_plan(checksums, name, path, planned.get(name)),
        )
    except TransferCancelledError:
        return
    result.trash = DownloadResult.of(done).backup or result.trash
    for file in done:
        name = file["name"]
        if file.get("status") != FileTransferStatus.SUCCESS or file.get("error"):
            result.failed[name] = str(file.get("error") or "not downloaded")
            continue
        result.downloaded.append(name)
        state = FileState.from_remote(file)
        # Verified against the listing when it arrived; a re-fetched newer version is not recorded.
        if file.get("verified") and calc_etag(preparation.folder / name) == state.etag:
            recorded[name] = state


def _delete_local(
    folder: Path, names: List[str], actions, trash: Path, result: SyncResult, forgotten: List[str]
) -> None:
    checksums = ChecksumCache(folder)
    for name in names:
        path = folder / name
        if os.path.lexists(path) and changed_since_plan(checksums, name, path, actions[name].local):
            result.failed[name] = "changed since the plan was shown; kept"
            continue
        if path.is_file():
            move_to_trash(name, path, trash)
            result.trash = trash
        result.deleted_local.append(name)
        forgotten.append(name)


def _delete_remote(
    client: Client, task, project_id: str, names: List[str], result: SyncResult, forgotten: List[str]
) -> None:
    for name in names:
        if task.isCanceled():
            return
        try:
            client.delete_file(project_id, name)
        except (QfcException, OSError) as error:
            result.failed[name] = str(error)
            continue
        result.deleted_remote.append(name)
        forgotten.append(name)
