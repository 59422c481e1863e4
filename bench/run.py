"""`make bench`: our client vs the official qfieldcloud-sdk vs curl/cp, against the local server.

    .venv/bin/python -m bench --scale small|full [--sdk-python bench/.venv-sdk/bin/python]
                              [--only download_small,upload_small,...] [--runs N] [--ours-ref HEAD]

Every measured operation runs in its own child process (`bench/runner.py`, or curl / cp), so
its peak RSS is its own. Each repetition runs ours, the SDK and the limit back to back
(alternating the order), ratios are taken within a repetition, and every figure is the median
over the repetitions. Writes `bench/results.json` (workload figures) and
`bench/results.meta.json` (scale, machine, server throughput, versions).
"""

import argparse
import json
import os
import platform
import re
import shutil
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Sequence

from qfieldcloud_plugin.client import Client
from tests.support.local_server import LocalServer

from . import link, report
from .measure import ChildRun, median, ratios, run_child
from .workloads import BENCH_USER, LINK_SCALES, PROJECTS, SCALES, Scale, generate

BENCH_DIR = Path(__file__).resolve().parent
# curl's parallel transfers for the many-small-files workloads (curl -Z --parallel-max 8)
CURL_PARALLEL = ("--parallel", "--parallel-max", "8")
REPO = BENCH_DIR.parent
RUNNER = BENCH_DIR / "runner.py"
GUI_STALL = BENCH_DIR / "gui_stall.py"
WORKLOADS = [
    "download_small",
    "upload_small",
    "download_large",
    "upload_large",
    "redownload",
    "list_files",
    "list_projects",
    "gui_stall",
]
MB = 1e6
# the many-small-files contenders that are shown beside ours but judge no target
COMPARED_ONLY = ("curl_sequential", "ours_4_at_once")


class Bench:
    def __init__(
        self,
        scale: Scale,
        sdk_python: Path,
        work: Path,
        runs: int,
        ours_ref: str = "",
        list_budget: float = 60.0,
        link_text: str = "",
    ) -> None:
        self.link_text = link_text
        self.link: Optional[link.LinkSpec] = link.LinkSpec.parse(link_text) if link_text else None
        self.link_process: Optional[subprocess.Popen] = None
        self.link_measured: Dict[str, float] = {}
        self.api_url = ""
        self.scale, self.sdk_python, self.work, self.runs = scale, sdk_python, work, runs
        self.list_budget = list_budget
        self.ours_ref = ours_ref
        self.ours_python = Path(sys.executable)
        self.server: Optional[LocalServer] = None
        self.client: Optional[Client] = None
        self.data: Dict[str, Any] = {}
        self.curl_rates: Dict[str, float] = {}

    # --- set-up ------------------------------------------------------------------------------
    def start(self) -> None:
        self.machine = machine()  # the load average before we add ours
        self.commit = self.ours_commit()
        if self.work.exists():
            shutil.rmtree(self.work)
        self.work.mkdir(parents=True)
        t0 = time.perf_counter()
        self.data = generate(self.work, self.scale)
        log(f"generated workloads in {time.perf_counter() - t0:.1f}s under {self.work}")
        self.server = LocalServer(users=dict([BENCH_USER]), orgs={}, data_dir=self.data["server_dir"]).start()
        self.api_url = self.server.url
        if self.link is not None:
            self.api_url = self.start_link()
        self.client = Client(url=self.api_url)
        self.client.login(*BENCH_USER)
        base = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "QFIELDCLOUD_TOKEN")}
        base.update(QFIELDCLOUD_URL=self.api_url, QFIELDCLOUD_TOKEN=self.client.token)
        self.env_sdk = dict(base)
        ours_path = str(REPO)
        if self.ours_ref:
            # Measure a committed snapshot of the plugin, not a working tree someone is editing.
            source = self.work / "ours-src"
            source.mkdir()
            archive = subprocess.run(
                ["git", "-C", str(REPO), "archive", self.ours_ref, "qfieldcloud_plugin"],
                check=True,
                capture_output=True,
            ).stdout
            subprocess.run(["tar", "-x", "-C", str(source)], input=archive, check=True)
            ours_path = f"{source}{os.pathsep}{REPO}"
            log(f"our client from {self.ours_ref} ({self.commit})")
        self.env_ours = dict(base, PYTHONPATH=ours_path)
        log(f"server {self.server.url} (pid {self.server.process.pid}), data in {self.data['server_dir']}")

    def start_link(self) -> str:
        """Put the emulated link (bench/link.py, a process of its own) between every tool and the
        server; measure it first. Returns the API URL through the link."""
        self.link_measured = link.measure(self.link)
        log(
            "link {}: measured RTT {:.1f} ms, one stream {:.1f} Mbit/s down, handshake {:.0f} ms".format(
                self.link.name,
                self.link_measured["rtt_ms"],
                self.link_measured["down_mbit_s"],
                self.link_measured["setup_s"] * 1000,
            )
        )
        port = self.server.url.split(":")[2].split("/")[0]
        self.link_process = subprocess.Popen(
            [sys.executable, "-m", "bench.link", "--upstream", "127.0.0.1:" + port, "--link", self.link_text],
            cwd=str(REPO),
            stdout=subprocess.PIPE,
            text=True,
        )
        line = self.link_process.stdout.readline()  # "listening <port>", or "" if it died
        if not line.startswith("listening "):
            raise RuntimeError("the emulated link did not start")
        return self.server.url.replace(":" + port + "/", ":" + line.split()[1] + "/")

    # Round trips no client can avoid, per workload: the connection's handshake, the listing (one
    # request at best), and the first transfer's request; a re-sync of unchanged files needs no
    # transfer. The bytes are the listing's and the files'.
    LIMIT_ROUND_TRIPS = {
        "download_small": 3,
        "upload_small": 3,
        "download_large": 3,
        "upload_large": 3,
        "redownload": 2,
        "list_files": 2,
        "list_projects": 2,
    }
    # the project whose file listing a workload reads first (its bytes count in the limit)
    LISTED_PROJECT = {
        "download_small": "small",
        "download_large": "large",
        "redownload": "redownload",
        "list_files": "listing",
    }

    def link_limit(self, name: str) -> Optional[float]:
        """The physical limit of `name` on the emulated link (bench/link.physical_limit), or None."""
        if self.link is None or name not in self.LIMIT_ROUND_TRIPS:
            return None
        s = self.scale
        down = {"download_small": s.small_files * s.small_size, "download_large": s.large_size}.get(name, 0)
        if name in self.LISTED_PROJECT:
            down += len(json.dumps(self.client.list_remote_files(PROJECTS[self.LISTED_PROJECT[name]])))
        elif name == "list_projects":
            down += len(json.dumps(self.client.list_projects()))
        up = {"upload_small": s.small_files * s.small_size, "upload_large": s.large_size}.get(name, 0)
        return link.physical_limit(self.link, self.LIMIT_ROUND_TRIPS[name], down, up)

    def ours_commit(self) -> str:
        return subprocess.run(
            ["git", "-C", str(REPO), "rev-parse", "--short", self.ours_ref or "HEAD"], capture_output=True, text=True
        ).stdout.strip()

    def stop(self) -> None:
        if self.link_process is not None:
            self.link_process.terminate()
            self.link_process.wait(timeout=10)
        if self.server is not None:
            self.server.stop()

    # --- helpers -----------------------------------------------------------------------------
    def side(self, side: str, op: str, timeout: float = 1800.0, **args: Any) -> ChildRun:
        python = self.ours_python if side == "ours" else self.sdk_python
        env = self.env_ours if side == "ours" else self.env_sdk
        run = run_child(
            [python, RUNNER, side, op, json.dumps({k: str(v) for k, v in args.items()})], env=env, timeout=timeout
        )
        run.check()
        if run.timed_out:
            return run
        if run.report.get("failed"):
            raise RuntimeError(f"{side} {op}: {run.report['failed']} files failed\n{run.stderr[-2000:]}")
        return run

    def curl(self, *args: str) -> ChildRun:
        run = run_child(["curl", "-sS", "--fail", "-H", f"Authorization: Token {self.client.token}", *args])
        return run.check()

    def url(self, path: str) -> str:
        return self.api_url + path

    def fresh(self, *parts: str) -> Path:
        path = self.work.joinpath(*parts)
        if path.exists():
            shutil.rmtree(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        return path

    def new_project(self, label: str) -> str:
        return self.client.create_project(f"bench-{label}-{uuid.uuid4().hex[:8]}")["id"]

    def repeat(
        self, steps: Dict[str, Callable[[int], ChildRun]], once: Sequence[str] = ()
    ) -> Dict[str, List[ChildRun]]:
        """Each repetition runs every step once; the order alternates between repetitions.

        On an emulated link the steps in `once` run in the first repetition only: they are shown
        for comparison but judge no target, and at 150 ms each of them costs half a minute a run.
        """
        out: Dict[str, List[ChildRun]] = {name: [] for name in steps}
        names = list(steps)
        for i in range(self.runs):
            for name in names if i % 2 == 0 else list(reversed(names)):
                if i == 0 or self.link is None or name not in once:
                    out[name].append(steps[name](i))
        return out

    def summarize(self, runs: Dict[str, List[ChildRun]], limit: str = "curl") -> Dict[str, Any]:
        secs = {name: [r.seconds for r in rs] for name, rs in runs.items()}
        entry: Dict[str, Any] = {
            "ours_s": median(secs.get("ours", [])),
            "sdk_s": median(secs.get("sdk", [])),
            "limit_s": median(secs.get(limit, [])),
            "ours_peak_rss_mb": median([r.peak_rss_mb for r in runs.get("ours", [])]),
            "sdk_peak_rss_mb": median([r.peak_rss_mb for r in runs.get("sdk", [])]),
        }
        for name in secs:
            if name not in ("ours", "sdk", limit):
                entry[f"{name}_s"] = median(secs[name])
        if "ours" in secs and "sdk" in secs:
            entry["sdk_over_ours"] = median(ratios(secs["sdk"], secs["ours"]))
        for side in ("ours", "sdk"):
            reported = [r.report["requests"] for r in runs.get(side, []) if "requests" in r.report]
            if reported:
                entry[f"{side}_requests"] = median(reported)
        entry["runs"] = {name: [round(s, 4) for s in values] for name, values in secs.items()}
        return entry

    # --- workloads ---------------------------------------------------------------------------
    def download_small(self) -> Dict[str, Any]:
        pid, n = PROJECTS["small"], self.data["small_count"]
        files = self.client.list_remote_files(pid)
        config = self.work / "curl-download-small.cfg"

        def client_step(side, **options):
            def step(i):
                target = self.fresh("dl", f"small-{side}-{i}")
                run = self.side(side, "download_project", project_id=pid, dir=target, **options)
                expect_files(target, n)
                shutil.rmtree(target)
                return run

            return step

        def curl_step(*parallel):
            def step(i):
                target = self.fresh("dl", f"small-curl-{i}")
                config.write_text(
                    "".join(
                        f'url = "{self.url("files/" + pid + "/" + f["name"] + "/")}"\noutput = "{target / f["name"]}"\n'
                        for f in files
                    )
                )
                run = self.curl(*parallel, "--create-dirs", "-K", str(config))
                expect_files(target, n)
                shutil.rmtree(target)
                return run

            return step

        def copy_step(i):
            target = self.fresh("dl", f"small-copy-{i}")
            run = run_child(["cp", "-r", self.data["small_dir"], target]).check()
            shutil.rmtree(target)
            return run

        runs = self.repeat(small_files_steps(client_step, curl_step, copy_step), once=COMPARED_ONLY)
        entry = self.summarize(runs)
        entry["curl_files_per_s"] = n / entry["limit_s"]
        self.curl_rates["small_download_files_per_s"] = entry["curl_files_per_s"]
        return entry

    def upload_small(self) -> Dict[str, Any]:
        n, folder = self.data["small_count"], self.data["small_dir"]
        names = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
        config = self.work / "curl-upload-small.cfg"

        def client_step(side, **options):
            def step(i):
                pid = self.new_project(f"up-small-{side}")
                run = self.side(side, "upload_files", project_id=pid, dir=folder, **options)
                self.expect_remote(pid, n)
                self.client.delete_project(pid)
                return run

            return step

        def curl_step(*parallel):
            def step(i):
                pid = self.new_project("up-small-curl")
                auth = f"Authorization: Token {self.client.token}"
                config.write_text(
                    "next\n".join(
                        f'url = "{self.url("files/" + pid + "/" + name + "/")}"\nform = "file=@{folder / name}"\n'
                        f'header = "{auth}"\noutput = "/dev/null"\n'
                        for name in names
                    )
                )
                run = self.curl(*parallel, "-K", str(config))
                self.expect_remote(pid, n)
                self.client.delete_project(pid)
                return run

            return step

        def copy_step(i):
            target = self.fresh("up", f"small-copy-{i}")
            run = run_child(["cp", "-r", folder, target]).check()
            shutil.rmtree(target)
            return run

        runs = self.repeat(small_files_steps(client_step, curl_step, copy_step), once=COMPARED_ONLY)
        entry = self.summarize(runs)
        entry["curl_files_per_s"] = n / entry["limit_s"]
        self.curl_rates["small_upload_files_per_s"] = entry["curl_files_per_s"]
        return entry

    def download_large(self) -> Dict[str, Any]:
        pid, size = PROJECTS["large"], self.data["large_size"]

        def client_step(side):
            def step(i):
                target = self.fresh("dl", f"large-{side}-{i}")
                run = self.side(side, "download_project", project_id=pid, dir=target)
                expect_size(target / "orthophoto.tif", size)
                shutil.rmtree(target)
                return run

            return step

        def curl_step(i):
            target = self.fresh("dl", f"large-curl-{i}")
            target.mkdir(parents=True)
            run = self.curl("-o", str(target / "orthophoto.tif"), self.url(f"files/{pid}/orthophoto.tif/"))
            expect_size(target / "orthophoto.tif", size)
            shutil.rmtree(target)
            return run

        def copy_step(i):
            target = self.fresh("dl", f"large-copy-{i}")
            target.mkdir(parents=True)
            run = run_child(["cp", self.data["large_file"], target / "orthophoto.tif"]).check()
            shutil.rmtree(target)
            return run

        runs = self.repeat(
            {"ours": client_step("ours"), "sdk": client_step("sdk"), "curl": curl_step, "copy": copy_step},
            once=("sdk",),  # on a link the large-file targets are against the link's limit, not the SDK
        )
        entry = self.summarize(runs)
        self._throughput(entry, runs, size, "download")
        return entry

    def upload_large(self) -> Dict[str, Any]:
        size, folder, source = self.data["large_size"], self.data["large_dir"], self.data["large_file"]

        def client_step(side):
            def step(i):
                pid = self.new_project(f"up-large-{side}")
                run = self.side(side, "upload_files", project_id=pid, dir=folder)
                self.expect_remote(pid, 1, size)
                self.client.delete_project(pid)
                return run

            return step

        def curl_step(i):
            pid = self.new_project("up-large-curl")
            run = self.curl("-o", "/dev/null", "-F", f"file=@{source}", self.url(f"files/{pid}/orthophoto.tif/"))
            self.expect_remote(pid, 1, size)
            self.client.delete_project(pid)
            return run

        def copy_step(i):
            target = self.fresh("up", f"large-copy-{i}")
            target.mkdir(parents=True)
            run = run_child(["cp", source, target / "orthophoto.tif"]).check()
            shutil.rmtree(target)
            return run

        runs = self.repeat(
            {"ours": client_step("ours"), "sdk": client_step("sdk"), "curl": curl_step, "copy": copy_step},
            once=("sdk",),  # on a link the large-file targets are against the link's limit, not the SDK
        )
        entry = self.summarize(runs)
        self._throughput(entry, runs, size, "upload")
        entry["curl_peak_rss_mb"] = median([r.peak_rss_mb for r in runs["curl"]])
        return entry

    def _throughput(self, entry: Dict[str, Any], runs: Dict[str, List[ChildRun]], size: int, kind: str) -> None:
        secs = {name: [r.seconds for r in rs] for name, rs in runs.items()}
        entry["ours_mb_s"] = size / MB / entry["ours_s"]
        entry["sdk_mb_s"] = size / MB / entry["sdk_s"]
        entry["curl_mb_s"] = size / MB / entry["limit_s"]
        entry["copy_mb_s"] = size / MB / entry["copy_s"]
        # throughput ratio = curl time / our time, pair by pair
        entry["ours_throughput_vs_curl"] = median(ratios(secs["curl"], secs["ours"]))
        self.curl_rates[f"large_{kind}_mb_s"] = entry["curl_mb_s"]

    def redownload(self) -> Dict[str, Any]:
        pid, n = PROJECTS["redownload"], self.data["small_count"] + 1
        first: Dict[str, ChildRun] = {}
        for side in ("ours", "sdk"):
            target = self.fresh("redl", side)
            first[side] = self.side(side, "download_project", project_id=pid, dir=target)
            expect_files(target, n)

        def client_step(side):
            def step(i):
                run = self.side(side, "download_project", project_id=pid, dir=self.work / "redl" / side)
                expect_files(self.work / "redl" / side, n)
                return run

            return step

        def curl_step(i):  # the floor: the one listing request a client cannot avoid
            return self.curl("-o", "/dev/null", self.url(f"files/{pid}/"))

        runs = self.repeat({"ours": client_step("ours"), "sdk": client_step("sdk"), "curl": curl_step})
        entry = self.summarize(runs)
        for side in ("ours", "sdk"):
            entry[f"{side}_first_s"] = first[side].seconds
            entry[f"{side}_file_gets_200"] = max(r.report["file_gets_200"] for r in runs[side])
            entry[f"{side}_bytes_in"] = max(r.report["bytes_in"] for r in runs[side])
        for side in ("ours", "sdk"):
            shutil.rmtree(self.work / "redl" / side)
        return entry

    def _listing(self, op: str, args: Dict[str, str], expected: int, path: str) -> Dict[str, Any]:
        """Listings get a time budget per run: a run over it is killed, counted as a lower bound, and
        that side is not repeated (a server that is O(items) per page makes them O(items²))."""
        runs: Dict[str, List[ChildRun]] = {"ours": [], "sdk": [], "curl": [], "page": []}
        for i in range(self.runs):
            for side in ("ours", "sdk") if i % 2 == 0 else ("sdk", "ours"):
                if runs[side] and runs[side][-1].timed_out:
                    continue
                run = self.side(side, op, timeout=self.list_budget, **args)
                if not run.timed_out and run.report["result_count"] != expected:
                    raise RuntimeError(f"{side} {op}: {run.report['result_count']} items, expected {expected}")
                runs[side].append(run)
            # one unpaginated request for the whole list, and one 20-item page (the SDK's page size)
            runs["curl"].append(self.curl("-o", "/dev/null", self.url(path)))
            runs["page"].append(self.curl("-o", "/dev/null", self.url(path + "?limit=20&offset=0")))
        entry = self.summarize(runs)
        entry["items"] = expected
        entry["page20_s"] = median([r.seconds for r in runs["page"]])
        # what a client paging 20 at a time needs on this server, even when its run was stopped
        entry["est_20_per_page_s"] = -(-expected // 20) * entry["page20_s"]
        entry["budget_s"] = self.list_budget
        for side in ("ours", "sdk"):
            if any(r.timed_out for r in runs[side]):
                entry[f"{side}_timed_out"] = True
                entry.pop(f"{side}_requests", None)
        return entry

    def list_files(self) -> Dict[str, Any]:
        pid = PROJECTS["listing"]
        return self._listing("list_files", {"project_id": pid}, self.scale.list_files, f"files/{pid}/")

    def list_projects(self) -> Dict[str, Any]:
        expected = max(self.scale.list_projects, len(PROJECTS))
        return self._listing("list_projects", {}, expected, "projects/")

    def gui_stall(self) -> Dict[str, Any]:
        pid, n = PROJECTS["small"], self.data["small_count"]
        env = dict(self.env_ours, QT_QPA_PLATFORM="offscreen")
        gui_runs = []
        for i in range(self.runs):
            target = self.fresh("gui", str(i))
            run = run_child([self.ours_python, GUI_STALL, pid, target], env=env).check()
            if run.report.get("error") or run.report.get("result_count") != n:
                raise RuntimeError(f"gui_stall: {run.report}\n{run.stderr[-2000:]}")
            expect_files(target, n)
            shutil.rmtree(target)
            gui_runs.append(run)
        entry = self.summarize({"ours": gui_runs})
        gaps = [r.report["max_gap_ms"] for r in gui_runs]
        entry.update(
            max_gap_ms=max(gaps),
            median_max_gap_ms=median(gaps),
            p99_gap_ms=median([r.report["p99_gap_ms"] for r in gui_runs]),
            idle_max_gap_ms=max(r.report["idle_max_gap_ms"] for r in gui_runs),
            files=n,
        )
        return entry

    def expect_remote(self, pid: str, count: int, size: Optional[int] = None) -> None:
        files = self.client.list_remote_files(pid)
        if len(files) != count or (size is not None and files[0]["size"] != size):
            raise RuntimeError(f"project {pid}: {len(files)} files on the server, expected {count}")


def small_files_steps(
    client_step: Callable[..., Callable[[int], ChildRun]],
    curl_step: Callable[..., Callable[[int], ChildRun]],
    copy_step: Callable[[int], ChildRun],
) -> Dict[str, Callable[[int], ChildRun]]:
    """The contenders of a many-small-files workload, each a step of one repetition."""
    return {
        "ours": client_step("ours"),
        # the lever: the default before transfers were fitted to the work (flight.py)
        "ours_4_at_once": client_step("ours", concurrency=4),
        "sdk": client_step("sdk"),
        "curl": curl_step(*CURL_PARALLEL),
        "curl_sequential": curl_step(),
        "copy": copy_step,
    }


def expect_files(folder: Path, count: int) -> None:
    # the client's own state (.qfieldcloud/) and other hidden files are not downloads
    found = sum(
        1
        for p in folder.rglob("*")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    )
    if found != count:
        raise RuntimeError(f"{folder}: {found} files, expected {count}")


def expect_size(path: Path, size: int) -> None:
    if path.stat().st_size != size:
        raise RuntimeError(f"{path}: {path.stat().st_size} bytes, expected {size}")


def log(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def machine() -> Dict[str, Any]:
    info: Dict[str, Any] = {
        "cpus": os.cpu_count(),
        "platform": platform.platform(),
        "python": platform.python_version(),
    }
    try:
        info["os"] = (
            dict(line.split("=", 1) for line in Path("/etc/os-release").read_text().splitlines() if "=" in line)
            .get("PRETTY_NAME", "")
            .strip('"')
        )
        model = [line for line in Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")]
        info["cpu"] = model[0].split(":", 1)[1].strip() if model else ""
        info["load_avg_at_start"] = os.getloadavg()
    except OSError:
        pass
    return info


def _dirty(path: str) -> bool:
    return bool(
        subprocess.run(
            ["git", "-C", str(REPO), "status", "--porcelain", "--", path], capture_output=True, text=True
        ).stdout.strip()
    )


def sdk_version(python: Path) -> str:
    out = subprocess.run(
        [str(python), "-c", "import importlib.metadata as m; print(m.version('qfieldcloud-sdk'))"],
        capture_output=True,
        text=True,
    )
    return out.stdout.strip() or "unknown"


def main(argv: List[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", choices=sorted(SCALES), default="full")
    parser.add_argument("--sdk-python", type=Path, default=BENCH_DIR / ".venv-sdk" / "bin" / "python")
    parser.add_argument(
        "--only", default="", help="comma-separated workloads (default: all; on a link all but gui_stall)"
    )
    parser.add_argument("--runs", type=int, default=0, help="repetitions (default: the scale's, at least 3)")
    parser.add_argument("--work", type=Path, default=BENCH_DIR / "work")
    parser.add_argument("--output", type=Path, default=BENCH_DIR / "results.json")
    parser.add_argument("--keep", action="store_true", help="keep bench/work (server data) afterwards")
    parser.add_argument(
        "--list-budget",
        type=float,
        default=60.0,
        help="seconds one listing run may take before it is stopped (default 60)",
    )
    parser.add_argument(
        "--ours-ref", default="", help="benchmark the plugin as committed at this git ref (default: the working tree)"
    )
    parser.add_argument(
        "--link",
        default="",
        help="an emulated link between the tools and the server: 50ms, 150ms or rtt=80ms,down=50mbit,up=10mbit "
        "(results go to results-<link>.json)",
    )
    args = parser.parse_args(argv)
    scale = (LINK_SCALES if args.link else SCALES)[args.scale]
    if args.link:
        try:
            link.LinkSpec.parse(args.link)
        except ValueError as error:
            parser.error(str(error))
        if args.output == BENCH_DIR / "results.json":
            args.output = BENCH_DIR / "results-{}.json".format(re.sub(r"[^A-Za-z0-9]+", "-", args.link).strip("-"))
    # the GUI stall is the plugin's own loop, not the network's: it is measured on loopback
    default = [w for w in WORKLOADS if not (args.link and w == "gui_stall")]
    selected = [w for w in (args.only.split(",") if args.only else default) if w]
    unknown = set(selected) - set(WORKLOADS)
    if unknown:
        parser.error(f"unknown workloads: {', '.join(sorted(unknown))}")
    if not args.sdk_python.exists():
        parser.error(f"{args.sdk_python} is missing: run `make bench` (it creates bench/.venv-sdk)")
    if shutil.which("curl") is None:
        parser.error("curl is required")

    # make may start us with SIGINT ignored (background jobs); SIGTERM must still stop the server.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    started = time.perf_counter()
    bench = Bench(
        scale, args.sdk_python, args.work.resolve(), args.runs or scale.runs, args.ours_ref, args.list_budget, args.link
    )
    results: Dict[str, Dict[str, Any]] = {}
    try:
        bench.start()
        for name in selected:
            t0 = time.perf_counter()
            results[name] = getattr(bench, name)()
            limit = bench.link_limit(name)
            if limit is not None and results[name].get("ours_s"):
                results[name]["link_limit_s"] = round(limit, 3)
                results[name]["ours_over_link_limit"] = round(results[name]["ours_s"] / limit, 2)
            target, status = report.verdict(name, results[name], args.link)
            log(
                f"{name}: ours {results[name]['ours_s']:.3f}s, sdk {results[name].get('sdk_s') or 0:.3f}s, "
                f"limit {results[name].get('limit_s') or 0:.3f}s — {status} ({time.perf_counter() - t0:.0f}s)"
            )
    except BaseException:
        if results:  # keep what was measured before the failure
            partial = args.output.with_name(args.output.stem + ".partial.json")
            report.write_json(partial, results)
            log(f"stopped by an error; the workloads measured so far are in {partial}")
        raise
    finally:
        bench.stop()
        if not args.keep and bench.work.exists():
            shutil.rmtree(bench.work, ignore_errors=True)

    meta = {
        "scale": scale.__dict__,
        "runs": bench.runs,
        "machine": getattr(bench, "machine", None),
        "ours": f"{args.ours_ref or 'working tree'} at {getattr(bench, 'commit', '?')}"
        + ("" if args.ours_ref or not _dirty("qfieldcloud_plugin") else " (with uncommitted changes)"),
        "sdk_version": sdk_version(args.sdk_python),
        "curl": subprocess.run(["curl", "--version"], capture_output=True, text=True).stdout.split("\n")[0],
        "server_curl_throughput": bench.curl_rates,
        "link": {"spec": bench.link.name, "measured": bench.link_measured} if bench.link else None,
        "total_s": round(time.perf_counter() - started, 1),
        "date": time.strftime("%Y-%m-%d %H:%M:%S %Z"),
    }
    report.write_json(args.output, results)
    report.write_json(args.output.with_suffix(".meta.json"), meta)
    print(report.markdown_table(results, args.link))
    print()
    if bench.link is not None:
        measured = bench.link_measured
        print(
            "link {}: measured RTT {:.1f} ms, one stream {:.1f} Mbit/s down, handshake {:.0f} ms".format(
                bench.link.name, measured["rtt_ms"], measured["down_mbit_s"], measured["setup_s"] * 1000
            )
        )
    print(
        f"scale {scale.name}, {bench.runs} runs, qfieldcloud-sdk {meta['sdk_version']}, "
        f"curl through the server: " + ", ".join(f"{k} {v:.0f}" for k, v in bench.curl_rates.items())
    )
    rate = bench.curl_rates.get("large_download_mb_s")
    if rate is not None and rate < 300 and bench.link is None:
        print(
            f"WARNING: curl downloads only {rate:.0f} MB/s from the local server; below ~300 MB/s the server "
            "or the machine, not the client, bounds the large-file figures"
        )
    print(f"total {meta['total_s']}s; figures in {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
