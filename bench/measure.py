"""Child processes with their own wall time and peak RSS, and the statistics over repeated runs."""

import json
import os
import statistics
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field
from typing import Any, Dict, List, Mapping, Optional, Sequence


@dataclass
class ChildRun:
    argv: Sequence[str]
    returncode: int
    wall_s: float  # measured by the parent, start-up included
    peak_rss_mb: float  # the child's VmHWM (its own report, else sampled)
    stdout: str
    stderr: str
    report: Dict[str, Any] = field(default_factory=dict)  # the child's JSON line, if any
    timed_out: bool = False  # killed after `timeout` seconds; `seconds` is then a lower bound

    @property
    def seconds(self) -> float:
        """The child's own timing of the operation when it reports one, else the wall time."""
        if self.timed_out:
            return self.wall_s
        return float(self.report.get("seconds", self.wall_s))

    def check(self) -> "ChildRun":
        if self.returncode != 0 and not self.timed_out:
            raise RuntimeError(
                f"{' '.join(map(str, self.argv))} exited {self.returncode}:\n{self.stderr[-3000:]}{self.stdout[-1000:]}"
            )
        return self


def run_child(
    argv: Sequence[str], env: Optional[Mapping[str, str]] = None, cwd: Optional[str] = None, timeout: float = 1800.0
) -> ChildRun:
    """Runs argv to completion (wait4 on exactly this child) with its wall time and peak RSS."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(list(map(str, argv)), stdout=out, stderr=err, env=dict(env or os.environ), cwd=cwd)
        killed = threading.Event()

        def kill() -> None:
            killed.set()
            process.kill()

        killer = threading.Timer(timeout, kill)
        killer.start()
        sampler = _HwmSampler(process.pid)
        try:
            _, status, usage = os.wait4(process.pid, 0)
        finally:
            killer.cancel()
            sampler.stop()
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
    report: Dict[str, Any] = {}
    for line in reversed(stdout.strip().splitlines()):
        if line.startswith("{"):
            try:
                report = json.loads(line)
            except ValueError:
                pass
            break
    # ru_maxrss is useless here: Linux carries the parent's high-water mark into a child across exec
    # (posix_spawn/vfork share the parent's mm), so every child would "peak" at the harness's RSS.
    # Python children report their own VmHWM; others are sampled from /proc/<pid>/status.
    peak_kb = report.get("vmhwm_kb") or sampler.peak_kb
    return ChildRun(argv, process.returncode, wall, peak_kb / 1024.0, stdout, stderr, report, timed_out=killed.is_set())


def vmhwm_kb(pid: str = "self") -> int:
    """Peak resident set size of a process (VmHWM) in KiB; 0 if unknown."""
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


class _HwmSampler(threading.Thread):
    """Polls a child's VmHWM every 5 ms until it exits (it is monotonic, so the last value wins)."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak_kb = str(pid), 0
        self._done = threading.Event()
        self.start()

    def run(self) -> None:
        while not self._done.is_set():
            self.peak_kb = max(self.peak_kb, vmhwm_kb(self.pid))
            self._done.wait(0.005)

    def stop(self) -> None:
        self._done.set()
        self.join()


def median(values: List[Optional[float]]) -> Optional[float]:
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def ratios(numerators: List[Optional[float]], denominators: List[Optional[float]]) -> List[Optional[float]]:
    """Pair by pair within one repetition (numerator_i / denominator_i)."""
    return [a / b if a is not None and b else None for a, b in zip(numerators, denominators)]
