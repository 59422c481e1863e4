"""A persistent cache of local files' checksums, so unchanged files are not hashed again.

One small JSON file per project folder, in the user's cache directory (`$QFIELDCLOUD_CACHE_DIR`,
else `$XDG_CACHE_HOME` or `~/.cache`, `%LOCALAPPDATA%` on Windows, `~/Library/Caches` on macOS,
then `qfieldcloud-plugin/checksums/<hash of the folder's real path>.json`), so a project folder
holds only the project's files. An entry maps a file's POSIX name in the folder (i.e. its
absolute path) to its size, mtime_ns, inode, the time the entry was recorded, its S3-style ETag
and its ctime (see `stat_stamp`). At most MAX_FOLDERS folders are
remembered (least recently saved dropped first).

When an entry may be trusted (git's "racy clean" rule): size, mtime_ns, inode and (POSIX) ctime
must equal the file's current `stat`, so an edit that sets the mtime back is still seen; and
the file's mtime must be at least `RACY_NS` older than the moment the entry was recorded.
Without that last condition, a write landing within the file system's timestamp granularity
after we hashed could leave size and mtime unchanged. An entry recorded right after the file
was written (a fresh download) is therefore not trusted: the next lookup hashes the file once
more and records it again, now with an old mtime, and every later lookup is a `stat` only.
Any change of size, mtime, inode or ctime (an editor's atomic save) invalidates it.

Concurrency: threads share one instance (a lock guards the entries). Several processes may
use the same folder: `save` re-reads the file, merges, and replaces it atomically, so the worst
outcome of a race is a lost entry, i.e. one more hash later; a wrong checksum is never served
because every entry is checked against `stat` when used.
"""

import hashlib
import json
import logging
import os
import sys
import threading
import time
from pathlib import Path
from typing import Any, Dict, Optional

from .atomic_file import write_json_atomically
from .hashing import calc_etag
from .models import PathLike

logger = logging.getLogger(__name__)

FORMAT = 3  # 3: no SHA-256 (nothing read it)
MAX_FOLDERS = 200
# POSIX ctime is the time of the last change of the file or its metadata, which no program can set
# back; Windows' st_ctime is the creation time instead, and tells nothing about an edit.
CTIME_IS_CHANGE_TIME = os.name != "nt"


def cache_dir() -> Path:
    """Where the per-folder checksum files live."""
    explicit = os.environ.get("QFIELDCLOUD_CACHE_DIR", "").strip()
    if explicit:
        return Path(explicit) / "checksums"
    if sys.platform.startswith("win"):
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "qfieldcloud-plugin" / "checksums"


# A file modified less than this long before its entry was recorded is "racy" (not trusted).
RACY_NS = 2_000_000_000


class ChecksumCache:
    """Checksums of the files under `root`, keyed by POSIX name and validated by `stat`."""

    def __init__(self, root: PathLike, directory: Optional[PathLike] = None) -> None:
        self.root = Path(os.path.abspath(root))
        self.real_root = os.path.realpath(self.root)
        key = hashlib.sha256(self.real_root.encode("utf-8", "surrogateescape")).hexdigest()[:32]
        self.path = Path(directory) if directory is not None else cache_dir()
        self.path = self.path / f"{key}.json"
        self._lock = threading.Lock()
        self._entries: Optional[Dict[str, list]] = None
        self._changed: Dict[str, Optional[list]] = {}  # name -> new entry, or None to drop it

    def __enter__(self) -> "ChecksumCache":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.save()  # whatever happened, the checksums computed so far spare the next run some hashing

    # --- reading -------------------------------------------------------------------------

    def _load(self) -> Dict[str, list]:
        if self._entries is None:
            self._entries = _read(self.path, self.real_root)
        return self._entries

    def lookup(self, name: str, st: Optional[os.stat_result] = None) -> Optional[str]:
        """The file's ETag if a trusted entry matches its current stat, else None."""
        if st is None:
            try:
                st = os.stat(self.root.joinpath(*name.split("/")))
            except OSError:
                return None
        with self._lock:
            entry = self._changed.get(name) if name in self._changed else self._load().get(name)
        if entry is None or not _matches(entry, st) or entry[3] - st.st_mtime_ns < RACY_NS:
            return None
        return str(entry[4]) if entry[4] else None

    def etag(self, name: str, path: PathLike, trust_cache: bool = True) -> str:
        """The file's S3-style ETag: from a trusted entry, else (or with `trust_cache` False) computed and recorded."""
        try:
            before = os.stat(path)
        except OSError:
            before = None
        if before is not None and trust_cache:
            known = self.lookup(name, before)
            if known is not None:
                return known
        value = calc_etag(path)
        if before is not None:
            self._record_if_unchanged(name, path, before, value)
        return value

    # --- writing -------------------------------------------------------------------------

    def record(self, name: str, path: PathLike, etag: Optional[str]) -> None:
        """Remember checksums known to describe the file as it is now (e.g. just verified)."""
        try:
            st = os.stat(path)
        except OSError:
            return
        self._put(name, st, etag)

    def _record_if_unchanged(self, name: str, path: PathLike, before: os.stat_result, etag: Optional[str]) -> None:
        try:
            after = os.stat(path)
        except OSError:
            return
        if stat_stamp(after) == stat_stamp(before):  # not modified while it was being hashed
            self._put(name, before, etag)

    def _put(self, name: str, st: os.stat_result, etag: Optional[str]) -> None:
        entry = [st.st_size, st.st_mtime_ns, st.st_ino, time.time_ns(), etag, stat_stamp(st)[3]]
        with self._lock:
            self._changed[name] = entry

    def save(self) -> None:
        """Merge this session's changes into the cache file (atomic replace; errors are logged only)."""
        with self._lock:
            if not self._changed:
                return
            changed, self._changed = self._changed, {}
        try:
            entries = _read(self.path, self.real_root)
            for name, entry in changed.items():
                if entry is None:
                    entries.pop(name, None)
                else:
                    entries[name] = entry
            new_file = not self.path.exists()
            write_json_atomically(
                self.path, {"format": FORMAT, "root": self.real_root, "files": entries}, separators=(",", ":")
            )
            if new_file:
                _prune(self.path.parent)
            with self._lock:
                self._entries = entries
        except OSError as exc:  # a read-only folder, a full disk: the cache is only an optimisation
            logger.debug("Could not save the checksum cache %s: %s", self.path, exc)


def stat_stamp(st: os.stat_result) -> tuple:
    """What moves whenever a file's content may have changed: size, mtime, inode and (POSIX) ctime.

    An edit in place that keeps the size and sets the mtime back (`touch -d`, a restore, some
    editors) still moves the ctime, as git's index also relies on.
    """
    return (st.st_size, st.st_mtime_ns, st.st_ino, st.st_ctime_ns if CTIME_IS_CHANGE_TIME else 0)


def _matches(entry: list, st: os.stat_result) -> bool:
    return (entry[0], entry[1], entry[2], entry[5]) == stat_stamp(st)


def _prune(folder: Path) -> None:
    """Keep the MAX_FOLDERS most recently saved cache files."""
    try:
        files = [entry for entry in os.scandir(folder) if entry.name.endswith(".json")]
        if len(files) <= MAX_FOLDERS:
            return
        files.sort(key=lambda entry: entry.stat().st_mtime_ns)
        for entry in files[: len(files) - MAX_FOLDERS]:
            os.unlink(entry.path)
    except OSError:
        pass


def _read(path: Path, root: str) -> Dict[str, list]:
    try:
        with open(path, encoding="utf-8") as f:
            data: Any = json.load(f)
    except (OSError, ValueError):
        return {}
    if (
        not isinstance(data, dict)
        or data.get("format") != FORMAT
        or data.get("root") != root
        or not isinstance(data.get("files"), dict)
    ):
        return {}
    return {
        name: entry
        for name, entry in data["files"].items()
        if isinstance(entry, list)
        and len(entry) == 6
        and all(isinstance(v, int) for v in entry[:4])
        and isinstance(entry[5], int)
    }
