"""How many transfers run at once: many small files, few large ones, fewer when the server is
overloaded, and every file of a batch still done. (The gate decides without waiting whenever a file
fits; a file that does not fit asks its stop condition, which these tests answer at once.)"""

import os

from qfieldcloud_plugin.client import Client, FileTransferStatus
from qfieldcloud_plugin.client.batch import run_batch
from qfieldcloud_plugin.client.flight import BYTES_IN_FLIGHT, FlightGate
from qfieldcloud_plugin.client.progress import ProgressTracker
from tests.support.fake_http import Reply, json_reply, listing_entry

PID = "0b7c2a3e-5b1d-4f7a-9c2e-8d3f4a5b6c7d"


def stop_now():
    return True


def test_files_enter_up_to_the_ceiling():
    gate = FlightGate(3)
    assert [gate.enter(10, stop_now) for _ in range(4)] == [True, True, True, False]
    gate.leave(10)
    assert gate.enter(10, stop_now)


def test_the_files_in_flight_stay_under_the_byte_budget_but_a_large_file_goes_alone():
    gate = FlightGate(8, byte_budget=100)
    assert gate.enter(60, stop_now)
    assert not gate.enter(60, stop_now)  # 120 bytes would be in flight
    assert gate.enter(40, stop_now)  # 100: still fits
    gate.leave(60)
    gate.leave(40)
    assert gate.enter(10_000, stop_now)  # alone, a file larger than the budget still goes
    assert not gate.enter(1, stop_now)


def test_an_overloaded_server_halves_the_files_in_flight_and_calm_brings_them_back():
    overloads = [0]
    gate = FlightGate(8, lambda: overloads[0])
    for _ in range(4):
        assert gate.enter(0, stop_now)
    overloads[0] = 1  # a 429 or 503
    assert not gate.enter(0, stop_now)  # 4 in flight is the new limit
    assert gate.limit == 4
    overloads[0] = 3  # two more answers seen at once: halved once more, not per answer
    for _ in range(4):
        gate.leave(0)
    assert gate.limit == 2
    for _ in range(2):  # as many calm completions as the limit: one more place
        assert gate.enter(0, stop_now)
    for _ in range(2):
        gate.leave(0)
    assert gate.limit == 3
    while gate.limit < 8:
        assert gate.enter(0, stop_now)
        gate.leave(0)
    assert gate.limit == 8  # never above the ceiling
    assert gate.enter(0, stop_now)
    gate.leave(0)
    assert gate.limit == 8


def test_the_limit_never_falls_below_one_file():
    overloads = [0]
    gate = FlightGate(2, lambda: overloads[0])
    for count in range(1, 5):
        overloads[0] = count
        assert gate.enter(0, stop_now)
        gate.leave(0)
    assert gate.limit >= 1


def test_a_batch_of_files_each_larger_than_the_budget_completes_one_after_the_other():
    items = [{"name": f"f{i}", "size": BYTES_IN_FLIGHT + 1} for i in range(5)]
    running = []
    most = [0]

    def work(item, report, should_stop):
        running.append(item["name"])
        most[0] = max(most[0], len(running))
        running.remove(item["name"])

    run_batch(items, work, tracker=ProgressTracker(None, 5, 0), concurrency=5, is_cancelled=None, throw_on_error=False)
    assert [i["status"] for i in items] == [FileTransferStatus.SUCCESS] * 5
    assert most[0] == 1


def test_a_cancel_reaches_files_waiting_at_the_gate():
    items = [{"name": f"f{i}", "size": BYTES_IN_FLIGHT} for i in range(3)]
    cancelled = []

    def work(item, report, should_stop):
        cancelled.append(True)  # the user cancels while the first file runs

    try:
        run_batch(
            items,
            work,
            tracker=ProgressTracker(None, 3, 0),
            concurrency=3,
            is_cancelled=lambda: bool(cancelled),
            throw_on_error=False,
        )
    except Exception as exc:  # the batch says it was cancelled
        assert type(exc).__name__ == "TransferCancelledError"
    else:
        raise AssertionError("a cancelled batch must say so")
    assert sum(1 for i in items if i.get("status") == FileTransferStatus.SUCCESS) == 1


def test_429_and_503_answers_count_as_overloads_and_the_download_still_completes(fake, tmp_path):
    files = {f"f{i}.bin": os.urandom(100) for i in range(6)}
    fake.route("GET", f"api/v1/files/{PID}/", json_reply([listing_entry(n, d) for n, d in files.items()]))
    for index, (name, data) in enumerate(files.items()):
        busy = Reply(429 if index % 2 else 503, {"Retry-After": "0"}, b"busy")
        fake.route("GET", f"api/v1/files/{PID}/{name}/", busy, Reply(200, {}, data))
    client = Client(fake.url, token="t", max_retries=2, concurrency=4)
    client.transport.backoff_factor = 0
    result = client.download_project(PID, str(tmp_path))
    assert [f["status"] for f in result] == [FileTransferStatus.SUCCESS] * 6
    assert {n: (tmp_path / n).read_bytes() for n in files} == files
    assert client.transport.stats["overloads"] == 6


def test_a_caller_s_file_dict_with_a_size_that_is_not_a_number_still_downloads(fake, tmp_path):
    data = os.urandom(100)
    fake.route("GET", f"api/v1/files/{PID}/a.bin/", Reply(200, {}, data))
    given = [{**listing_entry("a.bin", data), "size": "about 100 bytes"}]
    files = Client(fake.url, token="t").download_files(given, PID, "project", str(tmp_path))
    assert files[0]["status"] == FileTransferStatus.SUCCESS, files[0]["error"]
    assert (tmp_path / "a.bin").read_bytes() == data
