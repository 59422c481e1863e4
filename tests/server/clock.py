"""Timestamps: stored as UTC epoch floats, rendered the way QFieldCloud renders them.

The server's TIME_ZONE (Europe/Zurich) gives ISO dates a +01:00/+02:00 offset, while the file
field `last_modified` keeps Django's legacy `%d.%m.%Y %H:%M:%S UTC` format.
"""

import time
from datetime import datetime, timezone
from functools import lru_cache
from typing import Optional
from zoneinfo import ZoneInfo

SERVER_TIME_ZONE = ZoneInfo("Europe/Zurich")

# The formatters are pure functions of the timestamp and a listing formats the same few timestamps
# many times (a file's first upload, its versions), so they are memoized.


# Seconds added to the real time: moved forward only through the test clock (`--test-clock`).
_offset = 0.0


def now() -> float:
    return time.time() + _offset


def advance(seconds: float) -> float:
    """Move this server's clock forward (tokens expire, presigned URLs age); the new time."""
    global _offset
    _offset += max(0.0, float(seconds))
    return now()


@lru_cache(maxsize=65536)
def iso(timestamp: Optional[float]) -> Optional[str]:
    """ISO-8601 with microseconds and the server's offset, or None for unset dates."""
    if timestamp is None:
        return None
    return datetime.fromtimestamp(timestamp, SERVER_TIME_ZONE).isoformat(timespec="microseconds")


@lru_cache(maxsize=65536)
def legacy(timestamp: float) -> str:
    """The legacy `last_modified` format of file listings, always in UTC."""
    return datetime.fromtimestamp(timestamp, timezone.utc).strftime("%d.%m.%Y %H:%M:%S UTC")


@lru_cache(maxsize=65536)
def version_display(timestamp: float) -> str:
    """The human label of a file version, e.g. `v20260821173714`."""
    return datetime.fromtimestamp(timestamp, timezone.utc).strftime("v%Y%m%d%H%M%S")


@lru_cache(maxsize=65536)
def http_date(timestamp: float) -> str:
    """An RFC 7231 date for Last-Modified headers."""
    return datetime.fromtimestamp(timestamp, timezone.utc).strftime("%a, %d %b %Y %H:%M:%S GMT")
