"""The mutant runner of `make mutation`: mutmut makes the mutants and maps each function to the
tests that reach it; long-lived pytest workers (tests/support/mutation_batch.py) then test the
mutants one after another, and this supervisor keeps the time limits and files the results in
mutmut's own result files (`mutants/**/*.py.meta`), so that `mutmut show` and the cache still work.

Why not `mutmut run`: it starts a pytest process per mutant. With QGIS that start costs more than
testing the mutant (about one mutant a minute), and QGIS's threads deadlock a forked copy.

    python scripts/mutation_batch.py generate   (in the work folder: mutants, stats, job queue)
"""

import ast
import fnmatch
import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence

# mutmut's exit codes (mutmut.stats.status_by_exit_code)
KILLED, SURVIVED, NO_TESTS, SUSPICIOUS, TIMEOUT = 1, 0, 33, 35, 36
# a mutant that outlives (time its tests took in the clean run) x 4 + 60 s is stopped as a timeout
TIME_FACTOR, TIME_MARGIN_S = 4.0, 60.0  # each test has its own, shorter limit
# a mutant whose worker crashed, or which left state that broke a later clean test, is tested once
# more in a fresh worker before its result is filed
TRIES = 2
SURVIVORS_FILE = Path("survivors.json")  # in the work folder


def generate(jobs: int, modules: Sequence[str], rerun: Sequence[str]) -> None:
    """In the work folder: make the mutants, collect or load the test map, and queue one job per
    mutant that has no result yet, or whose status is in `rerun`."""
    from mutmut.__main__ import (
        collect_or_load_stats,
        collect_source_file_mutation_data,
        copy_also_copy_files,
        copy_src_dir,
        create_mutants,
        setup_source_paths,
        store_lines_covered_by_tests,
    )
    from mutmut.mutation.trampoline import set_mutant_under_test
    from mutmut.state import state
    from mutmut.stats import status_by_exit_code
    from mutmut.utils.format_utils import mangled_name_from_mutant_name
    from mutmut.workers.isolation import get_mutant_runner

    set_mutant_under_test("mutant_generation")
    os.makedirs("mutants", exist_ok=True)
    copy_src_dir()
    copy_also_copy_files()
    setup_source_paths()
    store_lines_covered_by_tests()
    create_mutants(jobs)
    _forget_test_map_if_functions_were_added(collect_source_file_mutation_data, mangled_name_from_mutant_name)
    runner = get_mutant_runner(jobs)
    try:
        collect_or_load_stats(runner, apply_config_invalidation=True)
    finally:
        runner.shutdown()
    set_mutant_under_test("")
    queue = Path("queue")
    shutil.rmtree(queue, ignore_errors=True)
    queue.mkdir()
    mutants, by_path = collect_source_file_mutation_data(mutant_names=())
    durations = state().duration_by_test
    survived_with = _load_json(SURVIVORS_FILE)
    equivalent = listed_equivalents(Path("tests") / "MUTATION.md")
    sources: Dict[str, Dict[str, str]] = {}
    file_hashes: Dict[str, str] = {}
    queued = 0
    for data, name, result in mutants:
        name = name.replace("__init__.", "")
        if modules and not any(str(data.path) == f"qfieldcloud_plugin/{m}" for m in modules):
            continue
        tests = sorted(
            state().tests_by_mangled_function_name.get(mangled_name_from_mutant_name(name), ()),
            key=lambda t: (durations.get(t, 0.0), t),
        )
        fingerprint = _fingerprint(tests, sources)
        if result == SURVIVED and survived_with.get(name) == _old_fingerprint(tests, file_hashes):
            survived_with[name] = fingerprint  # filed under the whole-file fingerprint: the same tests
        # mutmut tests a mutant again only when its function changes; a survivor is also tested
        # again when its tests did (a new test, or an edited one) unless tests/MUTATION.md explains
        # why no test can kill it, and a mutant that had no tests when the map lacked its function
        # has some now
        stale = (result == SURVIVED and survived_with.get(name) != fingerprint and not is_listed(name, equivalent)) or (
            result == NO_TESTS and tests
        )
        if result is not None and status_by_exit_code[result] not in rerun and not stale:
            continue
        if not tests:
            data.exit_code_by_key[name] = NO_TESTS
            continue
        estimate = sum(durations.get(t, 0.0) for t in tests)
        queued += 1
        job = {
            "id": f"{queued:06d}",
            "name": name,
            "meta": f"mutants/{data.path}.meta",
            "tests": [[t, durations.get(t, 0.0)] for t in tests],
            "estimate": estimate,
            "tries": 0,
            "fingerprint": fingerprint,
        }
        # fastest first, as mutmut does: the name sorts the queue
        (queue / f"1-{estimate:012.3f}-{job['id']}.json").write_text(json.dumps(job), encoding="utf-8")
    for data in by_path.values():
        data.save()
    SURVIVORS_FILE.write_text(json.dumps(survived_with, indent=0), encoding="utf-8")
    print(f"queued {queued} mutants", flush=True)


def _forget_test_map_if_functions_were_added(collect: Any, mangled_name: Any) -> None:
    """mutmut maps a function to the tests that call it only when it collects its stats: a function
    added since (split out of another, say) would be tested by the new tests alone, and its mutants
    would survive whatever the old tests check. Collect the map afresh when that happened."""
    stats = Path("mutants") / "mutmut-stats.json"
    known = set(_load_json(stats).get("function_hashes", {}))
    if not known:
        return
    mutants, _by_path = collect(mutant_names=())
    added = {mangled_name(name.replace("__init__.", "")) for _data, name, _result in mutants} - known
    if added:
        print(f"{len(added)} functions are new since the test map was made; mapping the tests again", flush=True)
        stats.unlink()


def listed_equivalents(path: Path) -> List[str]:
    """The mutant names (or name globs) in backticks that `path` (tests/MUTATION.md) explains as
    equivalent."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return []
    # a listed name, or a glob of names (`...x__cut_short__mutmut_*`) for a whole function
    return re.findall(r"`(qfieldcloud_plugin\.[\w.ǁ]+__mutmut_(?:\d+|\*))`", text)


def is_listed(name: str, equivalent: Sequence[str]) -> bool:
    return any(name == e or (e.endswith("*") and fnmatch.fnmatchcase(name, e)) for e in equivalent)


def _fingerprint(tests: Sequence[str], sources: Dict[str, Dict[str, str]]) -> str:
    """A hash of the tests' names and sources: each test's own function (or class) with the code
    of its file outside any test, so that a test added or edited elsewhere in the file leaves the
    fingerprint of the others as it was."""
    digest = hashlib.sha256(b"2\0")
    for test in tests:
        path, _, rest = test.partition("::")
        if path not in sources:
            sources[path] = _test_sources(Path("mutants", path).read_text(encoding="utf-8"))
        own = sources[path].get(rest.split("::")[0].split("[")[0], "")
        digest.update(f"{test}\0{sources[path]['']}\0{own}\0".encode("utf-8"))
    return digest.hexdigest()


def _test_sources(text: str) -> Dict[str, str]:
    """name -> source of each top-level test function or class (with its decorators); "" -> the
    rest of the file (imports, helpers, module fixtures)."""
    lines = text.splitlines(keepends=True)
    tests: Dict[str, str] = {}
    rest = []
    last = 0
    for node in ast.parse(text).body:
        is_test = isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and (
            node.name.startswith(("test", "Test"))
        )
        if not is_test:
            continue
        first = min([node.lineno] + [d.lineno for d in node.decorator_list]) - 1
        rest.append("".join(lines[last:first]))
        tests[node.name] = "".join(lines[first : node.end_lineno])
        last = node.end_lineno or first
    rest.append("".join(lines[last:]))
    tests[""] = hashlib.sha256("".join(rest).encode("utf-8")).hexdigest()
    return tests


def _old_fingerprint(tests: Sequence[str], file_hashes: Dict[str, str]) -> str:
    """The fingerprint of earlier runs (the tests' names and whole files), to carry their results over."""
    digest = hashlib.sha256()
    for test in tests:
        path = test.split("::")[0]
        if path not in file_hashes:
            file_hashes[path] = hashlib.sha256(Path("mutants", path).read_bytes()).hexdigest()
        digest.update(f"{test}\0{file_hashes[path]}\0".encode("utf-8"))
    return digest.hexdigest()


def _load_json(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


class _Worker:
    def __init__(self, index: int, work: Path, env: Dict[str, str], pytest_args: List[str], tests: List[str]):
        self.index, self.work = index, work
        self.log = work / f"worker-{index}.log"
        self.log.write_text("", encoding="utf-8")
        self.read = 0
        self.current: Optional[dict] = None
        self.started = 0.0
        self.basetemp = work / "tmp" / f"worker-{index}"
        self.basetemp.parent.mkdir(exist_ok=True)  # pytest makes the folder itself, not its parents
        env = dict(
            env,
            QFC_MUTATION_QUEUE=str(work / "queue"),
            QFC_MUTATION_LOG=str(self.log),
            QFC_MUTATION_WORKER=str(index),
            MUTANT_UNDER_TEST="",
        )
        with open(work / f"worker-{index}.out", "ab") as out:
            self.process = subprocess.Popen(
                # a long-lived worker runs thousands of tests: the tmp_path of a passed test goes at
                # once, the plugin removes the rest after each mutant
                [
                    sys.executable,
                    "-m",
                    "pytest",
                    "--rootdir=.",
                    "-q",
                    "--tb=line",
                    "-p",
                    "no:randomly",
                    "-o",
                    "tmp_path_retention_policy=failed",
                    # one folder per worker slot, emptied by pytest when a worker starts: a worker
                    # killed with a runaway mutant (a write that never ends) leaves no gigabytes behind
                    f"--basetemp={self.basetemp}",
                    "-p",
                    "tests.support.mutation_batch",
                    *pytest_args,
                    *tests,
                ],
                cwd=work / "mutants",
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def lines(self) -> List[List[str]]:
        with open(self.log, encoding="utf-8") as log:
            log.seek(self.read)
            text = log.read()
        complete = text[: text.rfind("\n") + 1]
        self.read += len(complete.encode("utf-8"))
        return [line.split("\t") for line in complete.splitlines()]

    def stop(self) -> None:
        try:
            os.killpg(self.process.pid, signal.SIGKILL)  # with the local servers its tests started
        except ProcessLookupError:
            pass
        self.process.wait()
        shutil.rmtree(self.basetemp, ignore_errors=True)


def _stop(signum, frame) -> None:
    raise KeyboardInterrupt


class Supervisor:
    def __init__(self, work: Path, env: Dict[str, str], pytest_args: List[str], workers: int):
        self.work, self.env, self.pytest_args, self.size = work, env, pytest_args, workers
        self.jobs = {}
        for path in (work / "queue").glob("*.json"):
            job = json.loads(path.read_text(encoding="utf-8"))
            self.jobs[job["id"]] = job
        # a worker collects only the test files that some queued mutant needs
        self.tests = sorted({t.split("::")[0] for job in self.jobs.values() for t, _seconds in job["tests"]})
        self.results: Dict[str, Dict[str, int]] = {}
        self.survived_with: Dict[str, str] = {}  # mutant -> the fingerprint of the tests it survived
        self.done = 0
        self.last_save = time.monotonic()

    def _file(self, job: dict, code: int) -> None:
        self.results.setdefault(job["meta"], {})[job["name"]] = code
        if code == SURVIVED:
            self.survived_with[job["name"]] = job["fingerprint"]
        self.done += 1
        if time.monotonic() - self.last_save > 30:
            self._save()

    def _save(self) -> None:
        for meta, codes in self.results.items():
            path = self.work / meta
            data = json.loads(path.read_text(encoding="utf-8"))
            data["exit_code_by_key"].update(codes)
            tmp = path.with_suffix(".tmp")
            tmp.write_text(json.dumps(data, indent=4), encoding="utf-8")
            os.replace(tmp, path)
        self.results.clear()
        survived_with = dict(_load_json(self.work / SURVIVORS_FILE), **self.survived_with)
        (self.work / SURVIVORS_FILE).write_text(json.dumps(survived_with, indent=0), encoding="utf-8")
        self.last_save = time.monotonic()
        print(f"{time.strftime('%H:%M:%S')} {self.done}/{len(self.jobs)} mutants tested", flush=True)

    def _again(self, job: dict, code: int) -> None:
        """Test the mutant once more in a fresh worker, or file `code` if it has had its tries."""
        job["tries"] += 1
        if job["tries"] >= TRIES:
            self._file(job, code)
            return
        (self.work / "queue" / f"0-{job['id']}.json").write_text(json.dumps(job), encoding="utf-8")

    def _handle(self, worker: _Worker, fields: List[str]) -> None:
        kind, job = fields[0], self.jobs.get(fields[1])
        if kind == "start":
            worker.current, worker.started = job, time.monotonic()
        elif kind == "done":
            worker.current = None
            self._file(job, int(fields[2]))
        elif kind == "polluted":
            worker.current = None
            self._again(job, SUSPICIOUS)

    def _follow(self, worker: _Worker) -> bool:
        """Handle what the worker logged; False once it has ended."""
        ended = worker.process.poll() is not None  # first: every line it wrote is in the log then
        for fields in worker.lines():
            self._handle(worker, fields)
        job = worker.current
        if job is not None and time.monotonic() - worker.started > job["estimate"] * TIME_FACTOR + TIME_MARGIN_S:
            worker.stop()
            worker.current = None
            for claimed in (self.work / f"claimed-{worker.index}").glob("*.json"):
                claimed.unlink()
            self._file(job, TIMEOUT)
            return False
        if not ended:
            return True
        # It died testing a mutant (a crash, such as PyQt's abort on an exception in a Qt
        # callback), or between claiming one and starting it: the claimed job is still there.
        for claimed in (self.work / f"claimed-{worker.index}").glob("*.json"):
            job = self.jobs[json.loads(claimed.read_text(encoding="utf-8"))["id"]]
            claimed.unlink()
            self._again(job, worker.process.returncode if worker.process.returncode < 0 else SUSPICIOUS)
        return False

    def _queue_empty(self) -> bool:
        return not any((self.work / "queue").glob("*.json"))

    def run(self) -> int:
        if not self.jobs:
            return 0
        for old in self.work.glob("claimed-*"):
            shutil.rmtree(old)
        for number in (signal.SIGTERM, signal.SIGINT):  # so that `finally` below stops the workers and saves
            signal.signal(number, _stop)
        workers = [_Worker(i, self.work, self.env, self.pytest_args, self.tests) for i in range(self.size)]
        serial = self.size
        try:
            while workers:
                time.sleep(0.5)
                alive = []
                for worker in workers:
                    if self._follow(worker):
                        alive.append(worker)
                    elif not self._queue_empty():
                        alive.append(_Worker(serial, self.work, self.env, self.pytest_args, self.tests))
                        serial += 1
                workers = alive
        finally:
            for worker in workers:
                worker.stop()
            self._save()
        return 0


if __name__ == "__main__" and sys.argv[1:2] == ["generate"]:
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument("command")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--module", action="append", default=[])
    parser.add_argument("--rerun", action="append", default=[])
    args = parser.parse_args()
    generate(args.jobs, args.module, args.rerun)
