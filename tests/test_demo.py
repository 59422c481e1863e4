"""The README's first command: `make demo` runs a CLI session against the local demo server."""

import subprocess
import sys

from tests.support.local_server import REPO_ROOT


def test_demo_cli_session_downloads_the_demo_package(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "scripts.demo", "cli", "--data", str(tmp_path)],
        cwd=str(REPO_ROOT), capture_output=True, text=True, timeout=180, stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "demo/demo-project" in done.stdout
    assert "finished" in done.stdout
    assert (tmp_path / "package" / "demo-project.qgs").is_file()
    assert (tmp_path / "package" / "data.gpkg").is_file()
    # The token is never shown in the transcript.
    assert "export QFIELDCLOUD_TOKEN" not in done.stdout
