"""Run a bit of the plugin in a Python whose locale is plain ASCII (C, no UTF-8 mode), to prove
that a file is read as UTF-8 whatever the user's locale (Windows' code pages, a bare server)."""

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def printed_in_the_c_locale(script: str, *args: str) -> str:
    """What `script` (run with `args` as sys.argv[1:]) prints, stripped; fails with its stderr."""
    env = dict(os.environ, LC_ALL="C", LANG="C", PYTHONUTF8="0", PYTHONCOERCECLOCALE="0")
    out = subprocess.run(
        [sys.executable, "-c", script, *args], cwd=REPO, env=env, capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr
    return out.stdout.strip()
