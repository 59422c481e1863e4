"""The batch runner on its own (real threads, no network): what each file of a batch ends as, and
what the batch raises, when the user cancels, a transfer is cut, another file fails, or code breaks."""

import threading

import pytest

from qfieldcloud_plugin.client.batch import run_batch
from qfieldcloud_plugin.client.errors import QfcException, TransferCancelledError
from qfieldcloud_plugin.client.models import FileTransferStatus
from qfieldcloud_plugin.client.progress import ProgressTracker

SUCCESS, FAILED, PENDING = FileTransferStatus.SUCCESS, FileTransferStatus.FAILED, FileTransferStatus.PENDING


def items(*names, size=1):
    return [{"name": n, "size": size, "status": PENDING, "error": None} for n in names]


def run(batch, work, events=None, **options):
    options.setdefault("concurrency", 1)
    options.setdefault("is_cancelled", None)
    options.setdefault("throw_on_error", False)
    tracker = ProgressTracker(events.append if events is not None else None, len(batch), 0)
    run_batch(batch, work, tracker=tracker, **options)


def test_a_cancel_between_files_fails_the_rest_and_says_how_far_it_got():
    batch = items("a", "b", "c")
    done = []
    with pytest.raises(TransferCancelledError) as cancelled:
        run(batch, lambda item, report, stop: done.append(item["name"]), is_cancelled=lambda: bool(done))
    assert str(cancelled.value) == "Transfer cancelled after 1 of 3 files"
    assert [i["status"] for i in batch] == [SUCCESS, FAILED, FAILED]
    assert batch[0]["error"] is None
    assert [str(i["error"]) for i in batch[1:]] == ["Transfer cancelled", "Transfer cancelled"]
    assert all(isinstance(i["error"], TransferCancelledError) for i in batch[1:])


def test_a_transfer_cut_short_without_a_cancel_fails_that_file_and_the_batch_says_so():
    """A cut the user did not ask for (Ctrl-C reached a worker, QGIS closing): that file is FAILED
    with its reason, the others go on, and the batch still ends as cancelled."""
    batch = items("a", "b", "c")

    def work(item, report, stop):
        if item["name"] == "b":
            raise TransferCancelledError('Download of "b" cancelled')

    with pytest.raises(TransferCancelledError) as cancelled:
        run(batch, work)
    assert str(cancelled.value) == "Transfer cancelled after 2 of 3 files"
    assert [i["status"] for i in batch] == [SUCCESS, FAILED, SUCCESS]
    assert str(batch[1]["error"]) == 'Download of "b" cancelled'


def test_a_file_stopped_because_another_failed_is_neither_done_nor_cancelled():
    batch = items("fails", "stopped")
    started = threading.Event()

    def work(item, report, stop):
        if item["name"] == "stopped":
            started.set()
            while not stop():
                threading.Event().wait(0.01)
            raise TransferCancelledError('Download of "stopped" cancelled')
        started.wait(10)
        raise QfcException("the server refused it")

    with pytest.raises(QfcException, match="the server refused it"):
        run(batch, work, concurrency=2, throw_on_error=True)
    assert batch[0]["status"] == FAILED
    assert (batch[1]["status"], batch[1]["error"]) == (PENDING, None)


def test_a_bug_in_a_transfer_stops_the_batch_and_surfaces_as_itself():
    batch = items("a", "b")

    def work(item, report, stop):
        raise ValueError("a bug, not a transfer error")

    with pytest.raises(ValueError, match="a bug, not a transfer error"):
        run(batch, work)
    assert batch[1]["status"] == PENDING  # not started after the bug


def test_a_file_done_carries_no_error_of_an_earlier_attempt():
    batch = items("a")
    batch[0]["error"] = QfcException("from an earlier call")
    run(batch, lambda item, report, stop: None)
    assert (batch[0]["status"], batch[0]["error"]) == (SUCCESS, None)


def test_a_file_of_unknown_size_adds_no_bytes_to_the_progress():
    batch = items("a", size=None)
    events = []
    run(batch, lambda item, report, stop: None, events=events)
    assert (events[-1].files_done, events[-1].bytes_done) == (1, 0)
