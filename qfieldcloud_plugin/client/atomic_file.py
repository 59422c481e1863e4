"""Write a small file so that readers see either the old or the new content, never a mix."""

import json
import os
import tempfile
from pathlib import Path
from typing import Any


def write_json_atomically(path: Path, data: Any, durable: bool = False, **dump_options: Any) -> None:
    """Dump `data` as JSON to a temporary file beside `path`, then `os.replace` it into place.

    With `durable`, the bytes reach the disk before the rename (state that must survive a
    crash); a cache that can be rebuilt skips that cost. Raises OSError; no temporary file
    is left behind.
    """
    write_text_atomically(path, json.dumps(data, **dump_options), durable)


def write_text_atomically(path: Path, text: str, durable: bool = False) -> None:
    """Like `write_json_atomically`, for text."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".{}.".format(path.name), suffix=".tmp", dir=str(path.parent))
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            out.write(text)
            if durable:
                out.flush()
                os.fsync(out.fileno())
        os.replace(tmp, str(path))
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
