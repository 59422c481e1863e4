"""ClientTask and TaskPool on QGIS's real task manager: limits, errors, cancel."""

import threading
import time

from qfieldcloud_plugin.client import NotFoundError, TransferCancelledError
from qfieldcloud_plugin.core.tasks import ClientTask, TaskPool, UnexpectedError
from tests.support.qgis_plugin_env import captured_log, wait_until


def _no_client():
    return None


def _peak_concurrency(limit):
    lock, running, peak = threading.Lock(), [0], [0]

    def work(_client, _task):
        with lock:
            running[0] += 1
            peak[0] = max(peak[0], running[0])
        time.sleep(0.05)
        with lock:
            running[0] -= 1
        return "done"

    pool = TaskPool(limit=limit)
    results = []
    for i in range(6):
        task = ClientTask("work {}".format(i), _no_client, work)
        task.succeeded.connect(results.append)
        pool.submit(task)
    assert len(pool.tasks) == 6
    wait_until(lambda: len(results) == 6, message="all tasks")
    assert results == ["done"] * 6 and pool.tasks == []
    return peak[0]


def test_pool_never_runs_more_than_its_limit(qgis_app):
    assert _peak_concurrency(limit=0) >= 2  # QGIS would run them side by side
    assert _peak_concurrency(limit=1) == 1


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
                lambda error: errors.append((threading.current_thread() is threading.main_thread(), error)))
            pool.submit(task)
        wait_until(lambda: len(errors) == 2, message="errors")
    by_type = {type(error): on_main for on_main, error in errors}
    assert by_type == {NotFoundError: True, UnexpectedError: True}
    assert any(tag == "QFieldCloud" and "KeyError" in message for tag, message in logged)


def test_cancel_stops_a_running_task_between_chunks(qgis_app):
    chunks, failures = [], []

    def transfer(_client, task):
        for i in range(500):
            if task.is_cancelled():
                raise TransferCancelledError("stopped")
            chunks.append(i)
            time.sleep(0.01)

    pool = TaskPool(limit=1)
    task = ClientTask("transfer", _no_client, transfer)
    task.failed.connect(failures.append)
    pool.submit(task)
    wait_until(lambda: len(chunks) > 5, message="transfer running")
    pool.cancel_all()
    wait_until(lambda: failures, message="cancelled")
    assert isinstance(failures[0], TransferCancelledError)
    assert len(chunks) < 500
