"""Task bodies for uploads and downloads: they run on a worker thread inside a `ClientTask`.

Each function takes `(client, task)` plus its own arguments (bound with `functools.partial`)
and returns plain data for the GUI thread.
"""

import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional

from ..client import Client, FileTransferType, QfcException, TransferCancelledError, TransferProgress, calc_etag
from ..client.transfer import list_local_files
from .sync import UploadPlan, checkpoint_geopackages, plan_upload, project_files_last


SQLITE_SIDE_FILES = ("-wal", "-shm", "-journal")


@dataclass
class UploadPreparation:
    """What an upload would do, computed before asking the user about conflicts."""

    folder: Path
    plan: UploadPlan
    local_etags: Dict[str, str]
    remote_md5sums: Dict[str, str]
    sizes: Dict[str, int]
    unflushed: List[str] = field(default_factory=list)


@dataclass
class UploadResult:
    uploaded: List[str] = field(default_factory=list)
    skipped: List[str] = field(default_factory=list)
    failed: Dict[str, str] = field(default_factory=dict)
    synced_md5sums: Dict[str, str] = field(default_factory=dict)


def prepare_upload(client: Client, task, project_id: str, folder: Path, last_sync: Dict[str, str]) -> UploadPreparation:
    """Flush GeoPackage WALs, hash the local files and compare them with the server's (no upload yet)."""
    unflushed = checkpoint_geopackages(folder)
    # SQLite's live side files are never data: the WAL was checkpointed into the .gpkg.
    local_files = [f for f in list_local_files(folder) if not f["name"].endswith(SQLITE_SIDE_FILES)]
    remote = {f["name"]: f.get("md5sum") for f in client.list_remote_files(project_id)}
    local_etags, sizes = {}, {}
    for i, file in enumerate(local_files):
        if task.isCanceled():
            raise TransferCancelledError("Cancelled while comparing files")
        local_etags[file["name"]] = calc_etag(file["absolute_filename"])
        sizes[file["name"]] = file["size"]
        task.setProgress(100.0 * (i + 1) / len(local_files))
    plan = plan_upload(local_etags, remote, last_sync)
    return UploadPreparation(Path(folder), plan, local_etags, remote, sizes, unflushed)


def upload(client: Client, task, project_id: str, preparation: UploadPreparation, names: List[str]) -> UploadResult:
    """Upload `names` (data files in parallel, QGIS project files last); per-file failures are collected."""
    result = UploadResult(skipped=list(preparation.plan.skipped))
    for name in preparation.plan.skipped:
        result.synced_md5sums[name] = preparation.local_etags[name]
    names = project_files_last(names)
    progress = _Progress(task, len(names), sum(preparation.sizes.get(n, 0) for n in names))

    def upload_one(name: str) -> None:
        if task.isCanceled():
            return
        try:
            client.upload_file(
                project_id, FileTransferType.PROJECT, preparation.folder / name, name,
                progress_callback=progress.for_file(name), is_cancelled=task.isCanceled,
            )
        except TransferCancelledError:
            return
        except (QfcException, OSError) as error:
            progress.failed(name, error, result)
            return
        progress.succeeded(name, preparation, result)

    data = [n for n in names if not n.lower().endswith((".qgs", ".qgz"))]
    projects = [n for n in names if n not in data]
    workers = max(1, min(client.concurrency, len(data) or 1))
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="qfc-upload") as pool:
        list(pool.map(upload_one, data))
    for name in projects:
        upload_one(name)
    if task.isCanceled():
        raise TransferCancelledError(
            "Upload cancelled after {done} of {total} files".format(done=len(result.uploaded), total=len(names))
        )
    return result


class _Progress:
    """Adds up per-file progress of parallel uploads into one task progress."""

    def __init__(self, task, files_total: int, bytes_total: int) -> None:
        self._task = task
        self._lock = threading.Lock()
        self._bytes = {}
        self.files_total = files_total
        self.bytes_total = bytes_total
        self.files_done = 0

    def for_file(self, name: str):
        def callback(progress: TransferProgress) -> None:
            with self._lock:
                self._bytes[name] = progress.file_bytes_done
                self._report(name, progress.file_bytes_done, progress.file_bytes_total)

        return callback

    def _report(self, name: str, file_done: int, file_total: int) -> None:
        self._task.progress_callback(TransferProgress(
            name, file_done, file_total, sum(self._bytes.values()), self.bytes_total, self.files_done, self.files_total,
        ))

    def succeeded(self, name: str, preparation: UploadPreparation, result: UploadResult) -> None:
        with self._lock:
            self.files_done += 1
            self._bytes[name] = preparation.sizes.get(name, 0)
            result.uploaded.append(name)
            result.synced_md5sums[name] = preparation.local_etags[name]
            self._report(name, self._bytes[name], self._bytes[name])

    def failed(self, name: str, error: BaseException, result: UploadResult) -> None:
        with self._lock:
            self.files_done += 1
            result.failed[name] = str(error)


def download_package(client: Client, task, project_id: str, local_dir: Path) -> List[Dict]:
    """Download the latest finished package into `local_dir`; raises on the first failed file."""
    return client.package_download(
        project_id, str(local_dir), throw_on_error=True,
        progress_callback=task.progress_callback, is_cancelled=task.isCanceled,
    )


def download_project(client: Client, task, project_id: str, local_dir: Path) -> List[Dict]:
    """Download the project's files into `local_dir`; per-file failures are in the returned dicts."""
    return client.download_project(
        project_id, str(local_dir), progress_callback=task.progress_callback, is_cancelled=task.isCanceled,
    )


def find_project_file(local_dir: Path, names: Optional[List[str]] = None) -> Optional[Path]:
    """The QGIS project file among `names` (or in `local_dir`), preferring the top level."""
    candidates = names if names is not None else [p.relative_to(local_dir).as_posix() for p in local_dir.rglob("*")]
    projects = sorted((n for n in candidates if n.lower().endswith((".qgs", ".qgz"))), key=lambda n: (n.count("/"), n))
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
