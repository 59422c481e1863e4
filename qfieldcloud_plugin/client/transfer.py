"""File transfers: local listing, globs, path safety, etags, streaming bodies, atomic writes.

Uploads stream a multipart body straight from disk with an exact Content-Length, so
memory stays flat whatever the file size. Downloads go to a temporary file in the target
folder, are hashed while written, checked, then moved into place with `os.replace`.
Batches run on a thread pool over the shared session; `progress_callback` and
`is_cancelled` are called from those worker threads.
"""

import ctypes
import hashlib
import logging
import os
import queue
import re
import sys
import tempfile
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Callable, Dict, Iterator, List, Optional, Sequence, Tuple, Union

import requests

from .checksums import stat_stamp
from .errors import (
    AuthenticationError,
    ChecksumMismatchError,
    ConnectionFailedError,
    FileChangedError,
    QfcException,
    TransferCancelledError,
    TransferError,
    UnsafePathError,
)
from .ignore import IGNORE_FILE, is_ignored_by, load_ignore_rules
from .hashing import EtagHasher
from .models import FileTransferStatus, TransferProgress
from .names import is_ignored, is_qgis_project, match_glob, validate_glob
from .watchdog import TransferWatch, file_deadline

logger = logging.getLogger(__name__)

# Larger upload bodies are streamed from disk in pieces of this size (one send() each).
UPLOAD_CHUNK_SIZE = 1024 * 1024
# Upload bodies up to this size are built in memory and sent in one piece.
SMALL_BODY_BYTES = 256 * 1024
# Downloads read the socket in 1 MiB pieces: fewer Python-level iterations, writes and hash calls.
DOWNLOAD_CHUNK_SIZE = 1024 * 1024
# Files at least this large are hashed on a helper thread (hashlib releases the GIL), so hashing
# overlaps with receiving and writing, and are fsync'ed on their own when complete.
LARGE_FILE_SIZE = 8 * 1024 * 1024
TEMP_SUFFIX = ".qfcpart"

ProgressCallback = Callable[[TransferProgress], None]
CancelCheck = Callable[[], bool]
PathLike = Union[str, "os.PathLike[str]"]

# Read once at import time: os.umask() can only be read by setting it, which is not thread-safe.
_UMASK = os.umask(0o022)
os.umask(_UMASK)


class _Hashes:
    """The checksums a download is verified against, computed as the bytes are written.

    Only what will be compared is computed (SHA-256 when the server listed one, else the
    ETag). With `threaded`, hashing runs on a helper thread fed through a bounded queue
    (at most `QUEUE_CHUNKS` chunks in flight, so memory stays flat).
    """

    QUEUE_CHUNKS = 8

    def __init__(self, sha256: bool, etag: bool, threaded: bool) -> None:
        self._sha = hashlib.sha256() if sha256 else None
        self._etag = EtagHasher() if etag else None
        self._queue: "Optional[queue.Queue[Optional[bytes]]]" = None
        self._thread: Optional[threading.Thread] = None
        self._error: Optional[BaseException] = None
        if threaded and (sha256 or etag):
            self._queue = queue.Queue(maxsize=self.QUEUE_CHUNKS)
            self._thread = threading.Thread(target=self._run, args=(self._queue,), name="qfc-hash", daemon=True)
            self._thread.start()

    def _hash(self, data: bytes) -> None:
        if self._sha is not None:
            self._sha.update(data)
        if self._etag is not None:
            self._etag.update(data)

    def _run(self, chunks: "queue.Queue[Optional[bytes]]") -> None:
        while True:
            data = chunks.get()
            if data is None:
                return
            if self._error is None:
                try:
                    self._hash(data)
                except BaseException as exc:  # pragma: no cover - hashlib does not fail on bytes
                    self._error = exc

    def update(self, data: bytes) -> None:
        if self._queue is not None:
            self._queue.put(data)
        else:
            self._hash(data)

    def finish(self) -> None:
        """Wait for the helper thread (if any) to hash everything queued."""
        if self._thread is not None and self._queue is not None:
            self._queue.put(None)
            self._thread.join()
            self._thread = None
            if self._error is not None:
                raise self._error

    def sha256(self) -> Optional[str]:
        self.finish()
        return self._sha.hexdigest() if self._sha is not None else None

    def etag(self) -> Optional[str]:
        self.finish()
        return self._etag.hexdigest() if self._etag is not None else None


def list_local_files(
    root_path: PathLike, filter_glob: Optional[str] = "*", ignore_file: Optional[str] = IGNORE_FILE,
    refused: Optional[List[Dict[str, Any]]] = None,
) -> List[Dict[str, Any]]:
    """Files under `root_path` matching the glob, POSIX names, QGIS project files last.

    Hidden and backup paths are skipped, and so is whatever `root_path/<ignore_file>`
    (`.qfieldcloudignore`, gitignore syntax) ignores; `ignore_file=None` reads no file.
    Never listed, but appended to `refused` (name, FAILED, UnsafePathError) when given: a
    symlink that points outside the folder (its target is not the project's to upload; a
    symlink to a file inside goes up as that file's content), and a name that is not valid
    UTF-8 (the server could not store it).
    """
    pattern = validate_glob(filter_glob)
    root = Path(root_path)
    if not root.is_dir():
        raise QfcException(f'Local folder "{root}" does not exist or is not a folder')
    real_root = os.path.realpath(root)
    rules = (load_ignore_rules(root, ignore_file) if ignore_file else None) or []
    files: List[Dict[str, Any]] = []

    def refuse(name: str, why: str) -> None:
        if refused is not None:
            shown = name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
            refused.append({"name": shown, "status": FileTransferStatus.FAILED, "refused": True,
                            "error": UnsafePathError(f'Not uploaded: "{shown}" {why}')})

    def outside(path: str) -> bool:
        target = os.path.realpath(path)
        return os.path.commonpath([real_root, target]) != real_root

    for dirpath, dirnames, filenames in os.walk(root):
        rel_dir = Path(dirpath).relative_to(root).as_posix()
        prefix = "" if rel_dir == "." else rel_dir + "/"
        kept_dirs = []
        for d in sorted(dirnames):
            if d.startswith(".") or d.endswith("~") or (rules and is_ignored_by(rules, prefix + d, is_dir=True)):
                continue
            if os.path.islink(os.path.join(dirpath, d)) and outside(os.path.join(dirpath, d)):
                refuse(prefix + d, "is a link to a folder outside the project folder")
                continue
            kept_dirs.append(d)
        dirnames[:] = kept_dirs
        for filename in sorted(filenames):
            name = prefix + filename
            absolute = os.path.join(dirpath, filename)
            if is_ignored(name) or not match_glob(name, pattern) or (rules and is_ignored_by(rules, name)):
                continue
            if not _valid_utf8(name):
                refuse(name, "has a name that is not valid UTF-8; rename it to upload it")
                continue
            if os.path.islink(absolute) and outside(absolute):
                refuse(name, "is a link to a file outside the project folder")
                continue
            if not os.path.isfile(absolute):
                continue
            files.append({
                "name": name,
                "absolute_filename": absolute,
                "size": os.path.getsize(absolute),
                "status": FileTransferStatus.PENDING,
                "error": None,
            })
    files.sort(key=lambda f: is_qgis_project(f["name"]))
    return files


def _valid_utf8(name: str) -> bool:
    """False for a name with bytes that are not UTF-8 (os.walk gives them as lone surrogates)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


class MultipartFileBody:
    """A multipart/form-data body with one file part, streamed from disk.

    It has an exact `len()` so requests sends a Content-Length and never buffers it, and
    each iteration re-opens the file, so a retried request sends the whole body again.
    """

    def __init__(
        self,
        path: PathLike,
        field_name: str = "file",
        filename: Optional[str] = None,
        content_type: str = "application/octet-stream",
        on_progress: Optional[Callable[[int, int], None]] = None,
        should_stop: Optional[CancelCheck] = None,
        chunk_size: int = UPLOAD_CHUNK_SIZE,
    ) -> None:
        self.path = os.fspath(path)
        # The file as it was when the upload was decided; a change while it is sent tears the copy.
        self._stamp = stat_stamp(os.stat(self.path))
        self.size = self._stamp[0]
        self.on_progress = on_progress
        self.should_stop = should_stop
        self.chunk_size = chunk_size
        boundary = uuid.uuid4().hex
        self.content_type = f"multipart/form-data; boundary={boundary}"
        shown = (filename or os.path.basename(self.path)).replace('"', "%22").replace("\r", "").replace("\n", "")
        self._preamble = (
            f"--{boundary}\r\n"
            f'Content-Disposition: form-data; name="{field_name}"; filename="{shown}"\r\n'
            f"Content-Type: {content_type}\r\n\r\n"
        ).encode("utf-8")
        self._epilogue = f"\r\n--{boundary}--\r\n".encode("ascii")
        # SHA-256 of the file bytes of the last complete send, to compare with the server's listing.
        self.sent_sha256: Optional[str] = None

    def __len__(self) -> int:
        return len(self._preamble) + self.size + len(self._epilogue)

    def to_bytes(self) -> bytes:
        """The whole body in memory, for small files (see SMALL_BODY_BYTES): http.client then
        sends headers and body in one write, where an iterated body costs one send per piece."""
        if self.should_stop and self.should_stop():
            raise TransferCancelledError("Upload cancelled")
        if self.on_progress:
            self.on_progress(0, self.size)
        try:
            with open(self.path, "rb") as f:
                data = f.read(self.size)
        except OSError as exc:
            raise TransferError(f'Could not read "{self.path}": {exc.strerror or exc}') from None
        self._check_unchanged()
        self.sent_sha256 = hashlib.sha256(data).hexdigest()
        if self.on_progress:
            self.on_progress(self.size, self.size)
        return self._preamble + data + self._epilogue

    def __iter__(self) -> Iterator[bytes]:
        yield self._preamble
        done = 0
        # Large files are hashed on a helper thread while the previous chunk is being sent.
        hashes = _Hashes(sha256=True, etag=False, threaded=self.size >= LARGE_FILE_SIZE)
        if self.on_progress:
            self.on_progress(0, self.size)
        try:
            try:
                f = open(self.path, "rb")
            except OSError as exc:
                raise TransferError(f'Could not read "{self.path}": {exc.strerror or exc}') from None
            with f:
                while done < self.size:
                    if self.should_stop and self.should_stop():
                        raise TransferCancelledError("Upload cancelled")
                    chunk = f.read(min(self.chunk_size, self.size - done))
                    if not chunk:
                        break  # shorter now: _check_unchanged says so, before the body is complete
                    done += len(chunk)
                    hashes.update(chunk)
                    yield chunk
                    if self.on_progress:
                        self.on_progress(done, self.size)
            # Checked before the last bytes go out: a torn body is never complete, so never stored.
            self._check_unchanged()
            self.sent_sha256 = hashes.sha256()
        finally:
            hashes.finish()  # also when the send is abandoned: no helper thread is left waiting
        yield self._epilogue

    def _check_unchanged(self) -> None:
        """FileChangedError when the file was modified, appended to or truncated since the body was made."""
        try:
            now = stat_stamp(os.stat(self.path))
        except OSError:
            now = None
        if now != self._stamp:
            raise FileChangedError(f'"{os.path.basename(self.path)}" changed while it was being uploaded; '
                                   "what was read was not stored")


_CONTENT_RANGE = re.compile(r"^\s*bytes\s+(\d+)-(\d+)/(\d+|\*)\s*$")


class PartialDownload:
    """A download in progress: a hidden temporary file next to its target, hashed as it grows.

    `sha256` / `etag` say which checksums to compute; `expected_size` (if known) decides
    whether hashing runs on a helper thread (large files) or inline (small ones).
    """

    def __init__(self, target: Path, *, sha256: bool = True, etag: bool = True,
                 expected_size: Optional[int] = None) -> None:
        self.target = target
        target.parent.mkdir(parents=True, exist_ok=True)
        # A short name of its own, never longer than the target's: a name near NAME_MAX must still work.
        fd, self.path = tempfile.mkstemp(prefix=".qfc-", suffix=TEMP_SUFFIX, dir=str(target.parent))
        self.file = os.fdopen(fd, "wb")
        self.size = 0
        large = expected_size is not None and expected_size >= LARGE_FILE_SIZE
        self._want = (sha256, etag, large)
        self.hashes = _Hashes(*self._want)
        # Large files are written "drop-behind" (see _write_behind): each WRITEBACK_STEP is sent
        # to disk as soon as it is complete, and the step before it, by then on disk, leaves the
        # page cache.
        self._writeback = large and _SYNC_FILE_RANGE is not None
        self._written_back = 0
        self._previous_step: Optional[Tuple[int, int]] = None

    def write(self, chunk: bytes) -> None:
        self.file.write(chunk)
        self.hashes.update(chunk)
        self.size += len(chunk)
        if self._writeback and self.size - self._written_back >= WRITEBACK_STEP:
            self._write_behind()

    def _write_behind(self) -> None:
        """Start writing the newest complete step to disk; wait for the one before and drop it
        from the page cache.

        Why: left to itself the kernel keeps a whole 1 GiB download dirty in memory, throttles
        the writer once too much is dirty, and the final fsync then waits for all of it (~0.4 s
        per GiB here). Writing behind keeps at most two steps in flight, makes the fsync at the
        end nearly free, recycles the same pages instead of filling memory (which on this
        machine's VM made writing 2-5 times slower), and does not evict the rest of the
        system's cache for a file nobody reads right away. The data is never read back from
        the cache: it is hashed from the received chunks.
        """
        fd = self.file.fileno()
        self.file.flush()
        step = (self._written_back, self.size - self._written_back)
        _SYNC_FILE_RANGE(fd, step[0], step[1], _SYNC_FILE_RANGE_WRITE)
        if self._previous_step is not None:
            _SYNC_FILE_RANGE(fd, self._previous_step[0], self._previous_step[1], _SYNC_FILE_RANGE_WAIT_ALL)
            os.posix_fadvise(fd, self._previous_step[0], self._previous_step[1], os.POSIX_FADV_DONTNEED)
        self._previous_step = step
        self._written_back = self.size

    def restart(self) -> None:
        self.hashes.finish()
        self.file.seek(0)
        self.file.truncate()
        self.size = 0
        self._written_back = 0
        self._previous_step = None
        self.hashes = _Hashes(*self._want)

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
            mode = 0o666 & ~_UMASK
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
    partial = PartialDownload(target, sha256=bool(expected_sha256), etag=bool(expected_etag and not expected_sha256),
                              expected_size=expected_size)
    validator: Optional[str] = None
    total = expected_size
    stalled = 0          # attempts in a row that brought no new byte
    attempts = 0
    max_attempts = 1 + 4 * max_retries
    last_url = ""
    deadline = time.monotonic() + file_deadline(expected_size)
    try:
        while True:
            attempts += 1
            headers: Dict[str, str] = dict(first_headers or {}) if attempts == 1 else {}
            if partial.size:
                headers["Range"] = f"bytes={partial.size}-"
                if validator:
                    headers["If-Range"] = validator
            response = fetch(headers)
            last_url = _strip_query(response.url)
            try:
                if response.status_code == 304:
                    partial.discard()
                    return None
                if partial.size:
                    start, range_total = _range_start(response) if response.status_code == 206 else (None, None)
                    if start == partial.size and (total is None or range_total in (None, total)):
                        if stats:
                            stats.add("resumes")
                    else:
                        if stats:
                            stats.add("restarts")
                            stats.add("bytes_refetched", partial.size)
                        partial.restart()
                announced = _content_length(response)
                if response.status_code == 200 and total is None:
                    total = announced
                etag = response.headers.get("ETag", "")
                if validator is None and etag and not etag.startswith("W/"):
                    validator = etag
                before = partial.size
                received = 0
                broken: Optional[BaseException] = None
                if on_progress:
                    on_progress(partial.size, total or 0)
                key = watch.watch(response, deadline) if watch is not None else None
                try:
                    for chunk in response.iter_content(chunk_size=DOWNLOAD_CHUNK_SIZE):
                        if should_stop and should_stop():
                            raise TransferCancelledError(f'Download of "{name}" cancelled')
                        if not chunk:
                            continue
                        partial.write(chunk)
                        received += len(chunk)
                        if expected_size is not None and partial.size > expected_size:
                            raise ChecksumMismatchError(
                                f'"{name}" is longer than the {expected_size} bytes the server listed; '
                                "the local file was not changed")
                        if on_progress:
                            on_progress(partial.size, max(total or 0, partial.size))
                        if key is not None:
                            watch.progress(key)  # type: ignore[union-attr]
                except requests.exceptions.RequestException as exc:
                    broken = exc
                finally:
                    cut = watch.release(key) if key is not None else None  # type: ignore[union-attr]
                if cut is not None:
                    if watch is not None and watch.aborted is not None:
                        raise TransferCancelledError(f'Download of "{name}" {cut}')
                    if time.monotonic() > deadline:
                        raise ConnectionFailedError(
                            f'Gave up on "{name}" after {partial.size} bytes: {cut}', url=last_url, method="GET")
                    logger.warning('Retrying "%s" after %s', name, cut)
                    broken = broken or ConnectionFailedError(cut)
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
                    "the local file was not changed")
            stalled = 0 if partial.size > before else stalled + 1
            if stalled > max_retries or attempts >= max_attempts:
                got = f"{partial.size} of {total} bytes" if total is not None else f"{partial.size} bytes"
                why = ": the connection broke" if broken is not None else ""
                raise ConnectionFailedError(
                    f'The download of "{name}" was interrupted after {got}{why}', url=last_url, method="GET",
                ) from broken
            backoff(attempts - 1)
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
        partial.commit(durable=durable or partial.size >= LARGE_FILE_SIZE)
        return response
    except BaseException:
        partial.discard()
        raise


def _syncfs() -> Optional[Callable[[int], int]]:
    """Linux's syncfs(2) through ctypes, or None where it is not available."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        function = libc.syncfs
    except (OSError, AttributeError):
        return None
    function.argtypes = [ctypes.c_int]
    function.restype = ctypes.c_int
    return function


_SYNCFS = _syncfs()

WRITEBACK_STEP = 32 * 1024 * 1024
_SYNC_FILE_RANGE_WRITE = 2  # SYNC_FILE_RANGE_WRITE: start writing, do not wait
_SYNC_FILE_RANGE_WAIT_ALL = 1 | 2 | 4  # WAIT_BEFORE | WRITE | WAIT_AFTER: on disk when it returns


def _sync_file_range() -> Optional[Callable[[int, int, int, int], int]]:
    """Linux's sync_file_range(2) through ctypes, or None where it is not available."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        function = ctypes.CDLL(None, use_errno=True).sync_file_range
    except (OSError, AttributeError):
        return None
    function.argtypes = [ctypes.c_int, ctypes.c_int64, ctypes.c_int64, ctypes.c_uint]
    function.restype = ctypes.c_int
    return function


_SYNC_FILE_RANGE = _sync_file_range()



def sync_files(folder: PathLike, paths: Sequence[PathLike]) -> None:
    """Make the written `paths` (all under `folder`) durable before they are moved into place.

    Why not one fsync per file: each fsync of a small file forces its own journal commit,
    which cost a fifth of a many-small-files download. One syncfs(2) of the folder's file
    system writes back every dirty page and commits the journal once: the same guarantee
    (the staged data is on disk before the renames that expose it) for one wait. Large files
    are already fsync'ed on their own as they complete, in parallel with other transfers,
    so syncfs finds little left to write. Where syncfs is missing (or fails), each file is
    fsync'ed as before.
    """
    if not paths:
        return
    if _SYNCFS is not None:
        try:
            fd = os.open(os.fspath(folder), os.O_RDONLY)
        except OSError:
            fd = -1
        if fd >= 0:
            try:
                if _SYNCFS(fd) == 0:
                    return
            finally:
                os.close(fd)
    for path in paths:
        try:
            with open(path, "r+b") as f:  # write access: Windows' FlushFileBuffers needs it
                os.fsync(f.fileno())
        except OSError as exc:
            raise TransferError(f'Could not write "{path}" to disk: {exc.strerror or exc}') from None


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


class ProgressTracker:
    """Aggregates per-file byte counts into TransferProgress events (thread-safe)."""

    def __init__(self, callback: Optional[ProgressCallback], files_total: int, bytes_total: int) -> None:
        self.callback = callback
        self.files_total = files_total
        self.bytes_total = bytes_total
        self.files_done = 0
        self._per_file: Dict[str, int] = {}
        self._bytes_done = 0
        self._lock = threading.Lock()

    def update(self, name: str, done: int, total: int) -> None:
        with self._lock:
            previous = self._per_file.get(name, 0)
            self._per_file[name] = done
            self._bytes_done += done - previous
            event = TransferProgress(name, done, total, self._bytes_done, self.bytes_total,
                                     self.files_done, self.files_total)
        if self.callback:
            self.callback(event)

    def finish(self, name: str, size: int) -> None:
        with self._lock:
            previous = self._per_file.get(name, 0)
            self._per_file[name] = size
            self._bytes_done += size - previous
            self.files_done += 1
            event = TransferProgress(name, size, size, self._bytes_done, self.bytes_total,
                                     self.files_done, self.files_total)
        if self.callback:
            self.callback(event)


class StderrProgress:
    """Progress on stderr: a line for each file as it completes, and on a terminal a live line.

    The per-file lines make a long or stalled batch visible in logs too: whatever arrived is
    listed at once. The live line (files, bytes, rate) is redrawn at most REDRAW_S apart.
    """

    REDRAW_S = 0.25

    def __init__(self, stream: Any = None, live: Optional[bool] = None) -> None:
        self.stream = stream or sys.stderr
        self.live = self.stream.isatty() if live is None else live
        self._lock = threading.Lock()
        self._files_done = 0
        self._drawn = 0.0
        self._started = time.monotonic()
        self._line = False

    def __call__(self, progress: TransferProgress) -> None:
        now = time.monotonic()
        with self._lock:
            finished = progress.files_done > self._files_done
            if not finished and (not self.live or now - self._drawn < self.REDRAW_S):
                return
            if finished:
                self._files_done = progress.files_done
                self._clear()
                self.stream.write(f"{progress.files_done}/{progress.files_total} {progress.name}\n")
            if self.live and progress.files_done < progress.files_total:
                rate = progress.bytes_done / max(now - self._started, 1e-3)
                self.stream.write(
                    f"\r{int(progress.fraction * 100):3d}% {progress.files_done}/{progress.files_total} files "
                    f"{_human_size(progress.bytes_done)}/{_human_size(progress.bytes_total)} "
                    f"{_human_size(rate)}/s {progress.name[-30:]:<30}")
                self._line = True
                self._drawn = now
            self.stream.flush()

    def _clear(self) -> None:
        if self._line:
            self.stream.write("\r\x1b[K")
            self._line = False


def _human_size(n: float) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1000:
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1000.0
    return f"{n:.1f} TB"


def run_batch(
    items: Sequence[Dict[str, Any]],
    work: Callable[[Dict[str, Any], Callable[[int, int], None], CancelCheck], None],
    *,
    tracker: ProgressTracker,
    concurrency: int,
    is_cancelled: Optional[CancelCheck],
    throw_on_error: bool,
    on_interrupt: Optional[Callable[[], None]] = None,
) -> None:
    """Run `work(item, report, should_stop)` for each item on a thread pool.

    Sets each item's `status` and `error`. With `throw_on_error` the first failure stops
    the batch (running transfers stop between chunks, queued ones stay PENDING) and is
    raised. After a 401 no new item starts (without raising unless `throw_on_error`):
    running ones finish, the remaining items stay PENDING. A cancel stops everything and raises
    TransferCancelledError after cleanup.
    Errors other than QfcException/OSError are bugs: they stop the batch and propagate.
    """
    abort = threading.Event()
    # After a 401 no new transfer starts, but running ones finish: their requests were accepted.
    refused = threading.Event()
    failures: List[BaseException] = []
    lock = threading.Lock()

    def user_cancelled() -> bool:
        return bool(is_cancelled and is_cancelled())

    def should_stop() -> bool:
        return abort.is_set() or user_cancelled()

    def run_one(item: Dict[str, Any]) -> None:
        if abort.is_set() or refused.is_set():
            return
        if user_cancelled():
            item["status"] = FileTransferStatus.FAILED
            item["error"] = TransferCancelledError("Transfer cancelled")
            return
        name = item["name"]

        def report(done: int, total: int) -> None:
            tracker.update(name, done, total)

        try:
            work(item, report, should_stop)
        except TransferCancelledError as exc:
            if abort.is_set() and not user_cancelled():
                return  # stopped because another file failed: not done, not cancelled
            item["status"] = FileTransferStatus.FAILED
            item["error"] = exc
            return
        except (QfcException, OSError) as exc:
            item["status"] = FileTransferStatus.FAILED
            item["error"] = exc
            if throw_on_error:
                with lock:
                    failures.append(exc)
                abort.set()
            elif isinstance(exc, AuthenticationError):
                refused.set()  # every new request would be refused too
            return
        except BaseException as exc:
            with lock:
                failures.append(exc)
            abort.set()
            raise
        item["status"] = FileTransferStatus.SUCCESS
        item["error"] = None
        tracker.finish(name, item.get("size") or 0)

    if not items:
        return
    with ThreadPoolExecutor(max_workers=max(1, min(concurrency, len(items))),
                            thread_name_prefix="qfc-transfer") as pool:
        futures = [pool.submit(run_one, item) for item in items]
        try:
            for future in futures:
                future.exception()
        except BaseException:
            # Ctrl-C reaches this (main) thread: stop queued work and cut the running transfers
            # (`on_interrupt`), so leaving the pool does not wait for a stalled one.
            abort.set()
            for future in futures:
                future.cancel()
            if on_interrupt is not None:
                on_interrupt()
            raise
    if failures:
        raise failures[0]
    if user_cancelled() or any(isinstance(i.get("error"), TransferCancelledError) for i in items):
        done = sum(1 for i in items if i.get("status") == FileTransferStatus.SUCCESS)
        raise TransferCancelledError(f"Transfer cancelled after {done} of {len(items)} files")
