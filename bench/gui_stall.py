"""GUI-thread stalls while the plugin's transfer QgsTask downloads a project.

Run with the plugin's interpreter under QT_QPA_PLATFORM=offscreen and PYTHONPATH=<repo>:
    python bench/gui_stall.py PROJECT_ID TARGET_DIR
A 5 ms QTimer on the GUI thread records the gap between its ticks, first for one idle second
(the noise floor of this machine), then while a `ClientTask` runs
`qfieldcloud_plugin.core.downloads.download_project` (the same task body the dock uses).
Prints one JSON line with the largest gap in milliseconds.
"""

import functools
import json
import sys
import time
from pathlib import Path


def main(argv):
    project_id, target = argv[0], Path(argv[1])
    from qgis.core import QgsApplication
    from qgis.PyQt.QtCore import QEventLoop, QTimer

    app = QgsApplication([], False)
    app.initQgis()
    from qfieldcloud_plugin.client import Client
    from qfieldcloud_plugin.core import downloads
    from qfieldcloud_plugin.core.tasks import ClientTask

    gaps = []
    last = [time.perf_counter()]

    def tick():
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(tick)
    timer.start()

    loop = QEventLoop()
    QTimer.singleShot(1000, loop.quit)
    loop.exec()
    idle_gaps, gaps[:] = list(gaps), []

    task = ClientTask(
        "bench download", Client, functools.partial(downloads.download_project, project_id=project_id, local_dir=target)
    )
    outcome = {}
    task.succeeded.connect(lambda result: outcome.update(result=result))
    task.failed.connect(lambda error: outcome.update(error=str(error)))
    task.done.connect(loop.quit)
    start = time.perf_counter()
    last[0] = start
    QgsApplication.taskManager().addTask(task)
    loop.exec()
    seconds = time.perf_counter() - start
    timer.stop()
    result = outcome.get("result") or []
    result = getattr(result, "files", result)  # core.downloads may wrap the per-file list in a result object
    ordered = sorted(gaps)
    print(
        json.dumps(
            {
                "seconds": seconds,
                "max_gap_ms": 1000 * max(gaps) if gaps else None,
                "p99_gap_ms": 1000 * ordered[int(0.99 * (len(ordered) - 1))] if ordered else None,
                "idle_max_gap_ms": 1000 * max(idle_gaps) if idle_gaps else None,
                "ticks": len(gaps),
                "result_count": len(result),
                "failed": sum(1 for f in result if str(f.get("status", "")).upper().endswith("FAILED")),
                "error": outcome.get("error"),
                "vmhwm_kb": next(
                    (int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM:")), 0
                ),
            }
        )
    )
    app.exitQgis()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
