"""The README's first command, `make demo`: QGIS with the plugin against the local demo server
(or, with `make demo-cli`, a CLI session against it)."""

import json
import os
import subprocess
import sys

from tests.support.local_server import REPO_ROOT
from tests.support.real_qgis import XVFB_RUN


def test_demo_cli_session_downloads_the_demo_package(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "scripts.demo", "cli", "--data", str(tmp_path)],
        cwd=str(REPO_ROOT),
        capture_output=True,
        text=True,
        timeout=180,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "demo/demo-project" in done.stdout
    assert "finished" in done.stdout
    assert (tmp_path / "package" / "demo-project_qfield.qgs").is_file()
    assert (tmp_path / "package" / "data.gpkg").is_file()
    # The token is never shown in the transcript.
    assert "export QFIELDCLOUD_TOKEN" not in done.stdout


def test_demo_without_a_display_says_how_to_run_it_under_xvfb(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    done = subprocess.run(
        [sys.executable, "-m", "scripts.demo", "qgis", "--data", str(tmp_path)],
        cwd=str(REPO_ROOT),
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert done.returncode == 2
    assert "no display" in done.stderr
    assert "xvfb-run" in done.stderr


def test_demo_opens_qgis_with_the_plugin_logged_in_to_the_local_server(tmp_path):
    png = tmp_path / "demo.png"
    done = subprocess.run(
        [
            XVFB_RUN,
            "-a",
            "-s",
            "-screen 0 1400x900x24",
            sys.executable,
            "-m",
            "scripts.demo",
            "qgis",
            "--data",
            str(tmp_path / "demo"),
            "--screenshot",
            str(png),
        ],
        cwd=str(REPO_ROOT),
        capture_output=True,
        text=True,
        timeout=180,
    )
    report = json.loads((tmp_path / "demo.png.json").read_text())
    assert "error" not in report, report
    assert report == {"projects": 1, "logged_in": True}, done.stdout + done.stderr
    assert png.stat().st_size > 10_000
    # The plugin ran from the throw-away profile, installed from the built zip.
    assert (
        tmp_path
        / "demo"
        / "profiles"
        / "profiles"
        / "default"
        / "python"
        / "plugins"
        / "qfieldcloud_plugin"
        / "metadata.txt"
    ).is_file()
