"""The one place that tunes disk writes for Linux, behind a portable fallback.

Linux offers three calls that make many-file and very large downloads much faster:
syncfs(2) (one journal commit for a whole batch instead of one fsync per file),
sync_file_range(2) and posix_fadvise(2) (write a large file behind as it arrives and keep it
out of the page cache). Windows and macOS, where most QGIS users are, have none of them;
there every file is fsync'ed on its own and large files are fsync'ed when complete. The
guarantee is the same either way: the data is on disk before the rename that exposes it.

`QFC_PORTABLE_DISK=1` forces the fallback on Linux too: `make test` runs the transfer tests
once each way, so that the path Windows and macOS take is proven here as well.
"""

import ctypes
import os
import sys
from typing import Callable, Optional, Sequence, Tuple

from .errors import TransferError
from .models import PathLike

# Read once at import time: os.umask() can only be read by setting it, which is not thread-safe.
_UMASK = os.umask(0o022)
os.umask(_UMASK)

PORTABLE_ENV = "QFC_PORTABLE_DISK"


def _linux_calls_allowed() -> bool:
    return sys.platform.startswith("linux") and os.environ.get(PORTABLE_ENV, "") in ("", "0")


def new_file_mode() -> int:
    """The permissions a new file gets here (0o666 less the umask), as `open()` would give it."""
    return 0o666 & ~_UMASK


def _syncfs() -> Optional[Callable[[int], int]]:
    """Linux's syncfs(2) through ctypes, or None where it is not available."""
    if not _linux_calls_allowed():
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
    if not _linux_calls_allowed():
        return None
    try:
        function = ctypes.CDLL(None, use_errno=True).sync_file_range
    except (OSError, AttributeError):
        return None
    function.argtypes = [ctypes.c_int, ctypes.c_int64, ctypes.c_int64, ctypes.c_uint]
    function.restype = ctypes.c_int
    return function


_SYNC_FILE_RANGE = _sync_file_range()


def can_write_behind() -> bool:
    """Whether large downloads can be written behind (see `write_behind`)."""
    return _SYNC_FILE_RANGE is not None


def write_behind(fd: int, step: Tuple[int, int], previous: Optional[Tuple[int, int]]) -> None:
    """Start writing `step` (offset, length) of `fd` to disk; wait for the `previous` one and
    drop it from the page cache. Only where `can_write_behind()`.

    Why: left to itself the kernel keeps a whole 1 GiB download dirty in memory, throttles
    the writer once too much is dirty, and the final fsync then waits for all of it (~0.4 s
    per GiB here). Writing behind keeps at most two steps in flight, makes the fsync at the
    end nearly free, recycles the same pages instead of filling memory (which on this
    machine's VM made writing 2-5 times slower), and does not evict the rest of the
    system's cache for a file nobody reads right away. The data is never read back from
    the cache: it is hashed from the received chunks.
    """
    sync_file_range = _SYNC_FILE_RANGE
    if sync_file_range is None:
        return
    sync_file_range(fd, step[0], step[1], _SYNC_FILE_RANGE_WRITE)
    if previous is not None:
        sync_file_range(fd, previous[0], previous[1], _SYNC_FILE_RANGE_WAIT_ALL)
        os.posix_fadvise(fd, previous[0], previous[1], os.POSIX_FADV_DONTNEED)


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
