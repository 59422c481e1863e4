"""Driving the plugin's upload and synchronize flows in tests as a click would: start the flow, then
wait until it reports its end (its result, an error, or None when the user cancelled)."""

from typing import Any, Callable, List

from tests.support.qgis_plugin_env import wait_for_tasks, wait_until


def run_to_end(start: Callable[[], None], results: List[Any], timeout: float, what: str) -> Any:
    """Call `start()`, wait for one more entry in `results` (a list its finished signal appends to)
    and for the tasks it started; return that entry."""
    before = len(results)
    start()
    wait_until(lambda: len(results) > before, timeout=timeout, message=what)
    wait_for_tasks()
    return results[-1]


def sync(actions, results: List[Any]) -> Any:
    """Synchronize the open project with `actions` (whose `syncFinished` appends to `results`)."""
    return run_to_end(actions.sync_current_project, results, 90, "sync result")


def upload(actions, results: List[Any]) -> Any:
    """Upload the open project with `actions` (whose `uploadFinished` appends to `results`)."""
    return run_to_end(actions.upload_current_project, results, 60, "upload result")
