"""Task bodies for uploads and downloads: they run on a worker thread inside a `ClientTask`.

Each function takes `(client, task)` plus its own arguments (bound with `functools.partial`)
and returns plain data for the GUI thread.
"""

import os
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Dict, Iterable, List, Optional, Tuple, cast

from ..client import (
    Client,
    FileTransferStatus,
    FileTransferType,
    QfcException,
    TransferCancelledError,
    UnsafePathError,
    calc_etag,
)
from ..client.checksums import CTIME_IS_CHANGE_TIME, ChecksumCache
from ..client.download_record import DownloadRecord, holds_local_work
from ..client.ignore import load_ignore_rules, path_ignored
from ..client.names import is_ignored, is_qgis_project, match_glob, safe_join
from ..client.staging import TRASH_DIR, move_to_trash, trash_folder
from ..client.local_files import list_local_files
from .geopackage import is_sqlite_name, sqlite_content_sha256
from .project_link import mark_package_folder
from .server_changes import server_changes
from .sync import (
    FileState,
    SyncChoices,
    SyncOperations,
    SyncPlan,
    UploadPlan,
    checkpoint_geopackages,
    plan_sync,
    plan_upload,
    resolve,
)
from .sync_state import STATE_DIR, SyncStateStore

SQLITE_SIDE_FILES = ("-wal", "-shm", "-journal")


# --- comparing -----------------------------------------------------------------------


def scan_local(folder: Path, task, leave_out: Iterable[str] = ()) -> Dict[str, FileState]:
    """The files a sync considers, hashed: `.qfieldcloudignore`, hidden and SQLite side files left
    out, and `leave_out` (the server copies "keep both" saved: never sent back as new files)."""
    left_out = set(leave_out)
    files = [
        f for f in list_local_files(folder) if not f["name"].endswith(SQLITE_SIDE_FILES) and f["name"] not in left_out
    ]
    states = {}
    checksums = ChecksumCache(folder)
    try:
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
    finally:
        checksums.save()
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
    local = _masked_sqlite(folder, scan_local(folder, task, store.kept_beside(project_id)), base)
    remote_files = scan_remote(client, project_id, folder)
    remote = {name: FileState.from_remote(f) for name, f in remote_files.items()}
    plan = plan_sync(local, remote, base)
    plan.server_changes = server_changes(client, project_id, plan, remote_files)
    return SyncPreparation(project_id, folder, plan, remote_files, unflushed)


def _masked_sqlite(
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


def _with_sqlite_content(
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


# --- executing -------------------------------------------------------------------------


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
        _upload_many(
            client, task, preparation.project_id, folder, uploads, result.uploaded, result.failed, recorded, planned
        )
    finally:
        base = {a.name: a.base for a in preparation.plan.actions if a.base is not None}
        store.update(
            preparation.project_id,
            _with_sqlite_content(folder, recorded, base),
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
            still_as_planned=lambda name, path: not _changed_since_plan(checksums, name, path, planned.get(name)),
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


def _changed_since_plan(checksums: ChecksumCache, name: str, path: Path, planned: Optional[FileState]) -> bool:
    """Whether the local file is not what the plan saw (it appeared, changed or vanished since).

    Through the checksum cache the plan's scan filled: a file untouched since is a `stat`.
    """
    if planned is None:
        return path.exists()
    try:
        return path.stat().st_size != planned.size or checksums.etag(name, path) != planned.etag
    except OSError:
        return True


def _delete_local(
    folder: Path, names: List[str], actions, trash: Path, result: SyncResult, forgotten: List[str]
) -> None:
    checksums = ChecksumCache(folder)
    for name in names:
        path = folder / name
        if os.path.lexists(path) and _changed_since_plan(checksums, name, path, actions[name].local):
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


def _upload_many(
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
        if _server_changed(remote, FileState.from_remote(server_now) if server_now else None):
            return "changed on QFieldCloud since the plan was shown"
        if _changed_since_plan(checksums, name, path, local):
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


def _server_changed(planned: Optional[FileState], now: Optional[FileState]) -> bool:
    if planned is None or now is None:
        return (planned is None) != (now is None)
    return not planned.same_content(now)


# --- upload only -----------------------------------------------------------------------


@dataclass
class UploadPreparation:
    """What an upload would do, computed before asking the user about conflicts."""

    folder: Path
    plan: UploadPlan
    local: Dict[str, FileState]
    remote: Dict[str, FileState]
    unflushed: List[str] = field(default_factory=list)


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
    local = _masked_sqlite(folder, scan_local(folder, task, store.kept_beside(project_id)), base)
    remote = {name: FileState.from_remote(f) for name, f in scan_remote(client, project_id, folder).items()}
    plan = plan_upload(local, remote, base)
    return UploadPreparation(folder, plan, local, remote, unflushed)


def upload(client: Client, task, project_id: str, preparation: UploadPreparation, names: List[str]) -> UploadResult:
    """Upload `names` (data files in parallel, QGIS project files last), each verified; failures are collected.

    The base records the verified uploads and the files already identical on the server.
    """
    result = UploadResult(skipped=list(preparation.plan.skipped))
    recorded = {name: preparation.remote[name] for name in preparation.plan.skipped}
    try:
        planned = {n: (preparation.local.get(n), preparation.remote.get(n)) for n in names}
        _upload_many(
            client, task, project_id, preparation.folder, names, result.uploaded, result.failed, recorded, planned
        )
    finally:
        store = SyncStateStore(preparation.folder)
        store.update(project_id, _with_sqlite_content(preparation.folder, recorded, store.load(project_id)))
        result.recorded = sorted(recorded)
    if task.isCanceled():
        raise TransferCancelledError(
            "Upload cancelled after {done} of {total} files".format(done=len(result.uploaded), total=len(names))
        )
    return result


def trash_root(folder: Path) -> Path:
    """The folder under which replaced and deleted local files of `folder` are kept."""
    return Path(folder) / STATE_DIR / TRASH_DIR


def _remote_listing(client: Client, project_id: str, package: bool) -> List[Dict]:
    return client.package_latest(project_id).get("files") or [] if package else client.list_remote_files(project_id)


def replaced_by_download(
    client: Client, task, project_id: str, local_dir: Path, package: bool = False, filter_glob: str = "*"
) -> List[str]:
    """Names of local files in `local_dir` that a download would replace and that hold local work.

    A file counts when it exists, differs from the server's version, and differs from what was
    last downloaded into the folder: a package nobody edited is replaced without a question.
    `task` is anything with `isCanceled()`: a QgsTask, or a Processing algorithm's QgsFeedback.
    """
    record = DownloadRecord(local_dir).load()
    checksums = ChecksumCache(local_dir)
    replaced = []
    try:
        for remote in _remote_listing(client, project_id, package):
            name = remote.get("name")
            if not isinstance(name, str) or not match_glob(name, filter_glob):
                continue
            if task.isCanceled():
                raise TransferCancelledError("Cancelled while comparing files")
            try:
                local = safe_join(local_dir, name)
            except UnsafePathError:
                continue  # refused by the download itself, which reports it
            if not local.is_file() or checksums.etag(name, local) == remote.get("md5sum"):
                continue
            if holds_local_work(name, local, record, checksums):
                replaced.append(name)
    finally:
        checksums.save()
    return replaced


@dataclass
class DownloadResult:
    files: List[Dict]  # the client's per-file results
    backup: Optional[Path] = None  # the trash folder that holds the local versions of replaced files
    backed_up: List[str] = field(default_factory=list)

    @classmethod
    def of(cls, files: List[Dict]) -> "DownloadResult":
        """The result of a client download, with the local versions it kept in the trash."""
        result = cls(files=files)
        for file in files:
            kept = file.get("kept_local_version")
            if kept:
                result.backed_up.append(file["name"])
                result.backup = Path(kept).parents[file["name"].count("/")]
        return result


def download_package(client: Client, task, project_id: str, local_dir: Path) -> DownloadResult:
    """Download the latest finished package into `local_dir`, marked as a package; raises on the first failed file."""
    result = DownloadResult.of(
        client.package_download(
            project_id,
            str(local_dir),
            throw_on_error=True,
            progress_callback=task.progress_callback,
            is_cancelled=task.isCanceled,
        )
    )
    mark_package_folder(local_dir, project_id)
    return result


def download_project(client: Client, task, project_id: str, local_dir: Path) -> DownloadResult:
    """Download the project's files into `local_dir`; per-file failures are in the result's files."""
    return DownloadResult.of(
        client.download_project(
            project_id,
            str(local_dir),
            progress_callback=task.progress_callback,
            is_cancelled=task.isCanceled,
        )
    )


def find_project_file(local_dir: Path, names: Optional[List[str]] = None) -> Optional[Path]:
    """The QGIS project file among `names` (or in `local_dir`), preferring the top level."""
    candidates = names if names is not None else [p.relative_to(local_dir).as_posix() for p in local_dir.rglob("*")]
    projects = sorted((n for n in candidates if is_qgis_project(n)), key=lambda n: (n.count("/"), n))
    return Path(local_dir) / projects[0] if projects else None


def local_file_states(client: Client, task, project_id: str, folder: Optional[Path]) -> List[Dict]:
    """The project's remote files, each with `local_state`: same, changed, missing or unlinked."""
    files = client.list_remote_files(project_id)
    for file in files:
        if task.isCanceled():
            raise TransferCancelledError("Cancelled while comparing files")
        if folder is None:
            file["local_state"] = "unlinked"
            continue
        local = Path(folder) / file["name"]
        if not local.is_file():
            file["local_state"] = "missing"
        else:
            file["local_state"] = "same" if calc_etag(local) == file.get("md5sum") else "changed"
    return files
