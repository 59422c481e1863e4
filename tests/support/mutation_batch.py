"""pytest plugin of `make mutation` (`-p tests.support.mutation_batch`): one long-lived pytest
process tests mutant after mutant, instead of one new process per mutant.

mutmut's generated code looks up the active mutant at every call of a mutated function, so a
process can switch mutants between tests. This matters for the tests that need QGIS: starting
QGIS and collecting the tests takes longer than most mutants take to be killed, and QGIS's
threads make a forked copy of a started process deadlock.

The worker claims jobs from a queue folder (one JSON file per mutant: its name and the tests
that reach it, fastest first) by renaming a job into its own folder, which only one worker can
win. For each job it logs `start`, runs the tests until one fails, and logs `done <exit code>`:
1 (killed), 0 (survived) or 36 (timeout). (mutmut's own check that a "fail" mutant fails the tests
is not repeated here: an exception raised in a Qt callback aborts the process.) Killing a mutant can
leave state behind that breaks later tests;
so after a kill the failing test runs again with no mutant, and if it fails again the worker
logs `polluted` and stops, and `scripts/mutation_batch.py` tests that mutant again in a fresh
worker. The supervisor also enforces the time limits: a worker that hangs is killed from outside.
"""

import json
import os
import shutil
from pathlib import Path

import pytest

QUEUE_ENV = "QFC_MUTATION_QUEUE"
SURVIVED, KILLED, TIMEOUT = 0, 1, 36  # mutmut's exit codes
TIMEOUT_FACTOR, TIMEOUT_MARGIN_S = 5.0, 40.0
LOG_ENV = "QFC_MUTATION_LOG"
WORKER_ENV = "QFC_MUTATION_WORKER"


def _set_mutant(name):
    from mutmut.mutation.trampoline import set_mutant_under_test

    set_mutant_under_test(name)


class _Batch:
    def __init__(self, queue, log, worker):
        self.queue = queue
        self.claimed = queue.parent / f"claimed-{worker}"
        self.claimed.mkdir(exist_ok=True)
        self.log = log
        self.failed = self.timed_out = False
        # names (without their number) of the folders fixtures made: one made again is a module
        # fixture's, set up afresh for each mutant, and goes after it; a session fixture's is made once
        self.folder_kinds = set()

    def _claim(self):
        for job in sorted(self.queue.glob("*.json")):
            mine = self.claimed / job.name
            try:
                os.rename(job, mine)
            except FileNotFoundError:
                continue  # another worker took it first
            return mine, json.loads(mine.read_text(encoding="utf-8"))
        return None, None

    def _write(self, *fields):
        with open(self.log, "a", encoding="utf-8") as log:
            log.write("\t".join(str(f) for f in fields) + "\n")

    def _teardown(self, session, nextitem):
        try:
            session._setupstate.teardown_exact(nextitem)
        except Exception as error:  # a fixture's teardown: the test it belonged to has been judged
            self._write("note", "-", f"teardown: {error!r}")

    def pytest_runtest_logreport(self, report):
        if report.failed:
            self.failed = True
            self.timed_out = self.timed_out or "Timeout >" in str(report.longrepr)

    def _run(self, session, item, nextitem, seconds):
        # tear down what the previous test left set up and this one does not share (other module)
        self._teardown(session, item)
        # A mutant that hangs a test fails it after a few times its clean duration (pytest-timeout;
        # the supervisor's limit on the whole mutant is the last resort).
        item.add_marker(pytest.mark.timeout(TIMEOUT_MARGIN_S + TIMEOUT_FACTOR * seconds), append=False)
        self.failed = self.timed_out = False
        item.ihook.pytest_runtest_protocol(item=item, nextitem=nextitem)
        return not self.failed

    def _first_failure(self, session, items):
        for index, (item, seconds) in enumerate(items):
            nextitem = items[index + 1][0] if index + 1 < len(items) else None
            if not self._run(session, item, nextitem or session, seconds):
                return item, seconds
        return None, 0.0

    @pytest.hookimpl(tryfirst=True)
    def pytest_runtestloop(self, session):
        by_id = {item.nodeid: item for item in session.items}
        while True:
            # A claimed job stays in this worker's folder until its result is logged: if the
            # worker dies, the supervisor finds it there.
            claimed, job = self._claim()
            if job is None:
                break
            items = [(by_id[t], seconds) for t, seconds in job["tests"] if t in by_id]
            base = session.config._tmp_path_factory.getbasetemp()
            before = set(base.iterdir())
            self._write("start", job["id"])
            _set_mutant(job["name"])
            try:
                killer, seconds = self._first_failure(session, items)
            finally:
                _set_mutant("")
            timed_out = self.timed_out
            if killer is not None and not self._run(session, killer, session, seconds):
                self._write("polluted", job["id"], killer.nodeid)
                claimed.unlink()
                return True
            self._write("done", job["id"], TIMEOUT if timed_out else KILLED if killer is not None else SURVIVED)
            claimed.unlink()
            self._teardown(session, session)  # module fixtures start afresh for each mutant
            # the tmp_path folders of this mutant's tests (those of failed tests are kept by pytest);
            # not the session fixtures' folders (the local server's data), made on first use
            for made in set(base.iterdir()) - before:
                kind = made.name.rstrip("0123456789")
                if made.name.startswith("test_") or kind in self.folder_kinds:
                    shutil.rmtree(made, ignore_errors=True)
                self.folder_kinds.add(kind)
        return True


def pytest_configure(config):
    queue = os.environ.get(QUEUE_ENV)
    if queue:
        config.pluginmanager.register(
            _Batch(Path(queue), Path(os.environ[LOG_ENV]), os.environ[WORKER_ENV]), "qfc-mutation-batch"
        )
