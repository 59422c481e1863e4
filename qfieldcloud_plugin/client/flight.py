"""How many transfers of a batch are in flight at once, and how many bytes.

Round trips, not bandwidth, bound many small files on a real network: at 50 ms a 16 KB file costs
a round trip for almost nothing, so many must be in flight to fill the link. Large files fill it
on their own, and many of them at once only spread the disk writes and the memory. So a batch runs
as many files at once as the server's answer time asks for (`fitted_concurrency`), up to its
ceiling (`DEFAULT_CONCURRENCY`, the per-server cap), while the files in flight together stay under
`BYTES_IN_FLIGHT` (one file alone may exceed it). On loopback or a LAN a few workers keep up, and
more only cost CPU (threads and connections); at 50 ms dozens are needed.

A server that answers 429 or 503 is overloaded: the number in flight is then halved, and grows
again by one for every so many files that complete without another such answer (additive
increase, multiplicative decrease, as TCP does).
"""

import collections
import math
import threading
from typing import Callable, Deque, Optional

# Bytes (by listed size) that the files in flight may add up to.
BYTES_IN_FLIGHT = 64 * 1024 * 1024
# How long one wait for a free place lasts before the stop condition is checked again.
WAIT_STEP_S = 0.25
# Files in flight per second of answer time: one per millisecond (a 16 KB file every millisecond
# is about 130 Mbit/s), never fewer than FEWEST_IN_FLIGHT.
FILES_PER_ANSWER_S = 1000
FEWEST_IN_FLIGHT = 4
# The answers whose time counts: the recent ones, so that a laptop that moves from the office's
# network to a phone's is fitted to the new one.
ANSWERS_KEPT = 16


class AnswerTimes:
    """How long the server's recent answers took (request sent to headers read): the round trip
    plus the server's own time, which is what files in flight hide. Thread-safe."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._recent: Deque[float] = collections.deque(maxlen=ANSWERS_KEPT)

    def record(self, seconds: float) -> None:
        with self._lock:
            self._recent.append(max(0.0, seconds))

    def fastest(self) -> Optional[float]:
        """The fastest recent answer in seconds (the others waited on a busy server), or None."""
        with self._lock:
            return min(self._recent) if self._recent else None


def fitted_concurrency(answer_s: Optional[float], ceiling: int) -> int:
    """Files to run at once for a server that answers in `answer_s`, within the `ceiling` (the
    user's, or the per-server cap); the ceiling itself before any answer was seen."""
    if answer_s is None:
        return ceiling
    return max(1, min(ceiling, max(FEWEST_IN_FLIGHT, math.ceil(answer_s * FILES_PER_ANSWER_S))))


class FlightGate:
    """A worker enters before its file starts and leaves when it ends.

    `overloads()` counts the server's 429 and 503 answers so far (the transport's stats).
    `fitted()`, read at every entry, is how many files the server's recent answer times ask for
    (`fitted_concurrency`): the batch's threads were counted from the answers before it (a
    listing, slowed by the server's own work on it), and its first files' answers may show that
    fewer are enough.
    """

    def __init__(
        self,
        ceiling: int,
        overloads: Optional[Callable[[], int]] = None,
        byte_budget: int = BYTES_IN_FLIGHT,
        fitted: Optional[Callable[[], int]] = None,
    ) -> None:
        self.ceiling = max(1, ceiling)
        self._fitted = fitted or (lambda: self.ceiling)
        self.limit = self.ceiling
        self.byte_budget = byte_budget
        self._overloads = overloads or (lambda: 0)
        self._seen_overloads = self._overloads()
        self._calm = 0  # files completed since the last overload
        self._files = 0
        self._bytes = 0
        self._changed = threading.Condition()

    def enter(self, size: int, should_stop: Callable[[], bool]) -> bool:
        """Wait for a place for a file of `size` bytes; False if `should_stop()` came first."""
        size = max(0, size)
        with self._changed:
            while True:
                self._notice_overloads()
                fits = self._files == 0 or (self._files < self._allowed() and self._bytes + size <= self.byte_budget)
                if fits:
                    self._files += 1
                    self._bytes += size
                    return True
                if should_stop():
                    return False
                self._changed.wait(WAIT_STEP_S)

    def leave(self, size: int) -> None:
        with self._changed:
            self._files -= 1
            self._bytes -= max(0, size)
            self._notice_overloads()
            self._calm += 1
            if self._calm >= self.limit and self.limit < self.ceiling:
                self.limit += 1
                self._calm = 0
            # wake as many waiting workers as there are places now, not all of them: with dozens
            # of threads waiting, waking each one at every file's end costs more CPU than the files
            self._changed.notify(max(1, self._allowed() - self._files))

    def _allowed(self) -> int:
        """Files that may be in flight now: the overload limit, or fewer if the answers say so."""
        return min(self.limit, self._fitted())

    def _notice_overloads(self) -> None:
        count = self._overloads()
        if count > self._seen_overloads:
            self._seen_overloads = count
            self.limit = max(1, self.limit // 2)
            # the files still in flight started before the server said so: their end is not calm
            self._calm = -self._files
