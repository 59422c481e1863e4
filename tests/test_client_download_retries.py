"""One file fetched again after a mismatch, a cut or a cancel: how often, after how long, against
which listing, and what the folder remembers of the version that arrived.

Real HTTP over loopback to a scriptable server (tests/support/fake_http.py).
"""

import hashlib
import os
import threading

import pytest

from qfieldcloud_plugin.client import (
    ChecksumMismatchError,
    Client,
    FileTransferStatus,
    FileTransferType,
    TransferCancelledError,
    checksums,
)
from qfieldcloud_plugin.client.download_record import DownloadRecord
from tests.support.fake_http import Reply, json_reply

PID = "0b7c2a3e-5b1d-4f7a-9c2e-8d3f4a5b6c7d"
NAME = "sub/a.bin"
FILE = f"api/v1/files/{PID}/{NAME}/"
METADATA = f"api/v1/files/metadata/{PID}/{NAME}/"


def entry(data, **overrides):
    return {
        "name": NAME,
        "size": len(data),
        "md5sum": hashlib.md5(data).hexdigest(),
        "sha256": hashlib.sha256(data).hexdigest(),
        **overrides,
    }


def client_for(fake, max_retries=2):
    client = Client(fake.url, token="t", max_retries=max_retries)
    client.transport.backoff_factor = 0
    return client


def contents_of(folder):
    return sorted(p.name for p in folder.iterdir() if p.name != ".qfieldcloud")


def gets(fake):
    return [r for r in fake.requests if r.path == "/" + FILE]


def test_the_folder_remembers_the_size_and_checksum_of_the_version_that_arrived(fake, tmp_path):
    data = os.urandom(1000)
    fake.route("GET", f"api/v1/files/{PID}/", json_reply([entry(data)]))
    fake.route("GET", FILE, Reply(200, {}, data))
    client_for(fake).download_project(PID, str(tmp_path))
    assert DownloadRecord(tmp_path).load() == {NAME: {"size": 1000, "etag": hashlib.md5(data).hexdigest()}}


def test_after_a_mismatch_the_version_remembered_is_the_one_of_the_fresh_listing(fake, tmp_path):
    old, new = os.urandom(1000), os.urandom(1200)
    fake.route("GET", f"api/v1/files/{PID}/", json_reply([entry(old)]))  # out of date
    fake.route("GET", METADATA, json_reply(entry(new)))
    fake.route("GET", FILE, Reply(200, {}, new))
    client = client_for(fake)
    files = client.download_project(PID, str(tmp_path))
    assert files[0]["status"] == FileTransferStatus.SUCCESS, files[0]["error"]
    assert (tmp_path / "sub" / "a.bin").read_bytes() == new
    assert DownloadRecord(tmp_path).load() == {NAME: {"size": 1200, "etag": hashlib.md5(new).hexdigest()}}
    stats = client.transport.stats
    assert (stats["checksum_retries"], stats["bytes_refetched"]) == (1, 1000)  # the listed size of the first try


def test_a_file_that_never_matches_a_listing_that_keeps_changing_is_fetched_once_per_attempt(fake, tmp_path):
    served = os.urandom(100)
    listings = iter(range(100))
    fake.route("GET", f"api/v1/files/{PID}/", json_reply([entry(b"first")]))
    fake.route("GET", METADATA, lambda request: json_reply(entry(b"version %d" % next(listings))))
    fake.route("GET", FILE, Reply(200, {}, served))
    files = client_for(fake, max_retries=3).download_project(PID, str(tmp_path))
    assert files[0]["status"] == FileTransferStatus.FAILED
    assert isinstance(files[0]["error"], ChecksumMismatchError)
    assert str(files[0]["error"]).startswith(f'"{NAME}" ')  # the file's own name, not the staged file's
    assert len(gets(fake)) == 4  # 1 + max_retries
    assert not (tmp_path / "sub" / "a.bin").exists()


def test_a_cancel_between_two_attempts_stops_before_the_second(fake, tmp_path):
    data = os.urandom(100)
    fake.route("GET", METADATA, json_reply(entry(data)))
    fake.route("GET", FILE, Reply(200, {}, b"wrong" * 20), Reply(200, {}, data))
    cancelled = []
    client = client_for(fake)
    with pytest.raises(TransferCancelledError) as caught:
        client.download_file(
            PID,
            FileTransferType.PROJECT,
            tmp_path / "a.bin",
            NAME,
            remote_sha256=hashlib.sha256(data).hexdigest(),
            remote_size=len(data),
            # the user cancels once the first (wrong) answer was read
            is_cancelled=lambda: bool(cancelled) or bool(gets(fake)) and not cancelled.append(1) and False,
        )
    assert str(caught.value) == f'Download of "{NAME}" cancelled'
    assert len(gets(fake)) == 1
    assert list(tmp_path.iterdir()) == []


def test_a_cancel_while_the_body_arrives_stops_the_download(fake, tmp_path):
    fake.route("GET", FILE, Reply(200, {}, os.urandom(64), drip=0.02))
    progress = []
    client = client_for(fake)
    with pytest.raises(TransferCancelledError):
        client.download_file(
            PID,
            FileTransferType.PROJECT,
            tmp_path / "a.bin",
            NAME,
            remote_size=64,
            progress_callback=lambda *event: progress.append(event),
            is_cancelled=lambda: bool(progress),  # cancelled as soon as the first bytes were reported
        )
    assert len(gets(fake)) == 1
    assert list(tmp_path.iterdir()) == []


def test_a_broken_download_waits_the_retry_policy_before_it_resumes(fake, tmp_path):
    data = os.urandom(3000)

    def rest(request):
        if "Range" not in request.headers:  # urllib3 2 loses the read that broke: nothing to resume
            return Reply(200, {}, data)
        start = int(request.headers["Range"].split("=")[1].rstrip("-"))
        return Reply(206, {"Content-Range": f"bytes {start}-{len(data) - 1}/{len(data)}"}, data[start:])

    fake.route("GET", FILE, Reply(200, {}, data[:1000], announce_length=len(data)), rest)
    client = Client(fake.url, token="t", max_retries=2)
    client.transport.backoff_factor = 0.125
    waits = []
    client.transport.watch.sleep = waits.append  # the seam every wait between attempts goes through
    client.download_file(PID, FileTransferType.PROJECT, tmp_path / "a.bin", NAME, remote_size=len(data))
    assert (tmp_path / "a.bin").read_bytes() == data
    assert waits == [0.125]


# a server may list the MD5 alone (older QFieldCloud) or both checksums
@pytest.mark.parametrize("listed", [("md5sum", "sha256"), ("md5sum",)])
def test_a_verified_download_is_remembered_so_the_next_sync_reads_nothing_again(
    fake, tmp_path, hashing, monkeypatch, listed
):
    monkeypatch.setenv("QFIELDCLOUD_CACHE_DIR", str(tmp_path / "cache"))
    # a file written in the last 2 s is not trusted from the cache (git's racy rule, tested in
    # test_client_checksums.py): trusted at once here, so that the test needs no wait
    monkeypatch.setattr(checksums, "RACY_NS", 0)
    data = os.urandom(1000)
    listing = {k: v for k, v in entry(data).items() if k in ("name", "size", *listed)}
    fake.route("GET", f"api/v1/files/{PID}/", json_reply([listing]))
    fake.route("GET", FILE, Reply(200, {}, data))
    client = client_for(fake)
    first = client.download_project(PID, str(tmp_path / "p"))
    assert "staged" not in first[0]  # no path into a staging folder that is gone
    second = client.download_project(PID, str(tmp_path / "p"))
    assert second[0]["skipped"] and len(gets(fake)) == 1
    assert hashing == []  # its checksum was known from the download: the file was not read again


def test_a_refused_name_does_not_keep_the_files_after_it_from_being_remembered(fake, tmp_path):
    data = os.urandom(100)
    listing = [{**entry(b"x"), "name": "../outside.txt"}, entry(data)]
    fake.route("GET", f"api/v1/files/{PID}/", json_reply(listing))
    fake.route("GET", FILE, Reply(200, {}, data))
    files = client_for(fake).download_project(PID, str(tmp_path))
    assert [f["status"] for f in files] == [FileTransferStatus.FAILED, FileTransferStatus.SUCCESS]
    assert DownloadRecord(tmp_path).load() == {NAME: {"size": 100, "etag": hashlib.md5(data).hexdigest()}}


def test_a_file_left_alone_because_it_changed_since_the_plan_does_not_stop_the_others_being_remembered(fake, tmp_path):
    first, second = os.urandom(100), os.urandom(200)
    listing = [{**entry(first), "name": "a.bin"}, {**entry(second), "name": "b.bin"}]
    fake.route("GET", f"api/v1/files/{PID}/a.bin/", Reply(200, {}, first))
    fake.route("GET", f"api/v1/files/{PID}/b.bin/", Reply(200, {}, second))
    files = client_for(fake).download_files(
        listing, PID, FileTransferType.PROJECT, str(tmp_path), still_as_planned=lambda name, path: name != "a.bin"
    )
    assert [f["status"] for f in files] == [FileTransferStatus.FAILED, FileTransferStatus.SUCCESS]
    assert not (tmp_path / "a.bin").exists() and (tmp_path / "b.bin").read_bytes() == second
    assert DownloadRecord(tmp_path).load() == {"b.bin": {"size": 200, "etag": hashlib.md5(second).hexdigest()}}
    assert not (tmp_path / ".qfieldcloud" / "staging").exists()  # the copy left alone is not kept either


@pytest.mark.parametrize("key", ["md5sum", "etag"])
def test_a_current_file_keeps_its_record_whichever_key_the_caller_gave_its_checksum(fake, tmp_path, key):
    data = os.urandom(100)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.bin").write_bytes(data)
    given = {"name": NAME, "size": len(data), key: hashlib.md5(data).hexdigest()}
    files = client_for(fake).download_files([given], PID, FileTransferType.PROJECT, str(tmp_path))
    assert files[0]["skipped"] and fake.requests == []
    assert DownloadRecord(tmp_path).load() == {NAME: {"size": 100, "etag": hashlib.md5(data).hexdigest()}}


def test_files_that_arrived_before_a_failure_say_which_file_kept_them_from_being_applied(fake, tmp_path):
    first, second, third = os.urandom(100), os.urandom(200), os.urandom(300)
    listing = [{**entry(data), "name": name} for name, data in (("a.bin", first), ("b.bin", second), ("c.bin", third))]
    fake.route("GET", f"api/v1/files/{PID}/", json_reply(listing))
    fake.route("GET", f"api/v1/files/{PID}/a.bin/", Reply(200, {}, first))
    # the token is refused on the second file: the batch stops, and the third is never asked for
    fake.route("GET", f"api/v1/files/{PID}/b.bin/", json_reply({"code": "not_authenticated"}, status=401))
    files = client_for(fake).download_project(PID, str(tmp_path), concurrency=1)
    by_name = {f["name"]: f for f in files}
    assert by_name["a.bin"]["status"] == FileTransferStatus.FAILED
    # the third file failed too (never started), but without an error of its own: the one named is b.bin
    assert str(by_name["a.bin"]["error"]) == (
        '"a.bin" was downloaded but not applied: 2 other file(s) failed, first "b.bin"'
    )
    assert by_name["c.bin"]["error"] is None
    assert [f.path for f in fake.requests if "c.bin" in f.path] == []
    assert sorted(p.name for p in tmp_path.iterdir()) == [".qfieldcloud"]


def test_the_callers_rule_decides_which_replaced_files_go_to_the_trash(fake, tmp_path):
    new_a, new_b = os.urandom(100), os.urandom(200)
    listing = [{**entry(new_a), "name": "a.bin"}, {**entry(new_b), "name": "b.bin"}]
    fake.route("GET", f"api/v1/files/{PID}/a.bin/", Reply(200, {}, new_a))
    fake.route("GET", f"api/v1/files/{PID}/b.bin/", Reply(200, {}, new_b))
    (tmp_path / "a.bin").write_bytes(b"old a")
    (tmp_path / "b.bin").write_bytes(b"old b")
    asked = []

    def keep(name, path):
        asked.append((name, path.read_bytes()))
        return name == "a.bin"

    files = client_for(fake).download_files(
        listing, PID, FileTransferType.PROJECT, str(tmp_path), keep_local_versions=keep
    )
    assert [f["status"] for f in files] == [FileTransferStatus.SUCCESS] * 2
    assert sorted(asked) == [("a.bin", b"old a"), ("b.bin", b"old b")]  # asked before each was replaced
    kept = [p.read_bytes() for p in (tmp_path / ".qfieldcloud" / "trash").rglob("*") if p.is_file()]
    assert kept == [b"old a"]
    assert "kept_local_version" in files[0] and "kept_local_version" not in files[1]


def test_the_file_named_as_the_failure_is_one_that_failed_not_one_left_waiting_before_it(fake, tmp_path):
    # Two large files cannot be in flight together (their sizes exceed the bytes in flight), so the
    # one that waits never starts once the token is refused; it comes before the refused file in
    # the listing, but it is the refused file that kept the others from being applied.
    small, large = b"small", b"\0" * (40 * 1024 * 1024)
    names = ["d.bin", "large-1.bin", "large-2.bin", "refused.bin"]
    served = dict(zip(names, [small, large, large, b"x"]))
    listing = [{**entry(data), "name": name} for name, data in served.items()]
    fake.route("GET", f"api/v1/files/{PID}/", json_reply(listing))
    small_asked, refused_asked = threading.Event(), threading.Event()

    def small_file(request):
        small_asked.set()
        return Reply(200, {}, small)

    def large_file(request):
        refused_asked.wait(30)  # in flight until the refusal is on its way
        return Reply(200, {}, large)

    def refused(request):
        refused_asked.set()
        small_asked.wait(30)  # the small file has started: it arrives, and is not applied
        return json_reply({"code": "not_authenticated"}, status=401)

    fake.route("GET", f"api/v1/files/{PID}/d.bin/", small_file)
    fake.route("GET", f"api/v1/files/{PID}/large-1.bin/", large_file)
    fake.route("GET", f"api/v1/files/{PID}/large-2.bin/", large_file)
    fake.route("GET", f"api/v1/files/{PID}/refused.bin/", refused)
    files = {f["name"]: f for f in client_for(fake, max_retries=0).download_project(PID, str(tmp_path), concurrency=4)}
    assert str(files["d.bin"]["error"]).endswith('first "refused.bin"')
    waited = [n for n in ("large-1.bin", "large-2.bin") if files[n]["status"] == FileTransferStatus.PENDING]
    assert len(waited) <= 1 and all(files[n]["error"] is None for n in waited)
    assert contents_of(tmp_path) == []


def test_a_project_download_asks_for_the_checksums_and_prints_nothing_unless_asked(fake, tmp_path, capsys):
    data = os.urandom(100)
    fake.route("GET", f"api/v1/files/{PID}/", json_reply([entry(data)]))
    fake.route("GET", FILE, Reply(200, {}, data))
    client_for(fake).download_project(PID, str(tmp_path))
    # an older server lists the SHA-256 only when asked with skip_metadata=0
    assert "skip_metadata=0" in fake.requests[0].query
    assert capsys.readouterr().err == ""
    client_for(fake).download_project(PID, str(tmp_path / "again"), show_progress=True)
    assert capsys.readouterr().err.splitlines() == [f"1/1 {NAME}"]


def test_a_file_without_a_listed_size_fetched_again_after_a_mismatch_counts_no_listed_bytes(fake, tmp_path):
    stale, fresh = b"stale bytes", b"the fresh version"
    listed = {"name": NAME, "md5sum": hashlib.md5(fresh).hexdigest()}  # no size, no SHA-256
    fake.route("GET", f"api/v1/files/{PID}/", json_reply([listed]))
    fake.route("GET", METADATA, json_reply(listed))
    fake.route("GET", FILE, Reply(200, {}, stale), Reply(200, {}, fresh))
    client = client_for(fake)
    files = client.download_project(PID, str(tmp_path))
    assert files[0]["status"] == FileTransferStatus.SUCCESS, files[0]["error"]
    assert (tmp_path / "sub" / "a.bin").read_bytes() == fresh
    assert (client.transport.stats["checksum_retries"], client.transport.stats["bytes_refetched"]) == (1, 0)
