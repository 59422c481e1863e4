"""One file's download at the edges of HTTP: encoded bodies, ranges answered wrongly, signed URLs
in errors, checksums in their quoted form, and the exact words a user reads when it fails.

Real HTTP over loopback to a scriptable server (tests/support/fake_http.py), through the same
resumable fetch the client uses for every file.
"""

import gzip
import hashlib
import logging
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest
import requests

from qfieldcloud_plugin.client import (
    ChecksumMismatchError,
    ConnectionFailedError,
    InvalidResponseError,
    TransferCancelledError,
)
from qfieldcloud_plugin.client import download as download_module
from qfieldcloud_plugin.client import watchdog as watchdog_module
from qfieldcloud_plugin.client.download import fetch_resumable
from qfieldcloud_plugin.client.transport import TransferStats
from qfieldcloud_plugin.client.watchdog import TransferWatch
from tests.support.fake_http import Reply

REPO = Path(__file__).resolve().parents[1]
PATH = "storage/a.bin"
# a signed storage URL: its query is a credential, and one of its values holds a "?"
SIGNED_QUERY = "?X-Amz-Signature=s3cr3t-signature&next=?part"


def fetcher(fake, query=""):
    session = requests.Session()

    def fetch(headers):
        return session.get(fake.root + PATH + query, headers=headers, stream=True, timeout=(5, 30))

    return fetch


def test_a_gzip_encoded_answer_longer_than_the_file_arrives_whole(fake, tmp_path):
    # random bytes grow when compressed: the Content-Length (of the encoded body) exceeds the file
    data = os.urandom(64 * 1024)
    encoded = gzip.compress(data)
    assert len(encoded) > len(data)
    fake.route("GET", PATH, Reply(200, {"Content-Encoding": "gzip"}, encoded))
    target = tmp_path / "a.bin"
    fetch_resumable(fetcher(fake), target, expected_size=len(data), expected_sha256=hashlib.sha256(data).hexdigest())
    assert target.read_bytes() == data


def test_a_file_of_unknown_size_reports_an_unknown_total_until_its_bytes_arrive(fake, tmp_path):
    data = os.urandom(64 * 1024)
    fake.route("GET", PATH, Reply(200, {"Content-Encoding": "gzip"}, gzip.compress(data)))
    progress = []
    fetch_resumable(fetcher(fake), tmp_path / "a.bin", on_progress=lambda done, total: progress.append((done, total)))
    # the encoded length says nothing of the file's, and no size was listed: 0 means unknown
    assert progress[0] == (0, 0) and progress[-1] == (len(data), len(data))


def test_a_range_answered_with_the_whole_file_and_a_misleading_content_range_starts_over(fake, tmp_path):
    """A 200 is the whole file whatever its Content-Range says: appending it would double the start."""
    data = os.urandom(3 * 1024 * 1024)
    cut = 2 * 1024 * 1024 + 1000

    def whole_file_claiming_a_range(request):
        start = int(request.headers["Range"].split("=")[1].rstrip("-"))
        return Reply(200, {"Content-Range": f"bytes {start}-{len(data) - 1}/{len(data)}"}, data)

    fake.route("GET", PATH, Reply(200, {}, data[:cut], announce_length=len(data)), whole_file_claiming_a_range)
    stats = TransferStats()
    target = tmp_path / "a.bin"
    fetch_resumable(
        fetcher(fake),
        target,
        expected_size=len(data),
        expected_sha256=hashlib.sha256(data).hexdigest(),
        max_retries=1,
        stats=stats,
    )
    assert target.read_bytes() == data
    asked_from = int(fake.requests[1].headers["Range"].split("=")[1].rstrip("-"))
    assert (stats["resumes"], stats["restarts"], stats["bytes_refetched"]) == (0, 1, asked_from)


def test_an_interrupted_download_says_how_far_it_got_and_names_the_url_without_its_query(fake, tmp_path):
    data = os.urandom(4000)
    fake.route("GET", PATH, Reply(200, {}, data[:1500], announce_length=len(data)))
    target = tmp_path / "a.bin"
    target.write_bytes(b"local work")
    with pytest.raises(ConnectionFailedError) as caught:
        fetch_resumable(fetcher(fake, SIGNED_QUERY), target, expected_size=len(data), display_name="a.bin")
    error = caught.value
    # urllib3 1 returns the bytes before the cut (a short answer: no error to name); urllib3 2
    # raises and loses the read that broke
    assert re.fullmatch(
        r'The download of "a\.bin" was interrupted after (1500 of 4000 bytes|0 of 4000 bytes: the connection broke)',
        error.message,
    )
    assert str(error) == f"{error.message} (GET {fake.root}{PATH})"
    assert "s3cr3t" not in str(error) and "s3cr3t" not in repr(error)
    assert target.read_bytes() == b"local work"
    assert [p.name for p in tmp_path.iterdir()] == ["a.bin"]  # no partial file left behind


def test_a_connection_reset_mid_download_says_the_connection_broke(fake, tmp_path):
    data = os.urandom(4000)
    fake.route("GET", PATH, Reply(200, {}, data[:1500], announce_length=len(data), reset=True))
    target = tmp_path / "a.bin"
    with pytest.raises(ConnectionFailedError) as caught:
        fetch_resumable(fetcher(fake, SIGNED_QUERY), target, expected_size=len(data), display_name="a.bin")
    # the bytes before the reset may or may not have been read: the kernel drops what it held
    assert re.fullmatch(
        r'The download of "a\.bin" was interrupted after \d+ of 4000 bytes: the connection broke', caught.value.message
    )
    assert "s3cr3t" not in str(caught.value)
    assert not target.exists()


@pytest.mark.parametrize(
    "listed, served, message",
    [
        ("sha256", b"other bytes", '"a.bin" does not match the server\'s SHA-256 after download'),
        ("etag", b"other bytes", '"a.bin" does not match the server\'s checksum after download'),
        ("size", b"x" * 20, '"a.bin" is longer than the 11 bytes the server listed'),
    ],
)
def test_a_file_unlike_its_listing_is_refused_with_what_differs(fake, tmp_path, listed, served, message):
    expected = b"right bytes"
    fake.route("GET", PATH, Reply(200, {}, served))
    target = tmp_path / "a.bin"
    target.write_bytes(b"local work")
    checks = {
        "sha256": {"expected_sha256": hashlib.sha256(expected).hexdigest()},
        "etag": {"expected_etag": '"%s"' % hashlib.md5(expected).hexdigest()},
        "size": {"expected_size": len(expected)},
    }[listed]
    with pytest.raises(ChecksumMismatchError) as caught:
        fetch_resumable(fetcher(fake), target, display_name="a.bin", **checks)
    assert str(caught.value) == message + "; the local file was not changed"
    assert target.read_bytes() == b"local work"
    assert [p.name for p in tmp_path.iterdir()] == ["a.bin"]


def test_a_quoted_etag_with_capitals_is_the_same_checksum(fake, tmp_path):
    data = b"some bytes"
    fake.route("GET", PATH, Reply(200, {}, data))
    target = tmp_path / "a.bin"
    fetch_resumable(fetcher(fake), target, expected_etag='"%s"' % hashlib.md5(data).hexdigest().upper())
    assert target.read_bytes() == data


def test_an_abort_during_a_download_cancels_it_instead_of_retrying(fake, tmp_path):
    """What Ctrl-C or QGIS closing does: the download stops, says so, and is not asked for again."""
    fake.route("GET", PATH, Reply(200, {}, os.urandom(64), drip=0.05))
    watch = TransferWatch(stall_s=None)
    target = tmp_path / "a.bin"
    with pytest.raises(TransferCancelledError) as caught:
        fetch_resumable(
            fetcher(fake),
            target,
            expected_size=64,
            max_retries=3,
            display_name="a.bin",
            on_progress=lambda done, total: watch.abort_all("cancelled") if done else None,
            watch=watch,
        )
    assert str(caught.value) == 'Download of "a.bin" cancelled'
    assert len(fake.requests) == 1
    assert not target.exists() and list(tmp_path.iterdir()) == []


def test_a_stalled_download_that_runs_out_of_retries_says_it_stalled(fake, tmp_path, caplog):
    # 20 bytes, one every 0.5 s, read in one chunk: no chunk completes within the 1 s stall limit
    fake.route("GET", PATH, Reply(200, {}, os.urandom(20), drip=0.5))
    target = tmp_path / "a.bin"
    with caplog.at_level(logging.WARNING), pytest.raises(ConnectionFailedError) as caught:
        fetch_resumable(
            fetcher(fake, SIGNED_QUERY),
            target,
            expected_size=20,
            display_name="a.bin",
            watch=TransferWatch(stall_s=1.0),
        )
    # the bytes read before the cut may be kept (urllib3 1) or not (urllib3 2)
    assert re.fullmatch(
        r'The download of "a\.bin" was interrupted after \d+ of 20 bytes: too little data for 1 s', caught.value.message
    )
    assert "s3cr3t" not in str(caught.value)
    assert 'Retrying "a.bin" after too little data for 1 s' in caplog.messages
    assert not target.exists()


def test_a_download_past_its_deadline_names_the_url_without_its_query(fake, tmp_path, monkeypatch):
    monkeypatch.setattr(watchdog_module, "FILE_DEADLINE_BASE_S", 1.0)
    fake.route("GET", PATH, Reply(200, {}, os.urandom(40), drip=0.1))
    with pytest.raises(ConnectionFailedError) as caught:
        fetch_resumable(
            fetcher(fake, SIGNED_QUERY),
            tmp_path / "a.bin",
            expected_size=40,
            max_retries=3,
            display_name="a.bin",
            watch=TransferWatch(stall_s=None),
        )
    assert str(caught.value).endswith(f"bytes: it took longer than its deadline (GET {fake.root}{PATH})")
    assert "s3cr3t" not in str(caught.value)
    assert len(fake.requests) == 1


def test_without_a_display_name_a_download_is_named_by_its_target_and_not_retried(fake, tmp_path):
    # the one-answer downloads (a project seed) give neither: the file's own name, one attempt
    data = os.urandom(4000)
    fake.route("GET", PATH, Reply(200, {}, data[:1500], announce_length=len(data)))
    with pytest.raises(ConnectionFailedError) as caught:
        fetch_resumable(fetcher(fake), tmp_path / "seed.json", expected_size=len(data))
    assert caught.value.message.startswith('The download of "seed.json" was interrupted after ')
    assert len(fake.requests) == 1


KILLED_WHILE_DOWNLOADING = """
import os, signal, sys
from pathlib import Path
from qfieldcloud_plugin.client.download import PartialDownload

partial = PartialDownload(Path(sys.argv[1]), sha256=True, etag=False, expected_size=None)
partial.write(b"half of it")
partial.file.flush()
os.kill(os.getpid(), signal.SIGKILL)  # killed mid-download
"""


def test_a_download_killed_mid_way_leaves_only_a_hidden_partial_file_that_says_what_it_is(tmp_path):
    target = tmp_path / "data.gpkg"
    target.write_bytes(b"the user's file")
    run = subprocess.run(
        [sys.executable, "-c", KILLED_WHILE_DOWNLOADING, str(target)], cwd=REPO, capture_output=True, timeout=60
    )
    assert run.returncode == -signal.SIGKILL, run.stderr
    assert target.read_bytes() == b"the user's file"
    (leftover,) = [p.name for p in tmp_path.iterdir() if p.name != "data.gpkg"]
    # hidden (a scan or an upload skips it), and named as the plugin's partial download
    assert re.fullmatch(r"\.qfc-\w+\.qfcpart", leftover), leftover


@pytest.mark.parametrize(
    "etag, if_range", [('"v1"', '"v1"'), ('W/"v1"', None), (None, None)], ids=["strong", "weak", "none"]
)
def test_a_resume_asks_only_for_the_rest_of_the_same_version(fake, tmp_path, monkeypatch, etag, if_range):
    # read in pieces, so that the bytes before the cut are kept with urllib3 2 too (it loses the
    # read that breaks)
    monkeypatch.setattr(download_module, "DOWNLOAD_CHUNK_SIZE", 500)
    data = os.urandom(4000)
    fake.route(
        "GET",
        PATH,
        Reply(200, {"ETag": etag} if etag else {}, data[:1500], announce_length=len(data)),
        Reply(206, {"Content-Range": f"bytes 1500-3999/{len(data)}"}, data[1500:]),
    )
    target = tmp_path / "a.bin"
    target.write_bytes(b"local work")
    fetch_resumable(
        fetcher(fake),
        target,
        first_headers={"If-None-Match": "local-etag"},
        expected_size=len(data),
        expected_sha256=hashlib.sha256(data).hexdigest(),
        max_retries=1,
    )
    assert target.read_bytes() == data
    first, resume = (r.headers for r in fake.requests)
    assert first.get("If-None-Match") == "local-etag" and "Range" not in first
    # the rest, only if the file is still the version whose start arrived (a weak ETag cannot
    # say so); the caller's condition belonged to the first question only
    assert (resume.get("Range"), resume.get("If-Range"), resume.get("If-None-Match")) == ("bytes=1500-", if_range, None)


def test_an_answer_that_breaks_before_its_first_byte_is_retried_once_per_retry(fake, tmp_path):
    data = os.urandom(4000)
    fake.route("GET", PATH, Reply(200, {}, b"", announce_length=len(data)), Reply(200, {}, data))
    target = tmp_path / "a.bin"
    fetch_resumable(fetcher(fake), target, expected_size=len(data), max_retries=1)
    assert target.read_bytes() == data and len(fake.requests) == 2


def test_a_server_that_cuts_every_answer_is_asked_at_most_four_times_per_retry_plus_one(fake, tmp_path, monkeypatch):
    monkeypatch.setattr(download_module, "DOWNLOAD_CHUNK_SIZE", 50)  # see the resume test above
    data = os.urandom(4000)
    answers = [Reply(200, {}, data[:100], announce_length=len(data))]
    answers += [Reply(206, {"Content-Range": f"bytes {n}-3999/4000"}, data[n : n + 100]) for n in range(100, 4000, 100)]
    fake.route("GET", PATH, *answers)
    with pytest.raises(ConnectionFailedError):
        fetch_resumable(fetcher(fake), tmp_path / "a.bin", expected_size=len(data), max_retries=1)
    assert len(fake.requests) == 5  # each answer brings bytes, so only this cap ends it


def test_a_not_modified_answer_to_a_resume_is_refused_and_leaves_the_local_file(fake, tmp_path):
    data = os.urandom(4000)
    fake.route("GET", PATH, Reply(200, {}, data[:1500], announce_length=len(data)), Reply(304, {}, b""))
    target = tmp_path / "a.bin"
    target.write_bytes(b"local work")
    with pytest.raises(InvalidResponseError) as caught:
        fetch_resumable(
            fetcher(fake, SIGNED_QUERY),
            target,
            first_headers={"If-None-Match": "local-etag"},
            expected_size=len(data),
            max_retries=1,
            display_name="a.bin",
        )
    assert str(caught.value) == (
        'The server answered "not modified" for "a.bin" without being asked; the local file was not changed '
        f"(HTTP 304, GET {fake.root}{PATH})"
    )
    assert target.read_bytes() == b"local work" and [p.name for p in tmp_path.iterdir()] == ["a.bin"]
