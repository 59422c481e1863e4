"""What the client last downloaded into a folder, to tell local work from an old server copy.

`<folder>/.qfieldcloud/downloaded.json` maps each file name to the size and checksums of the
version a download last put there. A local file that still matches its entry holds nothing
but that old server version, so a newer download may replace it without keeping a copy. A
file that differs from its entry, or has none, may hold the user's work: a download that
replaces it keeps it in the trash first (see `staging.py`).

Losing or damaging this file only makes the client more careful (more copies kept), never
less, so it is written without fsync.
"""

import json
import os
import threading
from pathlib import Path
from typing import Any, Dict, Mapping

from .atomic_file import write_json_atomically
from .checksums import ChecksumCache
from .models import PathLike
from .names import STATE_DIR

RECORD_FILE = "downloaded.json"
FORMAT = 1

_lock = threading.Lock()


class DownloadRecord:
    """The versions last downloaded into `folder`, by POSIX file name."""

    def __init__(self, folder: PathLike) -> None:
        self.folder = Path(os.path.abspath(folder))
        self.path = self.folder / STATE_DIR / RECORD_FILE

    def load(self) -> Dict[str, Dict[str, Any]]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("files"), dict):
            return {}
        return {name: entry for name, entry in data["files"].items() if isinstance(entry, dict)}

    def update(self, downloaded: Mapping[str, Mapping[str, Any]]) -> None:
        """Remember `downloaded` (name → size, etag) as the versions now in the folder."""
        if not downloaded:
            return
        with _lock:
            files = self.load()
            for name, checks in downloaded.items():
                files[name] = {key: checks.get(key) for key in ("size", "etag") if checks.get(key)}
            try:
                write_json_atomically(self.path, {"format": FORMAT, "files": files}, sort_keys=True)
            except OSError:
                pass  # a read-only state folder: later downloads keep more copies, nothing is lost


def holds_local_work(name: str, path: Path, record: Mapping[str, Mapping[str, Any]], checksums: ChecksumCache) -> bool:
    """Whether the local file `path` (`name` in the folder of `checksums`) may hold the user's work.

    True when there is no record of a download, when the sizes differ, or when the content's
    ETag differs from the recorded one. A file that cannot be read counts as local work.
    """
    entry = record.get(name)
    if not entry or not entry.get("etag"):
        return True
    try:
        if entry.get("size") is not None and os.path.getsize(path) != int(entry["size"]):
            return True
        return checksums.etag(name, path) != entry["etag"]
    except (OSError, ValueError):
        return True
