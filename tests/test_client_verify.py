"""Checks that run after an upload or on local files: against older servers, with a cap, in bounded memory."""

import hashlib
import os
import tracemalloc

import pytest

from qfieldcloud_plugin.client import ChecksumMismatchError, Client, FileTransferStatus, calc_etag
from qfieldcloud_plugin.client.hashing import calc_sha256
from tests.support.fake_http import FakeServer, Reply, json_reply

PID = "0b7c2a3e-5b1d-4f7a-9c2e-8d3f4a5b6c7d"
METADATA = f"api/v1/files/metadata/{PID}/a.txt/"


def test_verify_upload_on_a_server_that_lists_no_sha256_compares_the_etag(fake, tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"stored")
    entry = {"name": "a.txt", "size": 6, "md5sum": calc_etag(path)}  # older servers: no sha256
    fake.route("GET", METADATA, json_reply(entry))
    assert Client(fake.url, token="t").verify_upload(PID, path, "a.txt") == entry


def test_verify_upload_reads_the_listing_twice_then_gives_up(fake, tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"stored")
    # the listing can lag behind a just-finished upload: one second look, not more
    fake.route(
        "GET", METADATA, json_reply({"name": "a.txt", "size": 6, "sha256": hashlib.sha256(b"other!").hexdigest()})
    )
    with pytest.raises(ChecksumMismatchError):
        Client(fake.url, token="t").verify_upload(PID, path, "a.txt")
    assert [r.path for r in fake.requests] == [f"/{METADATA}"] * 2


def test_hashing_reads_a_large_file_in_bounded_memory(tmp_path):
    big = tmp_path / "big.bin"
    block = os.urandom(1 << 20)
    with open(big, "wb") as f:
        for _ in range(48):
            f.write(block)
    peaks = {}
    for hash_file in (calc_sha256, calc_etag):
        tracemalloc.start()
        try:
            digest = hash_file(big)
            peaks[hash_file.__name__] = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        if hash_file is calc_sha256:
            assert digest == hashlib.sha256(block * 48).hexdigest()
    assert max(peaks.values()) < 16 << 20, f"hashing a 48 MiB file peaked at {peaks} bytes"


def test_named_files_that_are_links_out_or_ignored(tmp_path):
    outside = tmp_path / "outside.txt"
    outside.write_text("not in the project")
    root = tmp_path / "p"
    root.mkdir()
    (root / "link.txt").symlink_to(outside)
    (root / "draft.tmp").write_text("chosen by name")
    (root / ".qfieldcloudignore").write_text("*.tmp\n")
    with FakeServer() as server:
        server.route("GET", f"api/v1/files/{PID}/", json_reply([]))
        server.route("POST", f"api/v1/files/{PID}/draft.tmp/", json_reply({}, 201))
        result = Client(server.url, token="t").upload_files(
            PID, "project", str(root), verify=False, names=["link.txt", "draft.tmp"]
        )
    by_name = {f["name"]: f for f in result}
    assert sorted(by_name) == ["draft.tmp", "link.txt"] and len(result) == 2  # each reported once
    assert by_name["draft.tmp"]["status"] == FileTransferStatus.SUCCESS  # a name wins over the ignore file
    refused = by_name["link.txt"]
    assert refused["status"] == FileTransferStatus.FAILED and refused["refused"]
    assert "any more" not in str(refused["error"])  # the real reason: a link out of the folder


def _entry(data, key):
    described = {"size": len(data), "md5sum": hashlib.md5(data).hexdigest(), "sha256": hashlib.sha256(data).hexdigest()}
    return {"name": "a.bin", "size": len(data), key: described[key]}


@pytest.mark.parametrize("key", ["size", "md5sum", "sha256"])
def test_a_file_replaced_twice_while_it_downloads_is_fetched_until_it_holds_still(tmp_path, key):
    # Each listing describes the file by one check only (older servers, packages). Versions that
    # differ only in that check must still count as a change, or the download gives up early.
    size_only = key == "size"
    a, b, c = (b"v-one", b"v-two!", b"v-three") if size_only else (b"one..", b"two..", b"three")
    with FakeServer() as server:
        server.route("GET", f"api/v1/files/{PID}/", json_reply([_entry(a, key)]))
        server.route("GET", f"api/v1/files/{PID}/a.bin/", Reply(200, {}, b), Reply(200, {}, c))
        server.route("GET", METADATA.replace("a.txt", "a.bin"), json_reply(_entry(b, key)), json_reply(_entry(c, key)))
        files = Client(server.url, token="t", max_retries=3).download_project(PID, str(tmp_path))
    assert files[0]["status"] == FileTransferStatus.SUCCESS, files[0].get("error")
    assert (tmp_path / "a.bin").read_bytes() == c


def test_the_multipart_etag_is_the_same_whatever_the_sizes_of_the_chunks_fed_to_it():
    from qfieldcloud_plugin.client.hashing import EtagHasher

    data = os.urandom(2500)
    parts = [data[i : i + 1000] for i in range(0, len(data), 1000)]  # as S3 computes it, 1000-byte parts
    expected = hashlib.md5(b"".join(hashlib.md5(p).digest() for p in parts)).hexdigest() + "-3"
    for chunk in (1, 7, 999, 1000, 1001, 4096):
        hasher = EtagHasher(part_size=1000)
        for i in range(0, len(data), chunk):
            hasher.update(data[i : i + chunk])
        assert hasher.hexdigest() == expected, chunk
