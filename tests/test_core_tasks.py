"""ClientTask and TaskPool on QGIS's real task manager: limits, errors, cancel."""

import threading

from qgis.core import QgsApplication

from qfieldcloud_plugin.client import NotFoundError, TransferCancelledError
from qfieldcloud_plugin.core.tasks import ClientTask, TaskPool, UnexpectedError
from tests.support.qgis_plugin_env import captured_log, wait_until


def _no_client():
    return None


def _started_before_any_ends(limit):
    """How many of 3 tasks run at once while none may end yet (each waits for `release`), then end them all.

    Events, not sleeps: a task cannot finish before the test says so, and the pool hands tasks to
    QGIS's task manager synchronously, so the count is exact on any machine, however loaded.
    """
    started, release, results = [], threading.Event(), []

    def work(_client, task):
        started.append(task.description())
        release.wait(timeout=60)  # a bound, in case the test itself fails before releasing
        return "done"

    pool = TaskPool(limit=limit)
    for i in range(3):
        task = ClientTask("limit {} work {}".format(limit, i), _no_client, work)
        task.succeeded.connect(results.append)
        pool.submit(task)
    wait_until(lambda: len(started) >= min(2, limit or 2), message="tasks running")
    ours = [t for t in QgsApplication.taskManager().tasks() if t.description().startswith("limit {} ".format(limit))]
    running_at_once = len(ours)
    release.set()
    wait_until(lambda: len(results) == 3, message="all tasks")
    assert results == ["done"] * 3 and pool.tasks == []
    return running_at_once


def test_pool_never_runs_more_than_its_limit(qgis_app):
    assert _started_before_any_ends(limit=0) == 3  # QGIS runs them side by side
    assert _started_before_any_ends(limit=1) == 1  # the others wait in the pool, not in QGIS


def test_errors_arrive_on_the_gui_thread_and_bugs_are_logged(qgis_app):
    errors = []
    pool = TaskPool()

    def not_found(_client, _task):
        raise NotFoundError("gone", status_code=404, code="object_not_found")

    def bug(_client, _task):
        return {}["missing"]

    with captured_log() as logged:
        for fn in (not_found, bug):
            task = ClientTask(fn.__name__, _no_client, fn)
            task.failed.connect(
                lambda error: errors.append((threading.current_thread() is threading.main_thread(), error))
            )
            pool.submit(task)
        wait_until(lambda: len(errors) == 2, message="errors")
    by_type = {type(error): on_main for on_main, error in errors}
    assert by_type == {NotFoundError: True, UnexpectedError: True}
    assert any(tag == "QFieldCloud" and "KeyError" in message for tag, message in logged)


def test_cancel_stops_a_running_task_between_chunks(qgis_app):
    chunks, failures = [], []
    next_chunk = threading.Event()

    def transfer(_client, task):
        for i in range(500):
            if task.is_cancelled():
                raise TransferCancelledError("stopped")
            chunks.append(i)
            next_chunk.wait(timeout=60)  # the test lets the next chunk go (a bound, not a clock)

    pool = TaskPool(limit=1)
    task = ClientTask("transfer", _no_client, transfer)
    task.failed.connect(failures.append)
    pool.submit(task)
    wait_until(lambda: chunks, message="transfer running")
    pool.cancel_all()
    next_chunk.set()
    wait_until(lambda: failures, message="cancelled")
    assert isinstance(failures[0], TransferCancelledError)
    assert chunks == [0]  # stopped at the first check after the cancel
