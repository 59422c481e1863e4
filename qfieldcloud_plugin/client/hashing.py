"""Checksums of file content: the server's S3-style ETag (its `md5sum`) and SHA-256."""

import hashlib
import os
from typing import Any, List, Mapping, Union

from .models import ETAG_PART_SIZE

PathLike = Union[str, "os.PathLike[str]"]
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
    etag_a, etag_b = a.get("md5sum") or a.get("etag"), b.get("md5sum") or b.get("etag")
    if etag_a and etag_b:
        return str(etag_a).strip('"').lower() == str(etag_b).strip('"').lower()
    return False
