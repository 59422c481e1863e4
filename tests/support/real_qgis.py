"""Run the real QGIS desktop application under Xvfb with a Python script, in a throw-away profile.

Used by tests that must see what a user sees (plugin manager install, screenshots) and by `make demo`.
"""

import os
import shutil
import subprocess
import textwrap
from pathlib import Path
from typing import Dict, Optional

QGIS_BINARY = shutil.which("qgis") or "/usr/bin/qgis"
XVFB_RUN = shutil.which("xvfb-run") or "/usr/bin/xvfb-run"


def run_qgis_script(
    script: str,
    profiles_dir: Path,
    timeout: float = 120,
    env: Optional[Dict[str, str]] = None,
) -> subprocess.CompletedProcess:
    """Start QGIS with `--code script`, wait for it to quit, and return the finished process.

    The script runs inside QGIS once its main window is up; it must end QGIS itself
    (for example with `QTimer.singleShot(..., iface.actionExit().trigger)`).
    """
    profiles_dir.mkdir(parents=True, exist_ok=True)
    script_path = profiles_dir / "qgis_script.py"
    script_path.write_text(textwrap.dedent(script), encoding="utf-8")
    run_env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    run_env.update(env or {})
    command = [
        XVFB_RUN,
        "-a",
        "-s",
        "-screen 0 1400x900x24",
        QGIS_BINARY,
        "--nologo",
        "--noversioncheck",
        "--noplugins",
        "--profiles-path",
        str(profiles_dir),
        "--code",
        str(script_path),
    ]
    return subprocess.run(command, env=run_env, capture_output=True, text=True, timeout=timeout)
