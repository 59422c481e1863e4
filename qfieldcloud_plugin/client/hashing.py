"""Checksums of file content: the server's S3-style ETag (its `md5sum`) and SHA-256."""

import hashlib
import queue
import threading
from typing import Any, List, Mapping, Optional

from .models import ETAG_PART_SIZE, PathLike

# Files at least this large are hashed on a helper thread (hashlib releases the GIL), so hashing
# overlaps with receiving and writing, and downloads this large are fsync'ed on their own when complete.
LARGE_FILE_SIZE = 8 * 1024 * 1024
# Files are read in pieces of this size when hashed.
READ_SIZE = 1024 * 1024


def _md5(data: bytes = b"") -> "hashlib._Hash":
    """MD5 only to compute the S3-style ETag the server lists, not for security."""
    return hashlib.md5(data, usedforsecurity=False)


class EtagHasher:
    """Incremental S3-style ETag: plain MD5 up to one part, else md5(part digests)-N.

    Only the per-part MD5s are computed: for a file of one part, that part's MD5 is the MD5
    of the whole file, so no second MD5 pass over the data is needed.
    """

    def __init__(self, part_size: int = ETAG_PART_SIZE) -> None:
        self.part_size = part_size
        self._part = _md5()
        self._part_len = 0
        self._digests: List[bytes] = []
        self.size = 0

    def update(self, data: bytes) -> None:
        self.size += len(data)
        view = memoryview(data)
        while len(view):
            take = min(len(view), self.part_size - self._part_len)
            self._part.update(view[:take])
            self._part_len += take
            view = view[take:]
            if self._part_len == self.part_size:
                self._digests.append(self._part.digest())
                self._part = _md5()
                self._part_len = 0

    def hexdigest(self) -> str:
        digests = list(self._digests)
        if self._part_len:
            digests.append(self._part.digest())
        if self.size <= self.part_size:
            return digests[0].hex() if digests else _md5().hexdigest()
        return f"{_md5(b''.join(digests)).hexdigest()}-{len(digests)}"


def calc_etag(filename: PathLike, part_size: int = ETAG_PART_SIZE) -> str:
    """The S3-style ETag of a local file, comparable with the server's `md5sum`."""
    hasher = EtagHasher(part_size)
    with open(filename, "rb") as f:
        for chunk in iter(lambda: f.read(READ_SIZE), b""):
            hasher.update(chunk)
    return hasher.hexdigest()


def calc_sha256(filename: PathLike) -> str:
    hasher = hashlib.sha256()
    with open(filename, "rb") as f:
        for chunk in iter(lambda: f.read(READ_SIZE), b""):
            hasher.update(chunk)
    return hasher.hexdigest()


def listed_etag(file: Mapping[str, Any]) -> Optional[str]:
    """A file description's S3-style ETag: the server lists it as `md5sum`; records and callers
    that describe a file themselves name it `etag`. None when neither is given."""
    return file.get("md5sum") or file.get("etag") or None


def same_content(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    """Whether two descriptions of a file (`size`, `sha256`, `md5sum` or `etag`) prove the same bytes.

    The one rule of "same content", for downloads, uploads and the sync planner alike: sizes,
    when both are known, must agree; then SHA-256 decides when both sides have one, else the
    S3-style ETag. Without a checksum on both sides nothing is proven, so the answer is False.
    """
    size_a, size_b = a.get("size"), b.get("size")
    if size_a is not None and size_b is not None and int(size_a) != int(size_b):
        return False
    sha_a, sha_b = a.get("sha256"), b.get("sha256")
    if sha_a and sha_b:
        return str(sha_a).lower() == str(sha_b).lower()
    etag_a, etag_b = listed_etag(a), listed_etag(b)
    if etag_a and etag_b:
        return str(etag_a).strip('"').lower() == str(etag_b).strip('"').lower()
    return False


class StreamHashes:
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
