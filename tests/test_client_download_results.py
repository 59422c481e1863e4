"""What a download says of each file: whether it arrived, was skipped as current, and whether its
content was checked against the listing (`verified`), which callers show and record.

Real HTTP over loopback to a scriptable server (tests/support/fake_http.py).
"""

import hashlib
import os

import pytest

from qfieldcloud_plugin.client import ChecksumMismatchError, Client, FileTransferStatus, TransferCancelledError
from qfieldcloud_plugin.client import download as download_module
from tests.support.fake_http import Reply, json_reply, listing_entry

PID = "0b7c2a3e-5b1d-4f7a-9c2e-8d3f4a5b6c7d"
LISTING = f"api/v1/files/{PID}/"


def test_each_file_says_whether_its_content_was_checked(fake, tmp_path):
    checked = listing_entry("checked.txt", b"with checksums")
    unchecked = {"name": "bare.txt"}  # a listing entry with neither size nor checksums proves nothing
    fake.route("GET", LISTING, json_reply([checked, unchecked]))
    fake.route("GET", LISTING + "checked.txt/", Reply(200, {}, b"with checksums"))
    fake.route("GET", LISTING + "bare.txt/", Reply(200, {}, b"anything"))
    client = Client(fake.url, token="t", max_retries=0)

    first = {f["name"]: f for f in client.download_project(PID, str(tmp_path))}
    assert {n: (f["status"], f["verified"], bool(f.get("skipped"))) for n, f in first.items()} == {
        "checked.txt": (FileTransferStatus.SUCCESS, True, False),
        "bare.txt": (FileTransferStatus.SUCCESS, False, False),
    }

    again = {f["name"]: f for f in client.download_project(PID, str(tmp_path))}
    assert (again["checked.txt"]["verified"], again["checked.txt"]["skipped"]) == (True, True)  # current: not fetched


def test_download_files_with_its_defaults_takes_every_file_skips_current_ones_keeps_local_work_and_is_quiet(
    fake, tmp_path, capfd
):
    from tests.support.fake_http import serve_project_files

    serve_project_files(fake, PID, {"a.txt": b"a from the server", "b.txt": b"b", "sub/c.txt": b"c"})
    client = Client(fake.url, token="t", max_retries=0)
    (tmp_path / "b.txt").write_bytes(b"b")  # already current
    (tmp_path / "a.txt").write_bytes(b"my own a")  # local work

    files = {f["name"]: f for f in client.download_files(client.list_remote_files(PID), PID, "project", str(tmp_path))}

    assert sorted(files) == ["a.txt", "b.txt", "sub/c.txt"]
    assert files["b.txt"]["skipped"] and not files["a.txt"]["skipped"]
    assert files["a.txt"]["kept_local_version"].endswith("a.txt")
    assert capfd.readouterr().err == ""


def test_a_file_dict_used_again_starts_afresh(fake, tmp_path):
    from tests.support.fake_http import serve_project_files

    serve_project_files(fake, PID, {"a.txt": b"v1"})
    client = Client(fake.url, token="t", max_retries=0)
    files = client.list_remote_files(PID)
    client.download_files(files, PID, "project", str(tmp_path))
    assert files[0]["verified"] and files[0]["status"] == FileTransferStatus.SUCCESS
    fake.route("GET", LISTING + "a.txt/", Reply(500, {"Content-Type": "text/plain"}, b"gone"))
    (tmp_path / "a.txt").unlink()

    client.download_files(files, PID, "project", str(tmp_path))

    assert files[0]["status"] == FileTransferStatus.FAILED
    assert (files[0]["verified"], files[0]["skipped"]) == (False, False)  # nothing left over from the first time


@pytest.mark.parametrize(
    "proof, verified",
    [("md5sum", True), ("sha256", True), ("size", True), (None, False)],
)
def test_one_proof_of_the_content_is_enough_for_a_file_to_count_as_checked(fake, tmp_path, proof, verified):
    data = b"with one proof"
    entry = {k: v for k, v in listing_entry("a.txt", data).items() if k in ("name", proof)}
    fake.route("GET", LISTING, json_reply([entry]))
    fake.route("GET", LISTING + "a.txt/", Reply(200, {}, data))
    (file,) = Client(fake.url, token="t", max_retries=0).download_project(PID, str(tmp_path))
    assert (file["status"], file["verified"]) == (FileTransferStatus.SUCCESS, verified)


def test_a_file_the_server_says_is_not_modified_counts_as_checked(fake, tmp_path):
    (tmp_path / "a.txt").write_bytes(b"local, the server's current copy")
    fake.route("GET", LISTING, json_reply([listing_entry("a.txt", b"an older listing")]))
    fake.route("GET", LISTING + "a.txt/", Reply(304, {}, b""))
    (file,) = Client(fake.url, token="t", max_retries=0).download_project(PID, str(tmp_path))
    assert (file["status"], file["skipped"], file["verified"]) == (FileTransferStatus.SUCCESS, True, True)


def test_a_file_taken_from_what_a_failed_download_staged_counts_as_checked(fake, tmp_path):
    a, b = b"arrived the first time", b"failed the first time"
    fake.route("GET", LISTING, json_reply([listing_entry("a.txt", a), listing_entry("b.txt", b)]))
    fake.route("GET", LISTING + "a.txt/", Reply(200, {}, a))
    fake.route("GET", LISTING + "b.txt/", json_reply({"code": "unknown_error"}, 500), Reply(200, {}, b))
    client = Client(fake.url, token="t", max_retries=0)
    client.download_project(PID, str(tmp_path))
    second = {f["name"]: f for f in client.download_project(PID, str(tmp_path))}
    assert (second["a.txt"]["status"], second["a.txt"]["verified"]) == (FileTransferStatus.SUCCESS, True)
    assert [r.path for r in fake.requests].count(f"/{LISTING}a.txt/") == 1  # taken from staging


def test_a_batch_reports_bytes_as_they_arrive_against_the_listed_sizes(fake, tmp_path, monkeypatch):
    monkeypatch.setattr(download_module, "DOWNLOAD_CHUNK_SIZE", 1000)
    sized, unsized = os.urandom(5000), b"size not listed"
    fake.route("GET", LISTING, json_reply([listing_entry("sized.bin", sized), {"name": "unsized.txt"}]))
    fake.route("GET", LISTING + "sized.bin/", Reply(200, {}, sized))
    fake.route("GET", LISTING + "unsized.txt/", Reply(200, {}, unsized))
    seen = []
    Client(fake.url, token="t", max_retries=0).download_project(PID, str(tmp_path), progress_callback=seen.append)
    assert {e.bytes_total for e in seen} == {5000}  # a file without a listed size adds nothing to the total
    assert any(e.name == "sized.bin" and 0 < e.file_bytes_done < 5000 for e in seen)  # while it arrives
    assert seen[-1].files_done == 2


def test_a_cancel_while_a_batch_s_file_arrives_stops_reading_it(fake, tmp_path, monkeypatch):
    monkeypatch.setattr(download_module, "DOWNLOAD_CHUNK_SIZE", 4)
    data = os.urandom(64)
    fake.route("GET", LISTING, json_reply([listing_entry("a.bin", data)]))
    fake.route("GET", LISTING + "a.bin/", Reply(200, {}, data, drip=0.02))
    seen = []
    with pytest.raises(TransferCancelledError):
        Client(fake.url, token="t", max_retries=0).download_project(
            PID, str(tmp_path), progress_callback=seen.append, is_cancelled=lambda: bool(seen)
        )
    assert max(e.file_bytes_done for e in seen) < 64  # not read to its end
    assert [p.name for p in tmp_path.iterdir()] in ([], [".qfieldcloud"])


def test_a_caller_s_file_dict_checked_by_its_etag_alone_refuses_other_bytes_of_the_same_size(fake, tmp_path):
    wanted, served = b"the wanted bytes", b"other bytes here"  # the same size
    given = {"name": "a.txt", "etag": hashlib.md5(wanted).hexdigest()}  # as a caller of download_files may give it
    fake.route("GET", LISTING + "a.txt/", Reply(200, {}, served))
    fake.route("GET", f"api/v1/files/metadata/{PID}/a.txt/", json_reply({}, 404))
    (file,) = Client(fake.url, token="t", max_retries=0).download_files([given], PID, "project", str(tmp_path))
    assert file["status"] == FileTransferStatus.FAILED and isinstance(file["error"], ChecksumMismatchError)
    assert not (tmp_path / "a.txt").exists()
