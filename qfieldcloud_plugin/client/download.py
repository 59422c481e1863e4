"""Resumable, verified downloads: one file into a hidden temporary file next to its target,
hashed as it arrives, resumed with `Range` after a broken connection, checked, then moved
into place with `os.replace`.
"""

import logging
import os
import re
import tempfile
import time
from pathlib import Path
from typing import Any, Callable, Dict, Optional, Tuple

import requests

from .disk import WRITEBACK_STEP, can_write_behind, new_file_mode, write_behind
from .errors import ChecksumMismatchError, ConnectionFailedError, InvalidResponseError, TransferCancelledError
from .hashing import LARGE_FILE_SIZE, StreamHashes
from .models import CancelCheck
from .watchdog import TransferWatch, file_deadline

logger = logging.getLogger(__name__)

# Downloads read the socket in 1 MiB pieces: fewer Python-level iterations, writes and hash calls.
DOWNLOAD_CHUNK_SIZE = 1024 * 1024
TEMP_SUFFIX = ".qfcpart"


_CONTENT_RANGE = re.compile(r"^\s*bytes\s+(\d+)-(\d+)/(\d+|\*)\s*$")


class PartialDownload:
    """A download in progress: a hidden temporary file next to its target, hashed as it grows.

    `sha256` / `etag` say which checksums to compute; `expected_size` (if known) decides
    whether hashing runs on a helper thread (large files) or inline (small ones).
    """

    def __init__(self, target: Path, *, sha256: bool, etag: bool, expected_size: Optional[int]) -> None:
        self.target = target
        target.parent.mkdir(parents=True, exist_ok=True)
        # A short name of its own, never longer than the target's: a name near NAME_MAX must still work.
        fd, self.path = tempfile.mkstemp(prefix=".qfc-", suffix=TEMP_SUFFIX, dir=str(target.parent))
        self.file = os.fdopen(fd, "wb")
        self.size = 0
        large = expected_size is not None and expected_size >= LARGE_FILE_SIZE
        self._want = (sha256, etag, large)
        self.hashes = StreamHashes(*self._want)
        # Large files are written "drop-behind" (see _write_behind): each WRITEBACK_STEP is sent
        # to disk as soon as it is complete, and the step before it, by then on disk, leaves the
        # page cache.
        self._writeback = large and can_write_behind()
        self._written_back = 0
        self._previous_step: Optional[Tuple[int, int]] = None

    def write(self, chunk: bytes) -> None:
        self.file.write(chunk)
        self.hashes.update(chunk)
        self.size += len(chunk)
        if self._writeback and self.size - self._written_back >= WRITEBACK_STEP:
            self._write_behind()

    def _write_behind(self) -> None:
        """Hand the newest complete step to the disk (see disk.write_behind)."""
        self.file.flush()
        step = (self._written_back, self.size - self._written_back)
        write_behind(self.file.fileno(), step, self._previous_step)
        self._previous_step = step
        self._written_back = self.size

    def restart(self) -> None:
        self.hashes.finish()
        self.file.seek(0)
        self.file.truncate()
        self.size = 0
        self._written_back = 0
        self._previous_step = None
        self.hashes = StreamHashes(*self._want)

    def commit(self, durable: bool) -> None:
        """fsync (unless the caller syncs a whole batch later), keep the target's permissions,
        and move into place atomically."""
        self.file.flush()
        if durable:
            os.fsync(self.file.fileno())
        self.file.close()
        try:
            mode = os.stat(self.target).st_mode & 0o7777
        except FileNotFoundError:
            mode = new_file_mode()
        os.chmod(self.path, mode)
        os.replace(self.path, self.target)

    def discard(self) -> None:
        try:
            self.hashes.finish()
        except BaseException:  # pragma: no cover
            pass
        if not self.file.closed:
            self.file.close()
        try:
            os.unlink(self.path)
        except FileNotFoundError:
            pass


def _range_start(response: requests.Response) -> Tuple[Optional[int], Optional[int]]:
    """(first byte, total size) of a 206 answer's Content-Range; (None, None) if unusable."""
    match = _CONTENT_RANGE.match(response.headers.get("Content-Range", ""))
    if not match:
        return None, None
    total = None if match.group(3) == "*" else int(match.group(3))
    return int(match.group(1)), total


def fetch_resumable(
    fetch: Callable[[Dict[str, str]], requests.Response],
    target: Path,
    *,
    first_headers: Optional[Dict[str, str]] = None,
    expected_size: Optional[int] = None,
    expected_sha256: Optional[str] = None,
    expected_etag: Optional[str] = None,
    max_retries: int = 0,
    stats: Any = None,
    on_progress: Optional[Callable[[int, int], None]] = None,
    should_stop: Optional[CancelCheck] = None,
    display_name: str = "",
    backoff: Callable[[int], None] = lambda attempt: None,
    durable: bool = True,
    watch: Optional[TransferWatch] = None,
) -> Optional[requests.Response]:
    """Download to `target` atomically, resuming with `Range` after a broken connection.

    `fetch(headers)` sends the GET (the transport retries connection errors and 5xx). When
    the body stops early (reset, stall, a Content-Length shorter than `expected_size`) and
    `max_retries` allows, the next request asks `Range: bytes=<received>-` (with `If-Range`
    on the first answer's ETag) and appends a 206; any other answer starts over. Progress
    resets the count of failed attempts; `max_retries` attempts in a row without new bytes
    give up. The whole file is then checked against `expected_size`, `expected_sha256`,
    else `expected_etag`, and replaces `target` only if it matches. On any failure the
    temporary file is removed and `target` is untouched. Returns the last (closed) response,
    or None when the server answered 304 (the local file is current). With `durable` False,
    a file below LARGE_FILE_SIZE is not fsync'ed here: the caller syncs the batch (see
    `sync_files`) before anything depends on it. With `watch`, a body that stalls or drips
    below the minimum rate is cut and resumed like a broken connection (reported as a
    warning), and the file gives up at its total deadline (see `watchdog.py`).
    """
    name = display_name or target.name
    partial = PartialDownload(
        target,
        sha256=bool(expected_sha256),
        etag=bool(expected_etag and not expected_sha256),
        expected_size=expected_size,
    )
    validator: Optional[str] = None
    total = expected_size
    stalled = 0  # attempts in a row that brought no new byte
    attempts = 0
    max_attempts = 1 + 4 * max_retries
    last_url = ""
    deadline = time.monotonic() + file_deadline(expected_size)
    try:
        while True:
            attempts += 1
            response = fetch(_request_headers(partial.size, validator, first_headers if attempts == 1 else None))
            last_url = _strip_query(response.url)
            try:
                if response.status_code == 304:
                    if attempts > 1 or "If-None-Match" not in (first_headers or {}):
                        # "not modified" answers a question only the first request asked: a server
                        # that says it otherwise would leave a missing or partial file as current
                        raise InvalidResponseError(
                            f'The server answered "not modified" for "{name}" without being asked; '
                            "the local file was not changed",
                            status_code=304,
                            url=last_url,
                            method="GET",
                        )
                    partial.discard()
                    return None
                if partial.size:
                    _resume_or_restart(response, partial, total, stats)
                announced = _content_length(response)
                if response.status_code == 200 and total is None:
                    total = announced
                etag = response.headers.get("ETag", "")
                if validator is None and etag and not etag.startswith("W/"):
                    validator = etag
                before = partial.size
                if on_progress:
                    on_progress(partial.size, total or 0)
                received, broken = _receive(
                    response, partial, name, expected_size, total, on_progress, should_stop, watch, deadline
                )
            finally:
                response.close()
            short_answer = announced is not None and received < announced
            short_file = total is not None and partial.size < total
            if broken is None and not short_answer and not short_file:
                break
            if broken is None and not short_answer and response.status_code == 200 and announced is not None:
                # A whole answer that is shorter than listed: the file is not what the listing says,
                # and asking for the rest again and again would not change that.
                raise ChecksumMismatchError(
                    f'"{name}" has {partial.size} bytes on the server where its listing says {total}; '
                    "the local file was not changed"
                )
            stalled = 0 if partial.size > before else stalled + 1
            if stalled > max_retries or attempts >= max_attempts:
                got = f"{partial.size} of {total} bytes" if total is not None else f"{partial.size} bytes"
                why = f": {_reason(broken)}" if broken is not None else ""
                raise ConnectionFailedError(
                    f'The download of "{name}" was interrupted after {got}{why}',
                    url=last_url,
                    method="GET",
                ) from broken
            backoff(attempts - 1)
        _verify(partial, name, expected_size, expected_sha256, expected_etag)
        partial.commit(durable=durable or partial.size >= LARGE_FILE_SIZE)
        return response
    except BaseException:
        partial.discard()
        raise


def _receive(
    response: requests.Response,
    partial: PartialDownload,
    name: str,
    expected_size: Optional[int],
    total: Optional[int],
    on_progress: Optional[Callable[[int, int], None]],
    should_stop: Optional[CancelCheck],
    watch: Optional[TransferWatch],
    deadline: float,
) -> Tuple[int, Optional[BaseException]]:
    """Append the body of one answer to `partial`: (bytes received, why it broke off or None).

    A cut by the watchdog counts as a broken connection, unless everything was aborted
    (TransferCancelledError) or the file's deadline passed (ConnectionFailedError).
    """
    received = 0
    broken: Optional[BaseException] = None
    key = watch.watch(response, deadline) if watch is not None else None
    try:
        for chunk in response.iter_content(chunk_size=DOWNLOAD_CHUNK_SIZE):
            if should_stop and should_stop():
                raise TransferCancelledError(f'Download of "{name}" cancelled')
            partial.write(chunk)  # never empty: urllib3 yields only data it read
            received += len(chunk)
            if expected_size is not None and partial.size > expected_size:
                raise ChecksumMismatchError(
                    f'"{name}" is longer than the {expected_size} bytes the server listed; '
                    "the local file was not changed"
                )
            if on_progress:
                on_progress(partial.size, max(total or 0, partial.size))
            if watch is not None and key is not None:
                watch.progress(key)
    except requests.exceptions.RequestException as exc:
        broken = exc
    finally:
        cut = watch.release(key) if watch is not None and key is not None else None
    if cut is not None:
        if watch is not None and watch.aborted is not None:
            raise TransferCancelledError(f'Download of "{name}" {cut}')
        if time.monotonic() > deadline:
            raise ConnectionFailedError(
                f'Gave up on "{name}" after {partial.size} bytes: {cut}',
                url=_strip_query(response.url),
                method="GET",
            )
        logger.warning('Retrying "%s" after %s', name, cut)
        # the cut is why the read broke off, whatever error the shut socket raised
        broken = ConnectionFailedError(cut)
    return received, broken


def _reason(broken: BaseException) -> str:
    """Why an answer broke off, for the message: the watchdog's reason, else a broken connection
    (the transport's own text would name the URL, with its query)."""
    return broken.message if isinstance(broken, ConnectionFailedError) else "the connection broke"


def _request_headers(size: int, validator: Optional[str], first_headers: Optional[Dict[str, str]]) -> Dict[str, str]:
    """The headers of one attempt: the caller's on the first, a `Range` for the rest once bytes arrived."""
    headers: Dict[str, str] = dict(first_headers or {})
    if size:
        headers["Range"] = f"bytes={size}-"
        if validator:
            headers["If-Range"] = validator
    return headers


def _resume_or_restart(response: requests.Response, partial: PartialDownload, total: Optional[int], stats: Any) -> None:
    """Keep the bytes received when the answer continues exactly where they end, else start over."""
    start, range_total = _range_start(response) if response.status_code == 206 else (None, None)
    if start == partial.size and (total is None or range_total in (None, total)):
        if stats:
            stats.add("resumes")
        return
    if stats:
        stats.add("restarts")
        stats.add("bytes_refetched", partial.size)
    partial.restart()


def _verify(
    partial: PartialDownload,
    name: str,
    expected_size: Optional[int],
    expected_sha256: Optional[str],
    expected_etag: Optional[str],
) -> None:
    """ChecksumMismatchError unless the whole file has the listed size and SHA-256 (else ETag)."""
    if expected_size is not None and partial.size != expected_size:
        raise ChecksumMismatchError(
            f'"{name}" has {partial.size} bytes after download where the server listed {expected_size}; '
            "the local file was not changed"
        )
    if expected_sha256 and partial.hashes.sha256() != expected_sha256.lower():
        raise ChecksumMismatchError(
            f'"{name}" does not match the server\'s SHA-256 after download; the local file was not changed'
        )
    if not expected_sha256 and expected_etag and partial.hashes.etag() != expected_etag.strip('"').lower():
        raise ChecksumMismatchError(
            f'"{name}" does not match the server\'s checksum after download; the local file was not changed'
        )


def _content_length(response: requests.Response) -> Optional[int]:
    encoding = response.headers.get("Content-Encoding", "identity").strip().lower()
    value = response.headers.get("Content-Length")
    if encoding not in ("", "identity") or value is None:
        return None
    try:
        return int(value)
    except ValueError:
        return None


def _strip_query(url: Optional[str]) -> str:
    return (url or "").split("?", 1)[0]
