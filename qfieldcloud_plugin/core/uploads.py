"""Upload a linked folder to its cloud project: plan against the server and the sync base, send,
verify, and record each verified file in the base.

Task bodies: each runs on a worker thread inside a `ClientTask` and returns plain data for the GUI thread.
"""

from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Tuple

from ..client import Client, FileTransferStatus, FileTransferType, QfcException, TransferCancelledError
from ..client.checksums import ChecksumCache
from .local_scan import changed_since_plan, masked_sqlite, scan_local, scan_remote, server_changed, with_sqlite_content
from .sync import FileState, UploadPlan, checkpoint_geopackages, plan_upload
from .sync_state import SyncStateStore


def upload_many(
    client: Client,
    task,
    project_id: str,
    folder: Path,
    names: List[str],
    uploaded: List[str],
    failed: Dict[str, str],
    recorded: Dict[str, FileState],
    planned: Dict[str, Tuple[Optional[FileState], Optional[FileState]]],
) -> None:
    """Upload `names` through the client's engine (data first, QGIS project files last, each verified).

    `planned` holds each file's (local, server) state as the user saw it in the plan. Just
    before it is sent, a file that changed here since then, or on QFieldCloud, is not sent:
    the plan the user approved no longer describes it. Verified files enter `recorded`.
    """
    if not names or task.isCanceled():
        return
    checksums = ChecksumCache(folder)

    def still_as_planned(name: str, path: Path, server_now: Optional[Dict]) -> Optional[str]:
        local, remote = planned.get(name, (None, None))
        if server_changed(remote, FileState.from_remote(server_now) if server_now else None):
            return "changed on QFieldCloud since the plan was shown"
        if changed_since_plan(checksums, name, path, local):
            return "changed here since the plan was shown"
        return None

    try:
        files = client.upload_files(
            project_id,
            FileTransferType.PROJECT,
            str(folder),
            names=names,
            force=True,
            progress_callback=task.progress_callback,
            is_cancelled=task.isCanceled,
            still_as_planned=still_as_planned,
        )
    except TransferCancelledError:
        return
    except QfcException as error:  # the listing before the batch, for instance
        for name in names:
            failed[name] = str(error)
        return
    for file in files:
        if file.get("status") == FileTransferStatus.SUCCESS and file.get("remote"):
            uploaded.append(file["name"])
            recorded[file["name"]] = FileState.from_remote(file["remote"])
        elif file.get("status") == FileTransferStatus.FAILED:
            failed[file["name"]] = str(file.get("error"))


@dataclass
class UploadPreparation:
    """What an upload would do, computed before asking the user about conflicts."""

    folder: Path
    plan: UploadPlan
    local: Dict[str, FileState]
    remote: Dict[str, FileState]
    unflushed: List[str] = field(default_factory=list)
    base: Dict[str, FileState] = field(default_factory=dict)  # the sync base the plan was made from


@dataclass
class UploadResult:
    uploaded: List[str] = field(default_factory=list)
    skipped: List[str] = field(default_factory=list)
    failed: Dict[str, str] = field(default_factory=dict)
    recorded: List[str] = field(default_factory=list)


def prepare_upload(client: Client, task, project_id: str, folder: Path) -> UploadPreparation:
    """Flush GeoPackage WALs, hash the local files and plan against the server's and the base (no upload yet)."""
    folder = Path(folder)
    unflushed = checkpoint_geopackages(folder)
    store = SyncStateStore(folder)
    base = store.load(project_id)
    local = masked_sqlite(folder, scan_local(folder, task, store.kept_beside(project_id)), base)
    remote = {name: FileState.from_remote(f) for name, f in scan_remote(client, project_id, folder).items()}
    plan = plan_upload(local, remote, base)
    return UploadPreparation(folder, plan, local, remote, unflushed, base or {})


def upload(client: Client, task, project_id: str, preparation: UploadPreparation, names: List[str]) -> UploadResult:
    """Upload `names` (data files in parallel, QGIS project files last), each verified; failures are collected.

    The base records the verified uploads and the files already identical on the server.
    """
    result = UploadResult(skipped=list(preparation.plan.skipped))
    recorded = {name: preparation.remote[name] for name in preparation.plan.skipped}
    try:
        planned = {n: (preparation.local.get(n), preparation.remote.get(n)) for n in names}
        upload_many(
            client, task, project_id, preparation.folder, names, result.uploaded, result.failed, recorded, planned
        )
    finally:
        store = SyncStateStore(preparation.folder)
        store.update(project_id, with_sqlite_content(preparation.folder, recorded, store.load(project_id)))
        result.recorded = sorted(recorded)
    if task.isCanceled():
        raise TransferCancelledError(
            "Upload cancelled after {done} of {total} files".format(done=len(result.uploaded), total=len(names))
        )
    return result


def record_unchanged(preparation: UploadPreparation, project_id: str) -> UploadResult:
    """Nothing to send: the files already identical on the server go into the sync base as they are."""
    skipped = list(preparation.plan.skipped)
    SyncStateStore(preparation.folder).update(project_id, {name: preparation.remote[name] for name in skipped})
    return UploadResult(skipped=skipped)
