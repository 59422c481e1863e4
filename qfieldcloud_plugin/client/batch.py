"""The batch runner: one transfer per file on a thread pool, with stop, cancel and 401 rules, as
many in flight as the gate lets through (flight.py)."""

import functools
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Callable, Dict, List, Optional, Sequence

from .errors import AuthenticationError, QfcException, TransferCancelledError
from .file_download import listed_size
from .flight import FlightGate
from .models import CancelCheck, FileTransferStatus
from .progress import ProgressTracker
from .waiting import wait_all

Work = Callable[[Dict[str, Any], Callable[[int, int], None], CancelCheck], None]


def run_batch(
    items: Sequence[Dict[str, Any]],
    work: Work,
    *,
    tracker: ProgressTracker,
    concurrency: int,
    is_cancelled: Optional[CancelCheck],
    throw_on_error: bool,
    on_interrupt: Optional[Callable[[], None]] = None,
    overloads: Optional[Callable[[], int]] = None,
    fitted: Optional[Callable[[], int]] = None,
) -> None:
    """Run `work(item, report, should_stop)` for each item on a thread pool of up to `concurrency`
    workers, as many at once as a FlightGate allows (by count, bytes, `overloads()`, the
    server's 429 and 503 answers so far, and `fitted()`, what its answer times ask for).

    Sets each item's `status` and `error`. With `throw_on_error` the first failure stops
    the batch (running transfers stop between chunks, queued ones stay PENDING) and is
    raised. After a 401 no new item starts (without raising unless `throw_on_error`):
    running ones finish, the remaining items stay PENDING. A cancel stops everything and raises
    TransferCancelledError after cleanup.
    Errors other than QfcException/OSError are bugs: they stop the batch and propagate.
    """
    if not items:
        return
    batch = _Batch(work, tracker, is_cancelled, throw_on_error, FlightGate(concurrency, overloads, fitted=fitted))
    with ThreadPoolExecutor(
        max_workers=max(1, min(concurrency, len(items))), thread_name_prefix="qfc-transfer"
    ) as pool:
        futures = [pool.submit(batch.run_one, item) for item in items]
        try:
            wait_all(futures)
        except BaseException:
            # Ctrl-C reaches this (main) thread: stop queued work and cut the running transfers
            # (`on_interrupt`), so leaving the pool does not wait for a stalled one.
            batch.abort.set()
            for future in futures:
                future.cancel()
            if on_interrupt is not None:
                on_interrupt()
            raise
    if batch.failures:
        raise batch.failures[0]
    if batch.user_cancelled() or any(isinstance(i.get("error"), TransferCancelledError) for i in items):
        done = sum(1 for i in items if i.get("status") == FileTransferStatus.SUCCESS)
        raise TransferCancelledError(f"Transfer cancelled after {done} of {len(items)} files")


class _Batch:
    """What the workers of one batch share: why it stops, and the failures to raise."""

    def __init__(
        self,
        work: Work,
        tracker: ProgressTracker,
        is_cancelled: Optional[CancelCheck],
        throw_on_error: bool,
        gate: FlightGate,
    ) -> None:
        self.work = work
        self.gate = gate
        self.tracker = tracker
        self.is_cancelled = is_cancelled
        self.throw_on_error = throw_on_error
        self.abort = threading.Event()
        # After a 401 no new transfer starts, but running ones finish: their requests were accepted.
        self.refused = threading.Event()
        self.failures: List[BaseException] = []
        self._lock = threading.Lock()

    def user_cancelled(self) -> bool:
        return bool(self.is_cancelled and self.is_cancelled())

    def should_stop(self) -> bool:
        return self.abort.is_set() or self.user_cancelled()

    def run_one(self, item: Dict[str, Any]) -> None:
        size = listed_size(item) or 0
        if not self.gate.enter(size, lambda: not self._may_start(item)):
            return
        try:
            if self._may_start(item):
                self._run(item)
        finally:
            self.gate.leave(size)

    def _may_start(self, item: Dict[str, Any]) -> bool:
        """Whether `item` may still start; a file the user cancelled is marked so."""
        if self.abort.is_set() or self.refused.is_set():
            return False
        if self.user_cancelled():
            mark_failed(item, TransferCancelledError("Transfer cancelled"))
            return False
        return True

    def _run(self, item: Dict[str, Any]) -> None:
        name = item["name"]
        try:
            self.work(item, functools.partial(self.tracker.update, name), self.should_stop)
        except TransferCancelledError as exc:
            if self.abort.is_set() and not self.user_cancelled():
                return  # stopped because another file failed: not done, not cancelled
            mark_failed(item, exc)
            return
        except (QfcException, OSError) as exc:
            mark_failed(item, exc)
            if self.throw_on_error:
                self._stop(exc)
            elif isinstance(exc, AuthenticationError):
                self.refused.set()  # every new request would be refused too
            return
        except BaseException as exc:
            self._stop(exc)
            raise
        item["status"] = FileTransferStatus.SUCCESS
        item["error"] = None
        self.tracker.finish(name, item.get("size") or 0)

    def _stop(self, failure: BaseException) -> None:
        with self._lock:
            self.failures.append(failure)
        self.abort.set()


def mark_failed(item: Dict[str, Any], error: BaseException) -> None:
    """Record that a file of a batch failed, and why."""
    item["status"] = FileTransferStatus.FAILED
    item["error"] = error
