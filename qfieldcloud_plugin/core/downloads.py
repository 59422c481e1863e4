"""Download a cloud project or its package into a folder: what would replace local work, the
download itself, and the sync base of what arrived verified.

Task bodies: `task` is a QgsTask, or anything with `isCanceled()` and `progress_callback` (Processing's feedback).
"""

from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional

from ..client import Client, TransferCancelledError, UnsafePathError
from ..client.checksums import ChecksumCache
from ..client.download_record import DownloadRecord, holds_local_work
from ..client.names import match_glob, safe_join

# the trash's place, for the GUI's question before a download (one rule, in client/staging.py)
from ..client.staging import trash_root as trash_root
from .project_link import mark_package_folder
from .sync import FileState
from .sync_state import SyncStateStore


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
    replaced = []
    with ChecksumCache(local_dir) as checksums:  # saved on every way out
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


def download_package(
    client: Client,
    task,
    project_id: str,
    local_dir: Path,
    filter_glob: str = "*",
    force_download: bool = False,
    throw_on_error: bool = True,
) -> DownloadResult:
    """Download the latest finished package into `local_dir`, marked as a package folder.

    With `throw_on_error` the first failed file raises; otherwise failures are in the result's files.
    """
    result = DownloadResult.of(
        client.package_download(
            project_id,
            str(local_dir),
            filter_glob=filter_glob,
            throw_on_error=throw_on_error,
            force_download=force_download,
            progress_callback=task.progress_callback,
            is_cancelled=task.isCanceled,
        )
    )
    mark_package_folder(Path(local_dir), project_id)
    return result


def download_project(
    client: Client, task, project_id: str, local_dir: Path, filter_glob: str = "*", force_download: bool = False
) -> DownloadResult:
    """Download the project's files into `local_dir`; per-file failures are in the result's files.

    Every file that is now here as the server has it becomes part of the sync base: a later
    upload of an edit to it is then no conflict, and Synchronize knows which side changed.
    """
    result = DownloadResult.of(
        client.download_project(
            project_id,
            str(local_dir),
            filter_glob=filter_glob,
            force_download=force_download,
            progress_callback=task.progress_callback,
            is_cancelled=task.isCanceled,
        )
    )
    record_in_sync_base(Path(local_dir), project_id, result.files)
    return result


def record_in_sync_base(folder: Path, project_id: str, files: List[Dict]) -> None:
    """File each transferred or already identical file of a client result in the folder's sync base."""
    arrived = {f["name"]: FileState.from_remote(f) for f in files if not f.get("error") and f.get("md5sum")}
    SyncStateStore(folder).update(project_id, arrived)
