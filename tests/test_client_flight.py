"""How many transfers run at once: many small files, few large ones, fewer when the server is
overloaded, and every file of a batch still done. (The gate decides without waiting whenever a file
fits; a file that does not fit asks its stop condition, which these tests answer at once.)"""

import json
import os
import threading
import time

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


def test_the_files_at_once_follow_the_server_s_answer_time_within_the_ceiling():
    from qfieldcloud_plugin.client.flight import fitted_concurrency

    assert fitted_concurrency(None, 64) == 64  # nothing seen yet: the ceiling
    assert fitted_concurrency(0.0002, 64) == 4  # loopback: a few keep up
    assert fitted_concurrency(0.05, 64) == 50  # a 50 ms round trip: one per millisecond
    assert fitted_concurrency(0.3, 64) == 64
    assert fitted_concurrency(0.05, 2) == 2  # the user's ceiling wins, even below the fewest


def test_only_recent_answers_count_so_a_move_to_a_slower_network_is_noticed():
    from qfieldcloud_plugin.client.flight import ANSWERS_KEPT, AnswerTimes

    times = AnswerTimes()
    assert times.fastest() is None
    times.record(0.001)
    for _ in range(ANSWERS_KEPT - 1):
        times.record(0.08)
    assert times.fastest() == 0.001
    times.record(0.09)  # the office's answer is now older than the kept ones
    assert times.fastest() == 0.08


class _InFlight:
    """Counts the file downloads the server is answering at once; with `hold_until`, each waits
    (up to 10 s) until that many are in flight, which only enough workers can bring about."""

    def __init__(self, files, hold_until=0, hold_s=0.0):
        self.files, self.hold_until, self.hold_s = files, hold_until, hold_s
        self.now = self.peak = 0
        self.reached = False
        self.changed = threading.Condition()

    def __call__(self, record):
        name = record.path.rstrip("/").rsplit("/", 1)[-1]
        with self.changed:
            self.now += 1
            self.peak = max(self.peak, self.now)
            self.reached = self.reached or self.now >= self.hold_until
            self.changed.notify_all()
            self.changed.wait_for(lambda: self.reached, timeout=10)
        time.sleep(self.hold_s)  # the server's own time: lets the workers overlap
        with self.changed:
            self.now -= 1
        return Reply(200, {}, self.files[name])


def _slow_listing(fake, files, serve):
    body = json.dumps([listing_entry(n, d) for n, d in files.items()]).encode()
    # a listing that takes 100 ms, as a 100 ms round trip shows it to the client
    fake.route("GET", f"api/v1/files/{PID}/", Reply(200, {"Content-Type": "application/json"}, body, delay=0.1))
    for name in files:
        fake.route("GET", f"api/v1/files/{PID}/{name}/", serve)


def test_a_slow_server_gets_more_files_at_once_than_a_fast_one_needs(fake, tmp_path):
    files = {f"f{i:02d}.bin": os.urandom(100) for i in range(48)}
    # every download waits until 40 are in flight: the old fixed 32 never got there
    serve = _InFlight(files, hold_until=40)
    _slow_listing(fake, files, serve)
    result = Client(fake.url, token="t").download_project(PID, str(tmp_path))
    assert [f["status"] for f in result] == [FileTransferStatus.SUCCESS] * 48
    assert {n: (tmp_path / n).read_bytes() for n in files} == files
    assert serve.peak >= 40


def test_the_user_s_ceiling_holds_however_slow_the_server(fake, tmp_path):
    files = {f"f{i:02d}.bin": os.urandom(100) for i in range(12)}
    serve = _InFlight(files, hold_s=0.02)
    _slow_listing(fake, files, serve)
    result = Client(fake.url, token="t", concurrency=3).download_project(PID, str(tmp_path))
    assert [f["status"] for f in result] == [FileTransferStatus.SUCCESS] * 12
    assert 1 <= serve.peak <= 3


def test_a_fast_server_gets_few_files_at_once_not_the_ceiling(fake, tmp_path):
    files = {f"f{i:02d}.bin": os.urandom(100) for i in range(64)}
    serve = _InFlight(files, hold_s=0.02)
    body = json.dumps([listing_entry(n, d) for n, d in files.items()]).encode()
    fake.route("GET", f"api/v1/files/{PID}/", Reply(200, {"Content-Type": "application/json"}, body))
    fake.route("GET", "api/v1/status/", json_reply({"database": "ok", "storage": "ok"}))
    for name in files:
        fake.route("GET", f"api/v1/files/{PID}/{name}/", serve)
    client = Client(fake.url, token="t")
    for _ in range(4):  # a few answers over loopback, each a few milliseconds at most
        client.check_server_status()
    result = client.download_project(PID, str(tmp_path))
    assert [f["status"] for f in result] == [FileTransferStatus.SUCCESS] * 64
    assert 1 <= serve.peak <= 16  # the ceiling is 64: the fit kept the rest of the threads idle


class _BusyAtFirst:
    """Answers each file's first request 503 ("overloaded"), the next one `answer(name)` after
    20 ms of the server's own time; notes how many answers were in progress while the later
    files (`late`) were served."""

    def __init__(self, late, answer):
        self.late, self.answer = late, answer
        self.seen, self.now, self.late_peak = set(), 0, 0
        self.lock = threading.Lock()

    def __call__(self, record):
        name = record.path.rstrip("/").rsplit("/", 1)[-1]
        with self.lock:
            if name not in self.seen:
                self.seen.add(name)
                return Reply(503, {"Retry-After": "0"}, b"busy")
            self.now += 1
            if name in self.late:
                self.late_peak = max(self.late_peak, self.now)
        time.sleep(0.02)
        with self.lock:
            self.now -= 1
        return self.answer(name)


def test_a_download_from_an_overloaded_server_runs_fewer_files_at_once(fake, tmp_path):
    files = {f"f{i:02d}.bin": os.urandom(100) for i in range(40)}
    serve = _BusyAtFirst(set(list(files)[24:]), lambda name: Reply(200, {}, files[name]))
    _slow_listing(fake, files, serve)
    client = Client(fake.url, token="t", max_retries=2, concurrency=8)
    client.transport.backoff_factor = 0
    result = client.download_project(PID, str(tmp_path))
    assert [f["status"] for f in result] == [FileTransferStatus.SUCCESS] * 40
    assert {n: (tmp_path / n).read_bytes() for n in files} == files
    # every file was refused once: the 8 allowed at first were halved, and stayed low
    assert 1 <= serve.late_peak <= 4


def test_an_upload_to_an_overloaded_server_sends_fewer_files_at_once(fake, tmp_path):
    files = {f"f{i:02d}.bin": os.urandom(100) for i in range(40)}
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    before = json_reply([])
    before.delay = 0.1  # as a 100 ms round trip shows it to the client
    fake.route("GET", f"api/v1/files/{PID}/", before, json_reply([listing_entry(n, d) for n, d in files.items()]))
    serve = _BusyAtFirst(set(list(files)[24:]), lambda name: json_reply({}, 201))
    for name in files:
        fake.route("POST", f"api/v1/files/{PID}/{name}/", serve)
    client = Client(fake.url, token="t", max_retries=2, concurrency=8)
    client.transport.backoff_factor = 0
    result = client.upload_files(PID, "project", str(tmp_path))
    assert [f["status"] for f in result] == [FileTransferStatus.SUCCESS] * 40
    assert 1 <= serve.late_peak <= 4


def test_the_gate_lets_fewer_in_when_the_answers_say_fewer_are_enough():
    wanted = [8]
    gate = FlightGate(8, fitted=lambda: wanted[0])
    assert all(gate.enter(10, stop_now) for _ in range(6))
    wanted[0] = 2  # the first files answered fast
    assert not gate.enter(10, stop_now)
    for _ in range(4):
        gate.leave(10)
    assert not gate.enter(10, stop_now)  # 2 in flight: full
    gate.leave(10)
    assert gate.enter(10, stop_now)
    wanted[0] = 0  # whatever the fit says, one file always goes
    gate.leave(10)
    gate.leave(10)
    assert gate.enter(10, stop_now)


def test_a_batch_runs_fewer_at_once_as_soon_as_the_answers_say_so():
    items = [{"name": f"f{i}", "size": 1} for i in range(40)]
    fit = [16]
    lock, now, peaks = threading.Lock(), [0], {}
    sixteen_in = threading.Event()

    def work(item, report, should_stop):
        index = int(item["name"][1:])
        with lock:
            now[0] += 1
            peaks[index] = now[0]
            if now[0] == 16:
                sixteen_in.set()
        if index < 16:
            sixteen_in.wait(10)  # the first 16 run together, then their answers say 2 are enough
            fit[0] = 2
        with lock:
            now[0] -= 1

    run_batch(
        items,
        work,
        tracker=ProgressTracker(None, 40, 40),
        concurrency=16,
        is_cancelled=None,
        throw_on_error=False,
        fitted=lambda: fit[0],
    )
    assert all(i["status"] == FileTransferStatus.SUCCESS for i in items)
    assert max(peaks[i] for i in range(16)) == 16
    assert max(peaks[i] for i in range(24, 40)) <= 2  # 16 threads, 2 files at once


def test_the_client_fits_to_its_transport_s_recent_answers():
    client = Client("http://127.0.0.1:9/", token="t", concurrency=64)
    assert client._fitted(None)() == 64  # no answer seen yet
    for _ in range(16):
        client.transport.answer_times.record(0.012)
    assert client._fitted(None)() == 12
    assert client._fitted(8)() == 8  # a call's own ceiling
