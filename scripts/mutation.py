"""`make mutation`: mutation testing (mutmut) of the safety-critical code, with a score per module.

Each group runs in its own work folder (`.mutation/<group>/`, not in git) on a copy of the plugin
and the tests, so that mutmut's `mutants/` tree and its cache never touch the clone. Functions
outside the scope below are marked `# pragma: no mutate block` in that copy only: the scope lives
here, in one table, instead of in comments scattered through the code.

The run fails when a module scores under the target, or when a mutant survives that
`tests/MUTATION.md` does not list with the reason it is equivalent.

    scripts/mutation.py [--group client|core] [--module client/names.py ...] [--jobs N] [--report-only]
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Sequence, Set

import libcst as cst
from mutation_batch import Supervisor, is_listed, listed_equivalents

REPO = Path(__file__).resolve().parent.parent
PLUGIN = "qfieldcloud_plugin"
WORK = REPO / ".mutation"
EQUIVALENTS_FILE = REPO / "tests" / "MUTATION.md"
MUTMUT = Path(sys.executable).parent / "mutmut"  # the test venv's
TARGET = 95.0
ALL = None  # every function of the module is in scope

# module -> the functions in scope (qualified as Class.method), or ALL. Grouped by what the tests
# need: the client's tests run without QGIS (4x faster per mutant), core's need it.
GROUPS = {
    "client": {
        "qgis": False,
        "scope": {
            # the transfer engine: download, staging, verification, resume
            # (not the progress display, client/progress.py)
            "client/download.py": ALL,
            "client/batch.py": ALL,
            "client/multipart.py": ALL,
            "client/local_files.py": ALL,
            "client/disk.py": ALL,
            "client/staging.py": ALL,
            "client/hashing.py": ALL,
            "client/checksums.py": ALL,
            "client/download_record.py": ALL,
            "client/watchdog.py": ALL,
            "client/atomic_file.py": ALL,
            # the upload and download engine
            "client/uploads.py": ALL,
            "client/downloads.py": ALL,
            "client/file_download.py": ALL,
            "client/download_targets.py": ALL,
            "client/files.py": {"FilesApi._fresh_file_info", "_listing_entry_problem"},
            # path safety and the ignore rules
            "client/names.py": ALL,
            "client/ignore.py": ALL,
            # the transport's retry, redirect and TLS rules (not the decoding of answers, pagination
            # or the wording of errors)
            "client/transport.py": {
                "env_verify_ssl",
                "resolve_timeout",
                "_Session.should_strip_auth",
                "_Session.merge_environment_settings",
                "Transport.__init__",
                "Transport.abort_transfers",
                "Transport.request",
                "Transport._send",
                "Transport.request_decoded",
                "Transport.connection_error",
            },
            "client/retry.py": ALL,
            "client/urls.py": {"origin", "safe_url"},
            # redaction of secrets in errors
            "client/errors.py": {
                "mask_secrets",
                "QfcRequestException.__str__",
                "QfcRequestException.__repr__",
                "_one_line",
            },
            # the CLI's exit codes (the parser's help texts are not in scope)
            "client/cli/main.py": {"main", "_show_warnings_on_stderr"},
            "client/cli/files.py": {"_raise_if_failed"},
            "client/cli/arguments.py": {"whole_number", "seconds"},
        },
        "tests": [
            "tests/test_client_*.py",
            "tests/test_cli.py",
            "tests/test_cli_input.py",
            "tests/test_faults.py",
            "tests/test_security.py",
            "tests/test_bad_input.py",
        ],
    },
    "core": {
        "qgis": True,
        "scope": {
            # the sync planner and its execution
            "core/sync.py": ALL,
            "core/sync_state.py": ALL,
            "core/geopackage.py": {"is_sqlite_name", "sqlite_content_sha256"},  # not the Browser's table list
            "core/local_scan.py": ALL,
            "core/sync_execution.py": ALL,
            "core/uploads.py": ALL,
            "core/downloads.py": {
                "replaced_by_download",
                "DownloadResult.of",
                "download_package",
                "download_project",
                "record_in_sync_base",
            },
            # log redaction
            "core/log.py": ALL,
        },
        "tests": [
            "tests/test_core_*.py",
            "tests/test_gui_sync.py",
            "tests/test_gui_sync_recheck.py",
            "tests/test_gui_upload.py",
            "tests/test_gui_layers.py",
            "tests/test_gui_package_safety.py",
        ],
    },
}

PRAGMA = "# pragma: no mutate block"


class _OutOfScope(cst.CSTTransformer):
    """Marks each function that is not in `scope` so that mutmut leaves it alone."""

    def __init__(self, scope: Set[str]) -> None:
        self.scope = scope
        self.path: List[str] = []

    def visit_ClassDef(self, node: cst.ClassDef) -> bool:
        self.path.append(node.name.value)
        return True

    def leave_ClassDef(self, original: cst.ClassDef, updated: cst.ClassDef) -> cst.ClassDef:
        self.path.pop()
        return updated

    def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
        self.path.append(node.name.value)
        return False  # nested functions belong to their outer function's scope

    def leave_FunctionDef(self, original: cst.FunctionDef, updated: cst.FunctionDef) -> cst.FunctionDef:
        name = ".".join(self.path)
        self.path.pop()
        if name in self.scope or not isinstance(updated.body, cst.IndentedBlock):
            return updated
        header = updated.body.header.with_changes(comment=cst.Comment(PRAGMA), whitespace=cst.SimpleWhitespace("  "))
        return updated.with_changes(body=updated.body.with_changes(header=header))


def _copy_tree(source: Path, target: Path) -> None:
    """Copy `source` over `target`, rewriting only files whose bytes differ (mutmut's cache keys on them)."""
    for path in sorted(source.rglob("*")):
        if "__pycache__" in path.parts or path.suffix in (".pyc", ".qm"):
            continue
        dest = target / path.relative_to(source)
        if path.is_dir():
            dest.mkdir(parents=True, exist_ok=True)
        elif not dest.exists() or dest.read_bytes() != path.read_bytes():
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, dest)


def _pytest_args(spec: dict) -> List[str]:
    args = ["-c", "tests/pytest.ini", "-p", "no:cacheprovider", "-p", "tests.support.mutation_select"]
    return args if spec["qgis"] else args + ["-p", "no:pytest_qgis"]


def prepare(group: str) -> Path:
    spec = GROUPS[group]
    work = WORK / group
    work.mkdir(parents=True, exist_ok=True)
    _copy_tree(REPO / PLUGIN, work / PLUGIN)
    _copy_tree(REPO / "tests", work / "tests")
    for module, scope in spec["scope"].items():
        if scope is ALL:
            continue
        path = work / PLUGIN / module
        tree = cst.parse_module((REPO / PLUGIN / module).read_text(encoding="utf-8"))
        marked = tree.visit(_OutOfScope(set(scope))).code
        if path.read_text(encoding="utf-8") != marked:
            path.write_text(marked, encoding="utf-8")
    # the CLI tests run the CLI in a subprocess: let mutmut see what it calls (tests/support/mutation_site)
    pytest_args = _pytest_args(spec) + ["-p", "tests.support.mutation_hits"]
    config = "\n".join(
        [
            "[tool.mutmut]",
            f"source_paths = [{json.dumps(PLUGIN)}]",
            f"only_mutate = {json.dumps([f'{PLUGIN}/{m}' for m in spec['scope']])}",
            f"pytest_add_cli_args = {json.dumps(pytest_args)}",
            # the group's test files are chosen by tests/support/mutation_select.py: a list of files
            # here would change with every new test file, and mutmut would forget every result
            'pytest_add_cli_args_test_selection = ["tests"]',
            # mutmut collects the map of tests in a process forked from a server process. The client's
            # server collects the tests first; QgsApplication starts threads, and a fork of a process
            # that has threads can deadlock, so core's server imports nothing. (The mutants themselves
            # run in scripts/mutation_batch.py's workers, with its own time limits.)
            'process_isolation = "forkserver"',
            f'forkserver_warmup = "{"none" if spec["qgis"] else "collect"}"',
            "use_git_change_detection = false",
            "",
        ]
    )
    (work / "pyproject.toml").write_text(config, encoding="utf-8")
    return work


def run(work: Path, group: str, jobs: int, modules: Sequence[str] = (), retest: Sequence[str] = ()) -> int:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    # Each mutated module holds a copy of every mutated function (client.py grows to megabytes):
    # without the bytecode cache, every CLI subprocess of every mutant would compile them again.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPATH"] = os.pathsep.join(
        filter(None, [str(work / "tests" / "support" / "mutation_site"), env.get("PYTHONPATH")])
    )
    env["QFC_MUTATION_TESTS"] = ",".join(GROUPS[group]["tests"])
    with open(work / "mutmut.log", "wb") as log:
        command = [sys.executable, str(Path(__file__).with_name("mutation_batch.py")), "generate", "--jobs", str(jobs)]
        command += [f"--module={m}" for m in modules] + [f"--rerun={s}" for s in retest]
        code = subprocess.call(command, cwd=work, env=env, stdout=log, stderr=subprocess.STDOUT)
    if code:
        return code
    return Supervisor(work, env, _pytest_args(GROUPS[group]), jobs).run()


def _status_by_exit_code(work: Path) -> Dict[Optional[int], str]:
    here = os.getcwd()
    os.chdir(work)  # mutmut reads its configuration from the current folder when imported
    try:
        from mutmut.__main__ import status_by_exit_code
    finally:
        os.chdir(here)
    return dict(status_by_exit_code)


def results(work: Path) -> Dict[str, Dict[str, str]]:
    """module -> {mutant name: status}"""
    status_of = _status_by_exit_code(work)
    out: Dict[str, Dict[str, str]] = {}
    for meta in sorted((work / "mutants" / PLUGIN).rglob("*.py.meta")):
        module = str(meta.relative_to(work / "mutants" / PLUGIN))[: -len(".meta")]
        codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
        out[module] = {
            name: status_of.get(code, "crashed" if code is not None and code < 0 else f"exit {code}")
            for name, code in codes.items()
        }
    return out


def diff_of(work: Path, name: str) -> str:
    shown = subprocess.run([str(MUTMUT), "show", name], cwd=work, capture_output=True, text=True, timeout=120)
    return "\n".join(
        line
        for line in shown.stdout.splitlines()[1:]
        if line.startswith(("+", "-")) and not line.startswith(("+++", "---"))
    )


# "segfault" is how mutmut files a worker it had to SIGKILL after its CPU-time limit; "crashed" a
# worker that another signal ended, such as PyQt's abort on an exception in a Qt callback (the
# clean run of the same tests, which mutmut checks first, does not crash)
CAUGHT = ("killed", "timeout", "caught by type check", "segfault", "crashed")
NOT_RUN = "not checked"


def report(group_results: Dict[str, Dict[str, Dict[str, str]]], works: Dict[str, Path]) -> int:
    equivalents = listed_equivalents(EQUIVALENTS_FILE)
    rows, unexplained, failing, incomplete = [], [], [], []
    summary = {}
    for group, modules in group_results.items():
        for module, statuses in modules.items():
            counts = Counter(statuses.values())
            total = sum(counts.values())
            tested = total - counts[NOT_RUN]
            caught = sum(counts[s] for s in CAUGHT)
            survivors = sorted(n for n, s in statuses.items() if s not in CAUGHT and s != NOT_RUN)
            listed = [n for n in survivors if is_listed(n, equivalents)]
            # the usual mutation score: killed out of the mutants that can be killed at all, i.e.
            # without those tests/MUTATION.md shows to be equivalent
            score = 100.0 * caught / (tested - len(listed)) if tested > len(listed) else 0.0
            raw = 100.0 * caught / tested if tested else 0.0
            rows.append((module, total, tested, caught, len(survivors), len(listed), raw, score))
            summary[module] = {
                "mutants": total,
                "tested": tested,
                "killed": caught,
                "survived": len(survivors),
                "equivalent": len(listed),
                "killed_of_tested": round(raw, 1),
                "score": round(score, 1),
            }
            if tested < total:
                incomplete.append(module)
            elif score < TARGET:
                failing.append(module)
            unexplained += [(group, n, statuses[n]) for n in survivors if not is_listed(n, equivalents)]
    width = max(len(r[0]) for r in rows) if rows else 10
    print(f"\n{'module':<{width}}  mutants  tested  killed  survived  equivalent  killed/tested   score")
    for module, total, tested, caught, survived, listed, raw, score in rows:
        print(
            f"{module:<{width}}  {total:7d}  {tested:6d}  {caught:6d}  {survived:8d}  {listed:10d}  "
            f"{raw:12.1f}%  {score:5.1f}%"
        )
    total, tested, caught, listed = (sum(r[i] for r in rows) for i in (1, 2, 3, 5))
    print(
        f"{'all':<{width}}  {total:7d}  {tested:6d}  {caught:6d}  {tested - caught:8d}  {listed:10d}  "
        f"{100.0 * caught / max(tested, 1):12.1f}%  {100.0 * caught / max(tested - listed, 1):5.1f}%"
    )
    print("score: killed out of tested, without the equivalent mutants (tests/MUTATION.md)")
    (WORK / "score.json").write_text(json.dumps(summary, indent=1, sort_keys=True), encoding="utf-8")
    if unexplained:
        print(f"\n{len(unexplained)} surviving mutants are neither killed nor listed in tests/MUTATION.md:")
        for group, name, status in unexplained:
            print(f"\n{name} ({status})\n{diff_of(works[group], name)}")
    if failing:
        print(f"\nUnder {TARGET:.0f}%: {', '.join(failing)}")
    if incomplete:
        print(f"\nNot every mutant was tested yet (score over those tested): {', '.join(incomplete)}")
    return 1 if unexplained or failing or incomplete else 0


def main(argv: Optional[Iterable[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--group", choices=sorted(GROUPS), action="append", help="run only this group (repeatable); default: all"
    )
    # the tests wait on sockets and timers more than they compute: more workers than cores pay
    parser.add_argument("--jobs", type=int, default=2 * (os.cpu_count() or 2) + 1, help="mutants tested at once")
    parser.add_argument("--report-only", action="store_true", help="print the last results, run nothing")
    parser.add_argument(
        "--module",
        action="append",
        default=[],
        metavar="PATH",
        help="test only this module's mutants (as in GROUPS: client/names.py); repeatable",
    )
    parser.add_argument(
        "--retest",
        action="append",
        default=[],
        metavar="STATUS",
        help="test again the mutants with this result (survived, timeout, ...); repeatable",
    )
    args = parser.parse_args(list(argv) if argv is not None else None)
    groups = args.group or [g for g in GROUPS if not args.module or any(m in GROUPS[g]["scope"] for m in args.module)]
    works, group_results = {}, {}
    for group in groups:
        works[group] = WORK / group if args.report_only else prepare(group)
        if not args.report_only:
            print(f"mutmut: group {group} (log: {works[group] / 'mutmut.log'})", flush=True)
            try:
                code = run(
                    works[group], group, args.jobs, [m for m in args.module if m in GROUPS[group]["scope"]], args.retest
                )
            except KeyboardInterrupt:  # SIGINT or SIGTERM: the supervisor saved what was tested
                print("mutmut: stopped; the results so far are kept, a new run goes on from them", file=sys.stderr)
                return 130
            if code:
                print(f"mutmut run failed with exit code {code}; see {works[group] / 'mutmut.log'}")
                return code
        group_results[group] = results(works[group])
    return report(group_results, works)


if __name__ == "__main__":
    sys.exit(main())
