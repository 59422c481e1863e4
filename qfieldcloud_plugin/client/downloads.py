"""Downloads: the one download engine of the CLI, the plugin, Processing and Synchronize.

Each file is checked for a safe name, downloaded and verified into staging (download.py),
then the whole batch is applied at once (staging.py); see docs/architecture.md.
"""

import logging
from pathlib import Path
from typing import Any, Callable, Dict, List, Mapping, Optional, Union

from .api_base import wire_value
from .batch import mark_failed, run_batch
from .checksums import ChecksumCache
from .disk import sync_files
from .download_record import DownloadRecord, holds_local_work
from .download_targets import NAME_ERRNOS, download_targets, refused_name
from .errors import NotAppliedError, QfcException, QfcRequestException, TransferError
from .file_download import FileDownloadApi, listed_size
from .hashing import listed_etag
from .models import CancelCheck, FileTransferStatus, FileTransferType, ProgressCallback
from .names import match_glob, validate_glob
from .progress import ProgressTracker, StderrProgress
from .staging import Staging, disk_full

logger = logging.getLogger(__name__)


class DownloadsApi(FileDownloadApi):
    """Downloading project and package files. Mixed into `Client`."""

    def download_project(
        self,
        project_id: str,
        local_dir: str,
        filter_glob: str = "*",
        throw_on_error: bool = False,
        show_progress: bool = False,
        force_download: bool = False,
        *,
        progress_callback: Optional[ProgressCallback] = None,
        is_cancelled: Optional[CancelCheck] = None,
        concurrency: Optional[int] = None,
        keep_local_versions: bool = True,
    ) -> List[Dict[str, Any]]:
        """Download the project's files matching `filter_glob` into `local_dir` (see download_files)."""
        validate_glob(filter_glob)
        files = self.list_remote_files(project_id, skip_metadata=False)
        return self.download_files(
            files,
            project_id,
            FileTransferType.PROJECT,
            local_dir,
            filter_glob,
            throw_on_error,
            show_progress,
            force_download,
            progress_callback=progress_callback,
            is_cancelled=is_cancelled,
            concurrency=concurrency,
            keep_local_versions=keep_local_versions,
        )

    def package_download(
        self,
        project_id: str,
        local_dir: str,
        filter_glob: str = "*",
        throw_on_error: bool = False,
        show_progress: bool = False,
        force_download: bool = False,
        *,
        progress_callback: Optional[ProgressCallback] = None,
        is_cancelled: Optional[CancelCheck] = None,
        concurrency: Optional[int] = None,
        keep_local_versions: bool = True,
    ) -> List[Dict[str, Any]]:
        """Download the latest package's files; raises QfcException unless it is `finished`."""
        validate_glob(filter_glob)
        try:
            package = self.package_latest(project_id)
        except QfcRequestException as exc:
            if exc.status_code != 400 or exc.code not in (None, "invalid_job"):
                raise
            raise QfcException(
                f'The project has no package yet. Trigger one with job_trigger("{project_id}", "package") '
                f"(CLI: job-trigger {project_id} package, then job-wait) and download it when it is finished"
            ) from None
        if package.get("status") != "finished":
            raise QfcException(
                f'The project has no finished package (status "{package.get("status")}"). '
                f'Trigger one with job_trigger("{project_id}", "package") and wait for it.'
            )
        return self.download_files(
            list(package.get("files") or []),
            project_id,
            FileTransferType.PACKAGE,
            local_dir,
            filter_glob,
            throw_on_error,
            show_progress,
            force_download,
            progress_callback=progress_callback,
            is_cancelled=is_cancelled,
            concurrency=concurrency,
            keep_local_versions=keep_local_versions,
        )

    def download_files(
        self,
        files: List[Dict[str, Any]],
        project_id: str,
        download_type: FileTransferType,
        local_dir: str,
        filter_glob: str = "*",
        throw_on_error: bool = False,
        show_progress: bool = False,
        force_download: bool = False,
        *,
        progress_callback: Optional[ProgressCallback] = None,
        is_cancelled: Optional[CancelCheck] = None,
        concurrency: Optional[int] = None,
        keep_local_versions: Union[bool, Callable[[str, Path], bool]] = True,
        still_as_planned: Optional[Callable[[str, Path], bool]] = None,
    ) -> List[Dict[str, Any]]:
        """Download the given remote file dicts that match `filter_glob` into `local_dir`.

        A name that cannot be written safely is refused before any request: one that would
        land outside `local_dir` or has control characters, one in the plugin's own
        `.qfieldcloud/` folder, and one where a local folder (or a file, for a name inside a
        folder) is in the way. That file is FAILED with UnsafePathError (`refused: True`);
        the others still download. A local file whose etag equals the remote `md5sum` is
        skipped unless `force_download` (`skipped: True`).

        The files are staged in `local_dir/.qfieldcloud/staging/`, each resumed with `Range`
        after a broken connection and verified against its sha256 (or etag) and size, and
        moved into `local_dir` only when every file arrived and verified, crash-safely (see
        `staging.py`). When some file failed, nothing in `local_dir` changes: the others are
        reported FAILED with NotAppliedError, and their verified staged copies are reused by
        the next call. A replaced local file that differs from what was last downloaded is
        kept in `.qfieldcloud/trash/<time>/` (its path in `kept_local_version`), unless
        `keep_local_versions` is False; a callable `(name, local path) -> bool` decides instead.
        `still_as_planned(name, local path)`, asked just before the files move, re-checks a
        plan the user approved: a file for which it is False is left as it is and reported
        FAILED ("changed since the plan was shown"), the others are applied. `verified` says
        whether a checksum or size proved the content. Returns the matched dicts with `status`
        and `error`; `throw_on_error` raises the first failure. A 401 stops the batch.
        """
        download_type = FileTransferType(wire_value(download_type))
        pattern = validate_glob(filter_glob)
        selected = [f for f in files if isinstance(f, dict) and match_glob(str(f.get("name", "")), pattern)]
        for file in selected:
            file.update(status=FileTransferStatus.PENDING, error=None, skipped=False, verified=False)
        # Leaving the block saves the checksums and cleans the staging area, whatever the way out.
        with ChecksumCache(local_dir) as checksums, Staging(local_dir) as staging:
            targets = download_targets(selected, local_dir)
            batch = [f for f in selected if id(f) in targets]
            verified: Dict[int, Dict[str, Any]] = {}

            def work(file: Dict[str, Any], report: Callable[[int, int], None], should_stop: CancelCheck) -> None:
                staged = staging.path_for(file["name"])
                verified[id(file)] = self._stage_one(
                    project_id, download_type, file, targets[id(file)], staged, staging, checksums, force_download,
                    report, should_stop,
                )  # fmt: skip

            run_batch(
                batch,
                work,
                tracker=ProgressTracker(
                    progress_callback or (StderrProgress() if show_progress else None),
                    len(batch),
                    sum(listed_size(f) or 0 for f in batch),
                ),
                concurrency=self._workers(concurrency),
                is_cancelled=is_cancelled,
                throw_on_error=throw_on_error,
                on_interrupt=self.transport.abort_transfers,
                overloads=self._overloads,
                fitted=self._fitted(concurrency),
            )
            failed = [f for f in batch if f["status"] != FileTransferStatus.SUCCESS and not f.get("refused")]
            to_apply = [f for f in batch if f.get("staged") is not None and f["status"] == FileTransferStatus.SUCCESS]
            if failed:
                _fail_not_applied(to_apply, failed)
                # A full disk must not stay full with staged copies; other failures keep them for the next call.
                staging.keep_for_next = not any(disk_full(f.get("error")) for f in failed)
            else:
                if still_as_planned is not None:
                    to_apply = _still_as_planned(to_apply, targets, still_as_planned)
                error = self._apply(staging, to_apply, targets, batch, verified, checksums, keep_local_versions)
                if error is not None:
                    if throw_on_error:
                        raise error
                    return selected
        self._raise_first_refusal(selected, throw_on_error)
        return selected

    def _stage_one(
        self,
        project_id: str,
        download_type: FileTransferType,
        file: Dict[str, Any],
        target: Path,
        staged: Path,
        staging: Staging,
        checksums: ChecksumCache,
        force_download: bool,
        report: Callable[[int, int], None],
        should_stop: CancelCheck,
    ) -> Dict[str, Any]:
        """Bring one file of a batch into staging, unless the local copy or a staged one is already
        it; marks it `skipped`, `staged` and `verified`. The checksums it was verified against."""
        checks: Dict[str, Any] = {}
        try:
            current, headers = _local_copy(file, target, checksums, force_download)
            if current:
                file["skipped"] = file["verified"] = True
                return checks
            if staging.reusable(staged, file):
                file["staged"], file["verified"] = staged, True
                return checks
            response = self._download_one(
                project_id,
                download_type,
                file["name"],
                staged,
                headers,
                file,
                report,
                should_stop,
                verified=checks,
                durable=False,
            )
        except OSError as exc:
            if exc.errno not in NAME_ERRNOS:
                raise
            # the whole path, not a part of it, is more than this file system holds (PATH_MAX)
            raise refused_name(file, exc) from None
        if response is None:
            # 304: the local file is the server's version, whatever the (older) listing said
            file["skipped"] = file["verified"] = True
            return {"etag": headers["If-None-Match"], "size": target.stat().st_size}
        file["staged"] = staged
        file["verified"] = bool(checks.get("etag") or checks.get("sha256") or checks.get("size") is not None)
        return checks

    @staticmethod
    def _apply(
        staging: Staging,
        to_apply: List[Dict[str, Any]],
        targets: Dict[int, Path],
        batch: List[Dict[str, Any]],
        verified: Dict[int, Dict[str, Any]],
        checksums: ChecksumCache,
        keep_local_versions: Union[bool, Callable[[str, Path], bool]],
    ) -> Optional[TransferError]:
        """Move the staged files into place all at once and record what arrived; the error (each file
        FAILED with it) when the move failed and nothing changed."""
        record = DownloadRecord(staging.root)
        try:
            # Staged files were not fsync'ed one by one (see sync_files); one sync covers them all.
            sync_files(staging.dir, [f["staged"] for f in to_apply])
            kept = staging.apply(
                [(f["name"], f["staged"], targets[id(f)]) for f in to_apply],
                keep=_keep_rule(keep_local_versions, record, checksums),
            )
        except TransferError as exc:
            for file in to_apply:
                mark_failed(file, exc)
            staging.keep_for_next = not disk_full(exc)
            return exc
        record.update(_arrived(batch, verified, kept, targets, checksums))
        return None

    @staticmethod
    def _raise_first_refusal(files: List[Dict[str, Any]], throw_on_error: bool) -> None:
        refused = next((f for f in files if f.get("refused")), None)
        if throw_on_error and refused is not None:
            raise refused["error"]


def _local_copy(
    file: Dict[str, Any], target: Path, checksums: ChecksumCache, force_download: bool
) -> "tuple[bool, Dict[str, str]]":
    """(True when the local file already is the listed one, else the headers of the GET: an
    `If-None-Match` on the local file's ETag, so that a server behind nginx can answer 304)."""
    remote_etag = None if force_download else listed_etag(file)
    if not remote_etag or not target.is_file():
        return False, {}
    local_etag = checksums.etag(file["name"], target)
    if local_etag == remote_etag:
        return True, {}
    return False, {"If-None-Match": local_etag}


def _keep_rule(
    keep_local_versions: Any, record: DownloadRecord, checksums: ChecksumCache
) -> Callable[[str, Path], bool]:
    """Which replaced local files go to the trash: the caller's rule, or (True) each one that holds
    local work, that is differs from what was last downloaded here; False keeps none."""
    if callable(keep_local_versions):
        return keep_local_versions
    if not keep_local_versions:
        return lambda name, path: False
    previous = record.load()
    return lambda name, path: holds_local_work(name, path, previous, checksums)


def _fail_not_applied(to_apply: List[Dict[str, Any]], failed: List[Dict[str, Any]]) -> None:
    """Fail the files that arrived, because others did not: a download applies all or nothing."""
    first = next((f for f in failed if f.get("error") is not None), failed[0])
    for file in to_apply:
        mark_failed(
            file,
            NotAppliedError(
                f'"{file["name"]}" was downloaded but not applied: {len(failed)} other file(s) failed, '
                f'first "{first["name"]}"'
            ),
        )


def _still_as_planned(
    to_apply: List[Dict[str, Any]], targets: Dict[int, Path], still_as_planned: Callable[[str, Path], bool]
) -> List[Dict[str, Any]]:
    """The files whose local copy is still as the approved plan saw it; the others fail, untouched."""
    changed = [f for f in to_apply if not still_as_planned(f["name"], targets[id(f)])]
    for file in changed:
        mark_failed(
            file, TransferError(f'"{file["name"]}" changed here since the plan was shown; it was left as it is')
        )
    return [f for f in to_apply if f["status"] == FileTransferStatus.SUCCESS]


def _arrived(
    batch: List[Dict[str, Any]],
    verified: Dict[int, Dict[str, Any]],
    kept: Mapping[str, Path],
    targets: Dict[int, Path],
    checksums: ChecksumCache,
) -> Dict[str, Dict[str, Any]]:
    """What now sits in the folder after an apply (for the download record), each file's checksums
    filed in the cache and the trash copy of its local version named in `kept_local_version`."""
    now_here: Dict[str, Dict[str, Any]] = {}
    for file in batch:
        if file["status"] != FileTransferStatus.SUCCESS:
            continue
        # the checks it was verified against: after a mismatch, those of a fresher listing; a file
        # that was already current is the listed one (the record keeps its size and MD5 only)
        checks = verified.get(id(file)) or {"etag": listed_etag(file)}
        now_here[file["name"]] = {"size": listed_size(file), **checks}
        if file["name"] in kept:
            file["kept_local_version"] = str(kept[file["name"]])
        if file.get("staged") is not None and checks.get("etag"):
            # Verified against this MD5 when it arrived; recorded now, after the move. (The cache
            # keeps MD5s only: a file verified by SHA-256 alone is hashed when next compared.)
            checksums.record(file["name"], targets[id(file)], checks["etag"])
        file.pop("staged", None)
    return now_here
