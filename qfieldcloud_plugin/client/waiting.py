"""Waiting for worker threads from the thread that Ctrl-C must reach.

A signal such as Ctrl-C may be delivered to any thread of the process; Python runs its handler (and
raises KeyboardInterrupt) in the main thread, but only once that thread runs again. A main thread
blocked in an endless wait on a lock would sleep through it until the work it waits for ends. So it
waits in steps.
"""

from concurrent.futures import Future, wait
from typing import Any, Iterable

# How often a waiting thread wakes up to notice a pending Ctrl-C.
SIGNAL_CHECK_S = 0.25


def wait_all(futures: Iterable["Future[Any]"]) -> None:
    """Return once every future is done; a Ctrl-C meanwhile raises KeyboardInterrupt at once."""
    pending = set(futures)
    while pending:
        _done, pending = wait(pending, timeout=SIGNAL_CHECK_S)
