"""pytest plugin of `make mutation` (`-p tests.support.mutation_select`): collects only the test
files of the group under test (`QFC_MUTATION_TESTS`: comma-separated globs such as
`tests/test_client_*.py`).

mutmut forgets every result when its list of test paths changes, as it does when a test file is
added; with this filter the list mutmut sees stays `tests`, and a new test file only adds tests.
"""

import fnmatch
import os

_ENV = "QFC_MUTATION_TESTS"


def pytest_ignore_collect(collection_path, config):
    patterns = [p for p in os.environ.get(_ENV, "").split(",") if p]
    if not patterns or collection_path.is_dir() or not collection_path.name.startswith("test_"):
        return None
    name = collection_path.relative_to(config.rootpath).as_posix()
    return None if any(fnmatch.fnmatchcase(name, p) for p in patterns) else True
