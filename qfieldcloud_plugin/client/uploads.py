"""Uploads: the one upload engine of the CLI, the plugin, Processing and Synchronize.

Files are streamed from disk (multipart.py), QGIS project files last, then verified by reading the
listing back: a file counts as uploaded once the server lists the same SHA-256.
"""

import functools
import logging
import os
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Sequence, cast

import requests

from .api_base import seg, wire_value
from .batch import mark_failed, run_batch
from .checksums import ChecksumCache
from .errors import (
    AuthenticationError,
    ChecksumMismatchError,
    FileChangedError,
    QfcException,
    QfcRequestException,
    TransferError,
)
from .files import FilesApi
from .hashing import calc_etag, calc_sha256, same_content
from .local_files import list_local_files
from .models import CancelCheck, FileTransferStatus, FileTransferType, PathLike, ProgressCallback
from .multipart import SMALL_BODY_BYTES, MultipartFileBody
from .names import check_remote_name, is_qgis_project, url_path
from .progress import ProgressTracker, StderrProgress

logger = logging.getLogger(__name__)


class UploadsApi(FilesApi):
    """Uploading files, and verifying what the server stored. Mixed into `Client`."""

    def upload_files(
        self,
        project_id: str,
        upload_type: FileTransferType,
        project_path: str,
        filter_glob: str = "*",
        throw_on_error: bool = False,
        show_progress: bool = False,
        force: bool = False,
        job_id: str = "",
        *,
        progress_callback: Optional[ProgressCallback] = None,
        is_cancelled: Optional[CancelCheck] = None,
        concurrency: Optional[int] = None,
        verify: bool = True,
        names: Optional[Sequence[str]] = None,
        still_as_planned: Optional[Callable[[str, Path, Optional[Dict[str, Any]]], Optional[str]]] = None,
    ) -> List[Dict[str, Any]]:
        """Upload the local files of `project_path` matching `filter_glob`; QGIS files go last.

        The one upload engine of the CLI, the plugin, Processing and Synchronize. Files listed
        in `.qfieldcloudignore` are left out; `names` (POSIX names in the folder) uploads
        exactly those instead. Files whose local etag equals the remote `md5sum` are skipped
        unless `force` (`skipped: True`). `still_as_planned(name, local path, server entry or
        None)`, asked just before each file is sent, re-checks a plan the user approved: a
        reason it returns fails that file unsent. QGIS project files are sent last, and not
        at all when a data file failed: the server's project job must see complete data.

        With `verify` (project uploads), each uploaded file is then checked against the
        server's listing (size and sha256 of exactly what was sent); a file the server stored
        wrongly is sent once more, then reported FAILED with ChecksumMismatchError. A verified
        file carries the server's entry for it in `remote`. Returns every local file dict with
        `status` (FileTransferStatus) and `error`. `throw_on_error` raises the first failure.
        A 401 stops the batch (the other files stay PENDING). Files that are not sent because
        of their name or a link out of the folder are listed last, FAILED with
        UnsafePathError (`refused`); the others still go. `progress_callback` and
        `is_cancelled()` are called from worker threads; a cancel raises TransferCancelledError.
        """
        upload_type = FileTransferType(wire_value(upload_type))
        local_files, refused = _files_to_upload(project_path, filter_glob, names)
        if upload_type == FileTransferType.PACKAGE:
            force = True
            verify = False  # package files are listed by the package job, not by files/
            _require_job(job_id)
        remote: Dict[str, Dict[str, Any]] = {}
        if (not force or still_as_planned is not None) and local_files:
            remote = {f["name"]: f for f in self.list_remote_files(project_id, skip_metadata=False)}
        for file in local_files:
            file["skipped"] = False
        tracker = ProgressTracker(
            progress_callback or (StderrProgress() if show_progress else None),
            len(local_files),
            sum(f["size"] for f in local_files),
        )
        with ChecksumCache(project_path) as checksums:  # saved on every way out

            def work(file: Dict[str, Any], report: Callable[[int, int], None], should_stop: CancelCheck) -> None:
                name, path = file["name"], Path(file["absolute_filename"])
                if still_as_planned is not None:
                    changed = still_as_planned(name, path, remote.get(name))
                    if changed:
                        raise TransferError(f'"{name}" {changed}; not sent')
                remote_etag = None if force else (remote.get(name) or {}).get("md5sum")
                if remote_etag and checksums.etag(name, path) == remote_etag:
                    file["skipped"] = True
                    return
                file["sha256"], file["size"] = self._upload_one(
                    project_id, upload_type, path, name, job_id, report, should_stop
                )

            # QGIS project files last, and not at all after a failed data file: the server's
            # project job must see complete data.
            data_files = [f for f in local_files if not is_qgis_project(f["name"])]
            project_files = [f for f in local_files if is_qgis_project(f["name"])]
            workers = self._workers(concurrency)
            for batch in (data_files, project_files):
                if batch is project_files and any(f["status"] == FileTransferStatus.FAILED for f in data_files):
                    for file in batch:
                        mark_failed(file, TransferError(f'"{file["name"]}" not sent: some data files failed to upload'))
                    break
                run_batch(
                    batch,
                    work,
                    tracker=tracker,
                    concurrency=workers,
                    is_cancelled=is_cancelled,
                    throw_on_error=throw_on_error,
                    on_interrupt=self.transport.abort_transfers,
                    overloads=self._overloads,
                    fitted=self._fitted(concurrency),
                )
                if verify:
                    self._verify_uploads(project_id, batch, throw_on_error, remote)
                if any(isinstance(f.get("error"), AuthenticationError) for f in batch):
                    break
        if throw_on_error and refused:
            raise refused[0]["error"]
        return local_files + refused

    def _upload_one(
        self,
        project_id: str,
        upload_type: FileTransferType,
        local_path: Path,
        remote_name: str,
        job_id: str,
        report: Optional[Callable[[int, int], None]],
        should_stop: Optional[CancelCheck],
    ) -> "tuple[Optional[str], int]":
        """POST one file (retried with the whole body on transient failures); SHA-256 and size of what was sent."""
        path = _upload_path(project_id, upload_type, job_id, remote_name)
        _response, body = self._send_file(path, local_path, remote_name, report, should_stop)
        return body.sent_sha256, body.size

    def _send_file(
        self,
        path: str,
        local_path: PathLike,
        remote_name: str,
        report: Optional[Callable[[int, int], None]],
        should_stop: Optional[CancelCheck],
        attempts: int = 3,
    ) -> "tuple[requests.Response, MultipartFileBody]":
        """POST a file as multipart; the answer and the body sent (`sent_sha256`, `size`: exactly what was sent).

        A file that changes while it is read is never stored torn (see MultipartFileBody): it
        is read and sent again from the start, `attempts` times in all, then FileChangedError.
        Retrying a POST is safe here: a duplicate is only one more version, and the caller
        verifies by reading the listing back. An HTML page instead of the JSON answer is retried too.
        """
        for attempt in range(attempts):
            body = MultipartFileBody(
                local_path, filename=os.path.basename(remote_name), on_progress=report, should_stop=should_stop
            )
            try:
                data: Any = body.to_bytes() if body.size <= SMALL_BODY_BYTES else body
                response, _payload = self.transport.request_decoded(
                    "POST",
                    path,
                    data=data,
                    headers={"Content-Type": body.content_type, "Accept": "application/json"},
                    retry=True,
                )
                return response, body
            except FileChangedError:
                if attempt == attempts - 1:
                    raise
                self.transport.stats.add("bytes_resent", body.size)
                logger.info('"%s" changed while it was being uploaded; sending it again', remote_name)
        raise AssertionError("unreachable")  # pragma: no cover, no mutate

    def _verify_uploads(
        self,
        project_id: str,
        files: List[Dict[str, Any]],
        throw_on_error: bool,
        known: Dict[str, Dict[str, Any]],
    ) -> None:
        """Read the listing back; send again what the server does not hold as sent, then give up.

        Each verified file gets the server's entry in `remote`; so does a skipped one, from `known`.
        """
        for file in files:
            if file.get("skipped") and file["name"] in known:
                file["remote"] = known[file["name"]]
        sent = [f for f in files if f.get("status") == FileTransferStatus.SUCCESS and not f.get("skipped")]
        wrong: List[Dict[str, Any]] = []
        listing: Dict[str, Dict[str, Any]] = {}
        for attempt in range(self.transport.max_retries + 2):
            if not sent:
                break
            try:
                listing = {f["name"]: f for f in self.list_remote_files(project_id, skip_metadata=False)}
            except QfcRequestException as exc:
                for file in sent:
                    mark_failed(file, QfcException(f'"{file["name"]}" was sent but could not be verified: {exc}'))
                if throw_on_error:
                    raise
                return
            wrong = []
            for file in sent:
                if _stored_as_sent(file, listing.get(file["name"])):
                    file["remote"] = listing[file["name"]]
                else:
                    wrong.append(file)
            if wrong and attempt == 0:
                # A listing can be wrong on its own (a proxy, a race): ask once more before re-sending.
                sent = wrong
                continue
            if not wrong or attempt > self.transport.max_retries:
                break
            self._send_again(project_id, wrong, throw_on_error)
            sent = [f for f in wrong if f.get("status") == FileTransferStatus.SUCCESS]
            wrong = sent
        _fail_not_stored_as_sent(wrong, listing, throw_on_error)

    def _send_again(self, project_id: str, files: List[Dict[str, Any]], throw_on_error: bool) -> None:
        """Upload project `files` once more, one after the other; a failure fails that file.
        (Only project uploads are verified: package files are listed by the package job.)"""
        for file in files:
            self.transport.stats.add("checksum_retries")
            self.transport.stats.add("bytes_resent", file["size"])
            try:
                file["sha256"], file["size"] = self._upload_one(
                    project_id, FileTransferType.PROJECT, Path(file["absolute_filename"]), file["name"], "", None, None
                )
            except (QfcException, OSError) as exc:
                mark_failed(file, exc)
                if throw_on_error:
                    raise

    def verify_upload(self, project_id: str, local_filename: PathLike, remote_filename: str) -> Dict[str, Any]:
        """Check that the server's latest `remote_filename` has the local file's size and sha256.

        Returns the server's file dict; raises ChecksumMismatchError if it differs or is missing.
        """
        local = {
            "size": os.path.getsize(local_filename),
            "sha256": calc_sha256(local_filename),
            "absolute_filename": os.fspath(local_filename),
        }
        for _attempt in range(2):
            remote = self._fresh_file_info(project_id, FileTransferType.PROJECT, remote_filename)
            if _stored_as_sent(local, remote):
                return cast(Dict[str, Any], remote)
        raise ChecksumMismatchError(
            f'"{remote_filename}" on the server does not match the local file '
            f"({local['size']} bytes, sha256 {local['sha256']})"
        )

    def upload_file(
        self,
        project_id: str,
        upload_type: FileTransferType,
        local_filename: PathLike,
        remote_filename: PathLike,
        show_progress: bool = False,
        job_id: str = "",
        *,
        progress_callback: Optional[ProgressCallback] = None,
        is_cancelled: Optional[CancelCheck] = None,
        verify: bool = False,
    ) -> requests.Response:
        """Upload one file, streamed from disk; `remote_filename` is its POSIX name in the project.

        With `verify`, the server's listing is read back afterwards (see `verify_upload`);
        a mismatch raises ChecksumMismatchError.
        """
        remote_name = Path(remote_filename).as_posix() if not isinstance(remote_filename, str) else remote_filename
        check_remote_name(remote_name)
        upload_type = FileTransferType(wire_value(upload_type))
        path = _upload_path(project_id, upload_type, job_id, remote_name)
        tracker = report = None
        if progress_callback or show_progress:
            tracker = ProgressTracker(progress_callback or StderrProgress(), 1, os.path.getsize(local_filename))
            report = functools.partial(tracker.update, remote_name)
        response, sent = self._send_file(path, local_filename, remote_name, report, is_cancelled)
        if verify and upload_type == FileTransferType.PROJECT:
            self.verify_upload(project_id, local_filename, remote_name)
        if tracker:
            tracker.finish(remote_name, sent.size)  # the file's line on stderr, or the last event
        return response


def _require_job(job_id: str) -> None:
    if not job_id:
        raise QfcException('When the upload type is "package", you must pass the "job_id" parameter.')


def _upload_path(project_id: str, upload_type: FileTransferType, job_id: str, remote_name: str) -> str:
    """Where a file is POSTed: among the project's files, or into the package that job `job_id` makes."""
    if upload_type == FileTransferType.PROJECT:
        return f"files/{seg(project_id)}/{url_path(remote_name)}/"
    _require_job(job_id)
    return f"packages/{seg(project_id)}/{seg(job_id)}/files/{url_path(remote_name)}/"


def _stored_as_sent(sent: Dict[str, Any], remote: Optional[Dict[str, Any]]) -> bool:
    """Whether the server's listing entry proves it holds what was sent (the one "same content" rule).

    A server that lists no SHA-256 (an older one, asked without metadata) is compared by ETag,
    computed from the local file. An entry with neither size nor checksum proves nothing.
    """
    if not remote or remote.get("size") is None:
        return False
    described = {"size": sent.get("size"), "sha256": sent.get("sha256")}
    if not remote.get("sha256") and remote.get("md5sum") and sent.get("absolute_filename"):
        described["md5sum"] = calc_etag(sent["absolute_filename"])
    return same_content(described, remote)


def _fail_not_stored_as_sent(
    files: List[Dict[str, Any]], listing: Dict[str, Dict[str, Any]], throw_on_error: bool
) -> None:
    """Fail each of `files` (sent, and SUCCESS so far) that is not listed as sent:
    ChecksumMismatchError naming both copies."""
    for file in files:
        entry = listing.get(file["name"])
        found = "is missing" if entry is None else f"holds {entry.get('size')} bytes, sha256 {entry.get('sha256')}"
        error = ChecksumMismatchError(
            f'"{file["name"]}" was not stored as sent ({file["size"]} bytes, sha256 {file.get("sha256")}): '
            f"the server's copy {found}"
        )
        mark_failed(file, error)
        if throw_on_error:
            raise error


def _files_to_upload(
    project_path: str, filter_glob: str, names: Optional[Sequence[str]]
) -> "tuple[List[Dict[str, Any]], List[Dict[str, Any]]]":
    """(the files to send, the files refused for their name), from the glob or from `names`."""
    refused: List[Dict[str, Any]] = []
    if names is None:
        local_files = list_local_files(project_path, filter_glob, refused=refused)
    else:
        local_files = _named_local_files(project_path, names, refused)
    for file in refused:
        logger.info("%s", file["error"])
    return local_files, refused


def _named_local_files(root: PathLike, names: Sequence[str], refused: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
    """The local file dicts of `names` in `root` (as `list_local_files` makes them), checked the same way."""
    # named files are sent even when .qfieldcloudignore lists them: the caller chose them
    listed = {f["name"]: f for f in list_local_files(root, ignore_file=None, refused=refused)}
    files = []
    for name in names:
        if name in listed:
            files.append(listed[name])
        elif not any(r["name"] == name for r in refused):
            refused.append(
                {
                    "name": name,
                    "status": FileTransferStatus.FAILED,
                    "refused": True,
                    "error": TransferError(f'Not uploaded: "{name}" is not a file in {root} any more'),
                }
            )
    files.sort(key=lambda f: is_qgis_project(f["name"]))
    return files
