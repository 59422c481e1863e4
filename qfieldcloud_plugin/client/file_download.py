"""One file downloaded and verified, with a second try against a fresh listing on a mismatch."""

import functools
import logging
from pathlib import Path
from typing import Any, Callable, Dict, Optional

import requests

from .api_base import seg, wire_value
from .download import fetch_resumable
from .errors import ChecksumMismatchError, TransferCancelledError
from .files import FilesApi
from .hashing import calc_etag, listed_etag
from .models import CancelCheck, FileTransferType, PathLike, ProgressCallback
from .names import check_remote_name, url_path
from .progress import ProgressTracker, StderrProgress

logger = logging.getLogger(__name__)


class FileDownloadApi(FilesApi):
    """Downloading one file. Mixed into `Client`; the batch engine (downloads.py) uses it for each file."""

    def _download_one(
        self,
        project_id: str,
        download_type: FileTransferType,
        remote_name: str,
        write_to: Path,
        headers: Dict[str, str],
        remote: Dict[str, Any],
        report: Optional[Callable[[int, int], None]],
        should_stop: Optional[CancelCheck],
        verified: Optional[Dict[str, Any]] = None,
        durable: bool = True,
    ) -> Optional[requests.Response]:
        """GET one file into `write_to`, resumed and verified; a mismatch is fetched again.

        Before fetching again, the file's listing entry is read afresh: the one we had may
        have been wrong or out of date. Returns the last (closed) response, None for a 304.
        `verified` receives the checksums the written file was checked against (`etag`, `sha256`).
        `durable=False`: small files are not fsync'ed; the caller must `sync_files` them.
        """
        if download_type == FileTransferType.PROJECT:
            path = f"files/{seg(project_id)}/{url_path(remote_name)}/"
        else:
            path = f"packages/{seg(project_id)}/latest/files/{url_path(remote_name)}/"
        expected = dict(remote)
        transport = self.transport
        for attempt in range(transport.max_retries + 1):
            if should_stop and should_stop():
                raise TransferCancelledError(f'Download of "{remote_name}" cancelled')
            # what this attempt is checked against, and (verified) what the caller records
            size, sha256 = listed_size(expected), expected.get("sha256")
            etag = listed_etag(expected)
            if verified is not None:
                verified.clear()
                verified.update(etag=etag, sha256=sha256, size=size)
            try:
                return fetch_resumable(
                    lambda extra: transport.request("GET", path, headers=extra, stream=True),
                    write_to,
                    first_headers=headers,
                    expected_size=size,
                    expected_sha256=sha256,
                    expected_etag=etag,
                    max_retries=transport.max_retries,
                    stats=transport.stats,
                    on_progress=report,
                    should_stop=should_stop,
                    display_name=remote_name,
                    backoff=lambda n: transport.watch.sleep(transport.retry.backoff(n)),
                    durable=durable,
                    watch=transport.watch,
                )
            except ChecksumMismatchError:
                if attempt == transport.max_retries:
                    raise
                transport.stats.add("checksum_retries")
                transport.stats.add("bytes_refetched", size or 0)
                fresh = self._fresh_file_info(project_id, download_type, remote_name)
                if attempt >= 1 and (not fresh or _same_checks(fresh, expected)):
                    raise  # the same listing a second time: fetching again would only fail again
                if fresh:
                    expected = fresh
                headers = {}
        raise AssertionError("unreachable")  # pragma: no cover, no mutate

    def download_file(
        self,
        project_id: str,
        download_type: FileTransferType,
        local_filename: PathLike,
        remote_filename: PathLike,
        show_progress: bool = False,
        remote_etag: Optional[str] = None,
        *,
        remote_sha256: Optional[str] = None,
        remote_md5sum: Optional[str] = None,
        remote_size: Optional[int] = None,
        progress_callback: Optional[ProgressCallback] = None,
        is_cancelled: Optional[CancelCheck] = None,
    ) -> Optional[requests.Response]:
        """Download one file to `local_filename` atomically; None when it was already up to date.

        With `remote_etag`, a local file with that etag is kept without a request, and a
        differing one is sent as `If-None-Match` (a 304 keeps it). A broken connection is
        resumed with `Range`. The result is checked against `remote_size` and
        `remote_sha256`, else `remote_md5sum`/`remote_etag` (etag rule); on a mismatch the
        file is fetched again, then ChecksumMismatchError is raised. Returns the last
        (closed) response.
        """
        remote_name = Path(remote_filename).as_posix() if not isinstance(remote_filename, str) else remote_filename
        check_remote_name(remote_name)
        local_path = Path(local_filename)
        download_type = FileTransferType(wire_value(download_type))
        headers: Dict[str, str] = {}
        if remote_etag and local_path.is_file():
            local_etag = calc_etag(local_path)
            if local_etag == remote_etag:
                logger.info('Skipping "%s": the local file is up to date', remote_name)
                return None
            headers["If-None-Match"] = local_etag
        tracker = (
            ProgressTracker(progress_callback or StderrProgress(), 1, remote_size or 0)
            if progress_callback or show_progress
            else None
        )  # the batch size: 0 when unknown
        report = functools.partial(tracker.update, remote_name) if tracker else None
        if is_cancelled and is_cancelled():
            raise TransferCancelledError(f'Download of "{remote_name}" cancelled')
        remote = {"size": remote_size, "sha256": remote_sha256, "md5sum": remote_md5sum or remote_etag}
        response = self._download_one(
            project_id, download_type, remote_name, local_path, headers, remote, report, is_cancelled
        )
        if tracker:
            tracker.finish(remote_name, local_path.stat().st_size)  # the file's line on stderr, or the last event
        return response


def _same_checks(a: Dict[str, Any], b: Dict[str, Any]) -> bool:
    return all(a.get(key) == b.get(key) for key in ("size", "sha256", "md5sum"))


def listed_size(file: Dict[str, Any]) -> Optional[int]:
    """A listing entry's size as an int, or None when it is missing or not a whole number."""
    size = file.get("size")
    if isinstance(size, bool):
        return None
    if isinstance(size, int):
        return size if size >= 0 else None
    if isinstance(size, str) and size.isdigit():
        return int(size)
    return None
