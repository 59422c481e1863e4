"""The QGIS 3.40 matrix entry's own tooling (scripts/qgis340/, `make test`), without building anything."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SCRIPTS = REPO / "scripts" / "qgis340"


@pytest.mark.parametrize("name", ["common.sh", "build_root.sh", "run_in_root.sh", "run_tests.sh"])
def test_shell_scripts_parse(name):
    result = subprocess.run(["bash", "-n", str(SCRIPTS / name)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_root_pip_conf_keeps_remote_indexes_and_drops_host_folders(tmp_path):
    conf = tmp_path / "pip.conf"
    conf.write_text(
        "[global]\n"
        "index-url = https://pypi.example.test/simple\n"
        "extra-index-url = file:///opt/pypi/simple https://mirror.example.test/simple\n"
        "find-links = /opt/wheels\n"
        "trusted-host = mirror.example.test\n"
        "cert = /somewhere/on/the/host/ca.pem\n"
        "timeout = 60\n"
    )
    env = {"PATH": os.environ["PATH"], "HOME": str(tmp_path / "home"), "PIP_CONFIG_FILE": str(conf)}
    out = subprocess.run(
        [sys.executable, str(SCRIPTS / "host_pip_conf.py")], env=env, capture_output=True, text=True, check=True
    ).stdout
    lines = out.splitlines()
    assert lines[0] == "[global]"
    assert "index-url = https://pypi.example.test/simple" in lines
    assert "extra-index-url = https://mirror.example.test/simple" in lines
    assert "trusted-host = mirror.example.test" in lines
    assert "timeout = 60" in lines
    assert "cert = /etc/ssl/certs/ca-certificates.crt" in lines  # the root's bundle, with the host's CAs added
    assert not any("find-links" in line or "file://" in line or "/opt/" in line for line in lines)


def test_root_environment_passes_remote_pip_settings_only():
    env = {
        "PATH": os.environ["PATH"],
        "PIP_INDEX_URL": "https://pypi.example.test/simple",
        "PIP_EXTRA_INDEX_URL": "file:///opt/pypi/simple https://mirror.example.test/simple",
        "PIP_FIND_LINKS": "/opt/wheels",
        "PIP_DEFAULT_TIMEOUT": "180",
        "SECRET_THING": "x",
        "QGIS340_ROOT": "/nonexistent",
    }
    if os.geteuid() != 0:
        pytest.skip("common.sh insists on root")
    out = subprocess.run(
        ["bash", "-c", ". {}; chroot_env".format(SCRIPTS / "common.sh")],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    assert "PIP_INDEX_URL=https://pypi.example.test/simple" in out
    assert "PIP_EXTRA_INDEX_URL=https://mirror.example.test/simple" in out
    assert "PIP_DEFAULT_TIMEOUT=180" in out
    assert not any(line.startswith(("PIP_FIND_LINKS=", "SECRET_THING=")) for line in out)
    assert any(line.startswith("PATH=/opt/qfc-venv/bin:") for line in out)


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
def test_make_test_refuses_an_unknown_qgis_version():
    result = subprocess.run(
        ["make", "--no-print-directory", "-C", str(REPO), "test", "QGIS_MATRIX=3.22 9.99"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "unknown QGIS version '9.99'" in result.stdout + result.stderr
