"""pytest plugin of `make mutation` (`-p tests.support.mutation_hits`): adds the functions that a
test's subprocesses ran (see mutation_site/sitecustomize.py) to what mutmut recorded for the test."""

import os
import tempfile
from pathlib import Path

import pytest

_ENV = "QFC_MUTATION_HITS"


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    handle, path = tempfile.mkstemp(prefix="qfc-mutation-hits-")
    os.close(handle)
    os.environ[_ENV] = path


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_teardown(item, nextitem):
    # tryfirst: before mutmut's own teardown hook files the recorded calls under this test
    path = Path(os.environ.pop(_ENV, "") or os.devnull)
    if path == Path(os.devnull):
        return
    names = {line for line in path.read_text(encoding="utf-8").splitlines() if line}
    path.unlink()
    if names:
        from mutmut.state import state

        state()._stats.update(names)
