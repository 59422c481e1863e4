"""Deadlines for streamed downloads, enforced from one helper thread.

requests' read timeout bounds each wait for *some* bytes, not a whole read: a server that
drip-feeds one byte every few seconds keeps a 1 MiB read (and so the transfer) alive for
days. Each streamed download is therefore registered here, and its reader reports every
chunk it completes. The watchdog shuts the socket down, so that the blocked read returns at
once and the reader sees a broken connection, when:

- no chunk completed within `stall_s` (the read timeout plus STALL_MARGIN_S): the server
  sends less than one chunk per `stall_s`, below the minimum rate;
- the file's total deadline passed (see `file_deadline`);
- `abort_all()` was called (Ctrl-C in the CLI, QGIS closing).

`release()` then tells the reader why, for its message and its decision to retry.
"""

import socket
import threading
import time
from typing import Any, Dict, Optional

# Added to the read timeout before a download that completes no chunk is abandoned.
STALL_MARGIN_S = 10.0
# A file's total deadline: this long, plus its size at the slowest rate still worth waiting for.
FILE_DEADLINE_BASE_S = 600.0
SLOWEST_RATE_BPS = 16 * 1024
# How often the helper thread looks at the deadlines.
TICK_S = 0.25


def file_deadline(size: Optional[int]) -> float:
    """Seconds one file may take in all, retries included."""
    return FILE_DEADLINE_BASE_S + (size or 0) / SLOWEST_RATE_BPS


class _Watched:
    __slots__ = ("response", "last_progress", "deadline", "reason")

    def __init__(self, response: Any, deadline: float) -> None:
        self.response = response
        self.last_progress = time.monotonic()
        self.deadline = deadline
        self.reason: Optional[str] = None


class TransferWatch:
    """The streamed downloads of one client, and the thread that enforces their deadlines."""

    def __init__(self, stall_s: Optional[float]) -> None:
        self.stall_s = stall_s
        self._lock = threading.Lock()
        self._watched: Dict[int, _Watched] = {}
        self._thread: Optional[threading.Thread] = None
        self.aborted: Optional[str] = None
        self._abort_event = threading.Event()

    def sleep(self, seconds: float) -> None:
        """Wait between two attempts; returns at once when everything is aborted."""
        self._abort_event.wait(max(0.0, seconds))

    def watch(self, response: Any, deadline: float) -> int:
        """Register a streamed response whose body is about to be read; returns its key."""
        entry = _Watched(response, deadline)
        with self._lock:
            key = id(entry)
            self._watched[key] = entry
            if self.aborted is not None:
                entry.reason = self.aborted
                _shut(response)
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="qfc-watchdog", daemon=True)
                self._thread.start()
        return key

    def progress(self, key: int) -> None:
        entry = self._watched.get(key)
        if entry is not None:
            entry.last_progress = time.monotonic()

    def release(self, key: int) -> Optional[str]:
        """Stop watching; why the watchdog cut the transfer short, or None."""
        with self._lock:
            entry = self._watched.pop(key, None)
        return entry.reason if entry is not None else None

    def abort_all(self, reason: str = "cancelled") -> None:
        """Cut every watched transfer, and every one registered later."""
        with self._lock:
            self.aborted = reason
            entries = list(self._watched.values())
        self._abort_event.set()
        for entry in entries:
            entry.reason = reason
            _shut(entry.response)

    def _run(self) -> None:
        while True:
            time.sleep(TICK_S)
            now = time.monotonic()
            with self._lock:
                if not self._watched:
                    self._thread = None
                    return
                entries = list(self._watched.values())
            for entry in entries:
                if entry.reason is not None:
                    continue
                if now > entry.deadline:
                    entry.reason = "it took longer than its deadline"
                elif self.stall_s is not None and now - entry.last_progress > self.stall_s:
                    entry.reason = "too little data for {:.0f} s".format(self.stall_s)
                else:
                    continue
                _shut(entry.response)


def _shut(response: Any) -> None:
    """Make a read blocked on `response` return now: shut its socket down (closing alone does not)."""
    sock = getattr(getattr(getattr(response, "raw", None), "connection", None), "sock", None)
    try:
        if sock is not None:
            sock.shutdown(socket.SHUT_RDWR)
        else:
            response.close()
    except OSError:
        pass
