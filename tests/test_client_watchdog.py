"""The download watchdog: a steady download is never cut, a slow one meets its deadline, and an abort
reaches every transfer, even one that starts after it.

Real HTTP over loopback to a scriptable server that drip-feeds its answers.
"""

import os

import pytest
import requests

from qfieldcloud_plugin.client import Client, ConnectionFailedError, FileTransferStatus
from qfieldcloud_plugin.client import download as download_module
from qfieldcloud_plugin.client import transport as transport_module
from qfieldcloud_plugin.client import watchdog as watchdog_module
from qfieldcloud_plugin.client.watchdog import FILE_DEADLINE_BASE_S, SLOWEST_RATE_BPS, TransferWatch, file_deadline
from tests.support.fake_http import Reply, json_reply, listing_entry

PID = "0b7c2a3e-5b1d-4f7a-9c2e-8d3f4a5b6c7d"
SLOW = f"api/v1/files/{PID}/a.bin/"


def serve_dripping(fake, data, seconds_per_byte):
    fake.route("GET", f"api/v1/files/{PID}/", json_reply([listing_entry("a.bin", data)]))
    fake.route("GET", SLOW, Reply(200, {}, data, drip=seconds_per_byte))


def test_a_files_deadline_grows_with_its_size_at_the_slowest_rate_worth_waiting_for():
    assert file_deadline(None) == file_deadline(0) == FILE_DEADLINE_BASE_S
    assert file_deadline(10 * SLOWEST_RATE_BPS) == FILE_DEADLINE_BASE_S + 10


def test_a_steady_download_longer_than_the_stall_limit_is_not_cut(fake, tmp_path, monkeypatch):
    # a chunk every 0.2 s, for about 5 s in all, against a limit of 2.5 s without a chunk (a
    # shorter limit is cut by a loaded machine's scheduling, not by the code)
    monkeypatch.setattr(transport_module, "STALL_MARGIN_S", 0.5)
    monkeypatch.setattr(download_module, "DOWNLOAD_CHUNK_SIZE", 4)
    data = os.urandom(100)
    serve_dripping(fake, data, 0.05)
    client = Client(fake.url, token="t", read_timeout=2, max_retries=0)
    files = client.download_project(PID, str(tmp_path))
    assert files[0]["status"] == FileTransferStatus.SUCCESS, files[0]["error"]
    assert (tmp_path / "a.bin").read_bytes() == data
    assert client.transport.stats["resumes"] + client.transport.stats["restarts"] == 0  # never cut


def test_a_download_past_its_deadline_is_given_up_and_says_why(fake, tmp_path, monkeypatch):
    monkeypatch.setattr(watchdog_module, "FILE_DEADLINE_BASE_S", 1.0)
    monkeypatch.setattr(download_module, "DOWNLOAD_CHUNK_SIZE", 4)  # progress all along: only the deadline cuts
    serve_dripping(fake, os.urandom(100), 0.05)
    files = Client(fake.url, token="t", max_retries=3).download_project(PID, str(tmp_path))
    assert files[0]["status"] == FileTransferStatus.FAILED
    error = files[0]["error"]
    assert isinstance(error, ConnectionFailedError)
    assert error.message.startswith('Gave up on "a.bin" after ')
    assert error.message.endswith(" bytes: it took longer than its deadline")
    assert not (tmp_path / "a.bin").exists()
    assert len([r for r in fake.requests if r.path == "/" + SLOW]) == 1  # a passed deadline is not retried


def dripping_response(fake):
    """A streamed answer whose 10 bytes come one a second: a whole read would take 10 s."""
    response = requests.get(fake.root + SLOW, stream=True, timeout=(5, 30))
    assert response.status_code == 200
    return response


@pytest.fixture
def dripping(fake):
    fake.route("GET", SLOW, Reply(200, {}, b"0123456789", drip=1.0))
    responses = []

    def start():
        responses.append(dripping_response(fake))
        return responses[-1]

    yield start
    for response in responses:
        response.close()


def read_all(response):
    try:
        return response.raw.read()
    except Exception:  # a shut socket ends the read, with or without an error
        return b""


def test_an_abort_cuts_every_watched_download(dripping):
    watch = TransferWatch(stall_s=None)
    first, second = dripping(), dripping()
    keys = [watch.watch(first, float("inf")), watch.watch(second, float("inf"))]
    watch.abort_all("QGIS is closing")
    assert [len(read_all(r)) < 10 for r in (first, second)] == [True, True]  # both reads ended early
    assert [watch.release(k) for k in keys] == ["QGIS is closing"] * 2


def test_a_download_that_starts_after_an_abort_is_cut_at_once(dripping):
    watch = TransferWatch(stall_s=None)
    watch.abort_all("cancelled")
    response = dripping()
    key = watch.watch(response, float("inf"))
    assert len(read_all(response)) < 10
    assert watch.release(key) == "cancelled"


def test_a_finished_download_is_released_without_a_reason(dripping):
    watch = TransferWatch(stall_s=None)
    response = dripping()
    key = watch.watch(response, float("inf"))
    watch.progress(key)
    assert watch.release(key) is None


def test_a_download_past_its_deadline_is_cut_whatever_is_watched_beside_it(dripping):
    watch = TransferWatch(stall_s=None)
    healthy, late = dripping(), dripping()
    healthy_key = watch.watch(healthy, float("inf"))
    late_key = watch.watch(late, 0.0)  # its deadline has passed
    assert len(read_all(late)) < 10
    assert watch.release(late_key) == "it took longer than its deadline"
    assert watch.release(healthy_key) is None  # the healthy one was left alone


def test_a_download_cut_but_not_yet_released_does_not_shield_the_next_one(dripping):
    watch = TransferWatch(stall_s=None)
    first = dripping()
    first_key = watch.watch(first, 0.0)
    assert len(read_all(first)) < 10  # cut; its reader has not said so yet
    second = dripping()
    second_key = watch.watch(second, 0.0)
    assert len(read_all(second)) < 10
    assert [watch.release(first_key), watch.release(second_key)] == ["it took longer than its deadline"] * 2
