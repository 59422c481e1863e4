"""Progress of a batch: per-file byte counts summed into TransferProgress events, and the CLI's display."""

import sys
import threading
import time
from typing import Any, Dict, Optional

from .models import ProgressCallback, TransferProgress
from .units import format_size


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
            event = TransferProgress(
                name, done, total, self._bytes_done, self.bytes_total, self.files_done, self.files_total
            )
        if self.callback:
            self.callback(event)

    def finish(self, name: str, size: int) -> None:
        with self._lock:
            previous = self._per_file.get(name, 0)
            self._per_file[name] = size
            self._bytes_done += size - previous
            self.files_done += 1
            event = TransferProgress(
                name, size, size, self._bytes_done, self.bytes_total, self.files_done, self.files_total
            )
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
                    f"{format_size(progress.bytes_done)}/{format_size(progress.bytes_total)} "
                    f"{format_size(rate)}/s {progress.name[-30:]:<30}"
                )
                self._line = True
                self._drawn = now
            self.stream.flush()

    def _clear(self) -> None:
        if self._line:
            self.stream.write("\r\x1b[K")
            self._line = False
