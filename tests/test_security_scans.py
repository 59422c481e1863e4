"""bandit and detect-secrets, as plugins.qgis.org runs them: no finding may be left unexplained.

Accepted findings are explained inline (`# nosec Bxxx: reason`, `# pragma: allowlist secret
(reason)`) or, in modules owned by others, in `tests/support/security_baseline.json`.
"""

import json
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
BASELINE = json.loads((REPO / "tests" / "support" / "security_baseline.json").read_text())


def tool(name):
    path = Path(sys.executable).with_name(name)
    found = str(path) if path.exists() else shutil.which(name)
    if not found:
        pytest.fail(f"{name} is not installed: pip install -r tests/requirements.txt")
    return found


def source_line(filename, number):
    lines = (REPO / filename).read_text(encoding="utf-8").splitlines()
    return lines[number - 1].strip() if 0 < number <= len(lines) else ""


def test_bandit_finds_nothing_unexplained():
    out = subprocess.run(
        [tool("bandit"), "-r", "qfieldcloud_plugin", "-f", "json", "-q"],
        cwd=str(REPO),
        capture_output=True,
        text=True,
        timeout=300,
    )
    report = json.loads(out.stdout)
    assert not report["errors"], report["errors"]
    accepted = {(e["file"], e["test_id"], e["code"]) for e in BASELINE["bandit"]}
    assert all(e["reason"].strip() for e in BASELINE["bandit"])
    unexplained = [
        f"{r['filename']}:{r['line_number']} {r['test_id']} {r['issue_text']}"
        for r in report["results"]
        if (r["filename"], r["test_id"], source_line(r["filename"], r["line_number"])) not in accepted
    ]
    assert unexplained == []


def tracked_files():
    """`git ls-files`, or the paths in `.git/index` (format 2/3) where git is not installed."""
    if shutil.which("git"):
        out = subprocess.run(["git", "ls-files", "-z"], cwd=str(REPO), capture_output=True, check=True).stdout
        return [name for name in out.decode().split("\0") if name]
    data = (REPO / ".git" / "index").read_bytes()
    assert data[:4] == b"DIRC", "not a git index"
    version, count = struct.unpack(">II", data[4:12])
    if version not in (2, 3):
        pytest.skip(f"git is not installed and index version {version} is not read here")
    names, offset = [], 12
    for _ in range(count):
        flags = struct.unpack(">H", data[offset + 60 : offset + 62])[0]
        start = offset + 62 + (2 if version == 3 and flags & 0x4000 else 0)
        end = data.index(b"\0", start)
        names.append(data[start:end].decode("utf-8"))
        offset += ((end - offset) // 8 + 1) * 8  # entries are NUL-padded to a multiple of 8 bytes
    return names


def test_detect_secrets_finds_nothing_unexplained():
    baseline = "tests/support/security_baseline.json"  # holds the accepted findings' hashes
    files = [name for name in tracked_files() if name != baseline and (REPO / name).is_file()]
    out = subprocess.run(
        [tool("detect-secrets"), "scan", *files], cwd=str(REPO), capture_output=True, text=True, timeout=300
    )
    assert out.returncode == 0, out.stderr
    results = json.loads(out.stdout)["results"]
    accepted = {(e["file"], e["type"], e["hashed_secret"]) for e in BASELINE["detect_secrets"]}
    assert all(e["reason"].strip() for e in BASELINE["detect_secrets"])
    unexplained = [
        f"{name}:{item['line_number']} {item['type']}"
        for name, items in results.items()
        for item in items
        if (name, item["type"], item["hashed_secret"]) not in accepted
    ]
    assert unexplained == []
