"""QgsTasks that run client calls off the GUI thread, and a pool that limits how many run.

A task calls `fn(client, task)` in `run()` (worker thread) with a client of its own, so no
`requests.Session` is shared between threads. Results come back through `succeeded` and
`failed`, emitted from `finished()`, which QGIS runs on the GUI thread.
"""

import traceback
from typing import Callable, List, Optional, Set

from qgis.core import Qgis, QgsApplication, QgsTask
from qgis.PyQt.QtCore import QObject, QTimer, pyqtSignal

from ..client import QfcException
from ..client.errors import TransferCancelledError
from .log import log


class UnexpectedError(Exception):
    """A bug in the plugin or the client; the traceback is in the QGIS log."""


class ClientTask(QgsTask):
    """Runs one client call (or a short sequence of them) in the background."""

    succeeded = pyqtSignal(object)
    failed = pyqtSignal(object)
    done = pyqtSignal()

    def __init__(self, description: str, client_factory: Callable, fn: Callable, can_cancel: bool = True):
        flags = QgsTask.Flag.CanCancel if can_cancel else QgsTask.Flags()
        super().__init__(description, flags)
        self._client_factory = client_factory
        self._fn = fn
        self.result = None
        self.error: Optional[BaseException] = None
        self.detached = False

    # --- worker thread -------------------------------------------------------------
    def run(self) -> bool:
        client = None
        try:
            client = self._client_factory()
            self.result = self._fn(client, self)
            return not self.isCanceled()
        except (QfcException, OSError) as error:
            self.error = error
        except Exception as error:  # a bug must reach the log, not kill QGIS
            log("{}\n{}".format(self.description(), traceback.format_exc()), Qgis.MessageLevel.Critical)
            self.error = UnexpectedError(str(error) or type(error).__name__)
        finally:
            if client is not None:
                client.close()  # one client per task: its sockets end with it, not in the garbage collector
        return False

    def progress_callback(self, progress) -> None:
        """Client progress (any thread) → the QGIS task bar, at most once per half percent."""
        percent = 100.0 * progress.fraction
        # Each setProgress() queues a signal to the GUI thread: thousands of chunks would flood it.
        if percent >= 100.0 or abs(percent - self.progress()) >= 0.5:
            self.setProgress(percent)

    def is_cancelled(self) -> bool:
        return self.isCanceled()

    # --- GUI thread ----------------------------------------------------------------
    def finished(self, ok: bool) -> None:
        if not self.detached:
            if ok:
                self.succeeded.emit(self.result)
            else:
                error = self.error
                if error is None or (self.isCanceled() and not isinstance(error, UnexpectedError)):
                    error = TransferCancelledError("Cancelled.")
                self.failed.emit(error)
        self.done.emit()


# Detached tasks outlive their pool (plugin unload); QGIS still calls their Python
# `run()`/`finished()`, so they stay referenced here until they are done.
_detached_tasks: Set[ClientTask] = set()


def _forget_detached(task: "ClientTask") -> None:
    _detached_tasks.discard(task)


def is_cancellation(error: BaseException) -> bool:
    return isinstance(error, TransferCancelledError)


class TaskPool(QObject):
    """Keeps a Python reference to its tasks and runs at most `limit` at once (0 = no limit)."""

    idle = pyqtSignal()

    def __init__(self, limit: int = 0, parent: QObject = None) -> None:
        super().__init__(parent)
        self.limit = limit
        self._queued: List[ClientTask] = []
        self._running: List[ClientTask] = []
        self._start_scheduled = False

    @property
    def tasks(self) -> List[ClientTask]:
        return self._running + self._queued

    def submit(self, task: ClientTask) -> ClientTask:
        task.done.connect(self._on_task_done)
        self._queued.append(task)
        self._schedule()
        return task

    def _schedule(self) -> None:
        # Never call addTask() while QgsTaskManager is still handling another task's
        # completion (we are often inside finished()): QGIS then may leave the new task
        # queued forever (qgis/QGIS#53806). Starting from the event
        # loop avoids it on every QGIS version.
        if not self._start_scheduled:
            self._start_scheduled = True
            QTimer.singleShot(0, self._start_next)

    def _start_next(self) -> None:
        self._start_scheduled = False
        while self._queued and (not self.limit or len(self._running) < self.limit):
            task = self._queued.pop(0)
            self._running.append(task)
            QgsApplication.taskManager().addTask(task)

    def _on_task_done(self) -> None:
        task = self.sender()
        if task in self._running:
            self._running.remove(task)
        if self._queued:
            self._schedule()
        elif not self._running:
            self.idle.emit()

    def cancel_all(self, detach: bool = False) -> None:
        """Cancel every task; with `detach`, their results are dropped (used by unload)."""
        queued, self._queued = self._queued, []
        for task in queued:
            task.detached = True
        for task in list(self._running):
            if detach:
                task.detached = True
                task.done.disconnect(self._on_task_done)
                self._running.remove(task)
                _detached_tasks.add(task)
                task.done.connect(lambda task=task: _forget_detached(task))
            task.cancel()
