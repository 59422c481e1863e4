"""Every wait has a deadline, and a slow or stalled transfer is visible: drip-feeding servers,
Ctrl-C during a stall, per-file lines and retry warnings on stderr."""

import hashlib
import logging
import os
import signal
import subprocess
import sys
from pathlib import Path

from qfieldcloud_plugin.client import Client, ConnectionFailedError, FileTransferStatus
from qfieldcloud_plugin.client import transport as transport_module
from tests.support.fake_http import Reply, json_reply, listing_entry
from tests.support.qgis_plugin_env import wait_until

REPO = Path(__file__).resolve().parents[1]
PID = "0b7c2a3e-5b1d-4f7a-9c2e-8d3f4a5b6c7d"


def listed(data, name="a.bin"):
    return json_reply([listing_entry(name, data)])


def test_a_server_that_drip_feeds_is_abandoned_after_the_read_timeout_plus_the_margin(
    fake, tmp_path, monkeypatch, caplog
):
    monkeypatch.setattr(transport_module, "STALL_MARGIN_S", 0.5)
    data = os.urandom(2 * 1024 * 1024)
    fake.route("GET", f"api/v1/files/{PID}/", listed(data))
    fake.route("GET", f"api/v1/files/{PID}/a.bin/", Reply(200, {}, data, drip=0.05))  # 20 bytes/s: bytes keep coming
    client = Client(fake.url, token="t", read_timeout=0.5, max_retries=1)
    client.transport.backoff_factor = 0
    with caplog.at_level(logging.WARNING, logger="qfieldcloud_plugin.client"):
        files = client.download_project(PID, str(tmp_path))
    assert files[0]["status"] == FileTransferStatus.FAILED
    assert isinstance(files[0]["error"], ConnectionFailedError)
    assert 'Retrying "a.bin" after too little data for 1 s' in caplog.messages  # the retry was said, and why
    assert not (tmp_path / "a.bin").exists()


def ctrl_c_once_started(fake, command, path, started):
    """Run the CLI's `command` on `path`, send it SIGINT once `started(request)` is seen by the
    server, and return (its exit code, its stderr)."""
    env = dict(os.environ, QFIELDCLOUD_URL=fake.url, QFIELDCLOUD_TOKEN="t")
    # A shell's background job (`make test &`, or mutmut's workers) ignores SIGINT, and a child
    # inherits that: give the CLI the disposition a terminal gives it.
    cli = subprocess.Popen(
        [sys.executable, "-m", "qfieldcloud_plugin.client", command, PID, str(path)],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        wait_until(lambda: any(started(r) for r in fake.requests), timeout=120, message=f"the {command} to start")
        cli.send_signal(signal.SIGINT)
        # The default read timeout is 300 s: only the abort can end it within this bound (generous,
        # for a machine loaded by mutation testing, where starting the CLI alone can take long).
        _out, err = cli.communicate(timeout=120)
    finally:
        cli.kill()
    return cli.returncode, err


def test_ctrl_c_during_a_stalled_download_exits_130_promptly(fake, tmp_path):
    data = os.urandom(1024 * 1024)
    fake.route("GET", f"api/v1/files/{PID}/", listed(data))
    fake.route("GET", f"api/v1/files/{PID}/a.bin/", Reply(200, {}, data, drip=0.5))
    code, err = ctrl_c_once_started(fake, "download-files", tmp_path, lambda r: r.path.endswith("/a.bin/"))
    assert code == 130 and "Cancelled" in err and "Traceback" not in err
    assert not (tmp_path / "a.bin").exists()
    assert not [p for p in tmp_path.rglob("*") if p.is_file() and p.name != "downloaded.json"]


def test_ctrl_c_while_an_upload_waits_for_its_answer_exits_130_promptly(fake, tmp_path):
    (tmp_path / "a.csv").write_bytes(b"sent whole; the answer never comes")
    fake.route("GET", f"api/v1/files/{PID}/", json_reply([]))
    fake.route("POST", f"api/v1/files/{PID}/a.csv/", Reply(201, {}, b"{}", delay=600))
    code, err = ctrl_c_once_started(fake, "upload-files", tmp_path, lambda r: r.method == "POST")
    assert code == 130 and "Cancelled" in err and "Traceback" not in err


def test_the_cli_lists_each_file_as_it_arrives_and_says_when_it_retries_after_silence(fake, tmp_path):
    a, b = b"first file", b"second file"
    fake.route(
        "GET",
        f"api/v1/files/{PID}/",
        json_reply(
            [{"name": n, "size": len(d), "md5sum": hashlib.md5(d).hexdigest()} for n, d in (("a.txt", a), ("b.txt", b))]
        ),
    )
    fake.route("GET", f"api/v1/files/{PID}/a.txt/", Reply(200, {}, a))
    fake.route("GET", f"api/v1/files/{PID}/b.txt/", Reply(200, {}, b, delay=3), Reply(200, {}, b))
    env = dict(os.environ, QFIELDCLOUD_URL=fake.url, QFIELDCLOUD_TOKEN="t")
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "qfieldcloud_plugin.client",
            "--read-timeout",
            "1",
            "download-files",
            PID,
            str(tmp_path),
        ],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 0, run.stderr
    lines = run.stderr.splitlines()
    assert any(line.endswith(" a.txt") and line.startswith(("1/2", "2/2")) for line in lines), lines
    assert any(line.endswith(" b.txt") for line in lines), lines
    assert any("Retrying GET" in line and "after no data for 1 s" in line for line in lines), lines


def test_aborting_a_transfer_whose_answer_was_already_read_is_harmless(fake):
    import requests

    from qfieldcloud_plugin.client.watchdog import TransferWatch

    fake.route("GET", "api/v1/status/", json_reply({"database": "ok"}))
    response = requests.get(fake.url + "status/", stream=True, timeout=30)
    assert response.json() == {"database": "ok"}  # read to the end: its connection went back to the pool
    watch = TransferWatch(stall_s=None)
    key = watch.watch(response, deadline=float("inf"))
    watch.abort_all("cancelled")  # must not raise on a response without a socket
    assert watch.release(key) == "cancelled"
