"""`Client.download_file`, the SDK's one-file download: progress, cancellation, `If-None-Match`,
and verification against what the caller says the file is. A scripted loopback server."""

import hashlib

import pytest

from qfieldcloud_plugin.client import ChecksumMismatchError, Client, TransferCancelledError, UnsafePathError, calc_etag
from tests.support.fake_http import Reply, json_reply

PID = "4a0e8d8e-6b8a-4a55-9d64-3f0f5d1c2b7a"
DATA = b"the server's copy\n" * 500


def client_for(fake):
    return Client(fake.url, token="t", max_retries=0)


def serve(fake, data=DATA, name="a.txt"):
    fake.route("GET", f"api/v1/files/{PID}/{name}/", Reply(200, {}, data))


@pytest.mark.parametrize("size_known", [True, False])
def test_progress_goes_to_the_callback_and_ends_with_the_whole_file(fake, tmp_path, size_known):
    big = DATA * 300  # ~2.7 MB: several reads, so events on the way
    serve(fake, big)
    seen = []
    client_for(fake).download_file(
        PID,
        "project",
        tmp_path / "a.txt",
        "a.txt",
        progress_callback=seen.append,
        remote_size=len(big) if size_known else None,
    )
    assert {event.name for event in seen} == {"a.txt"}
    assert any(0 < e.file_bytes_done < len(big) for e in seen)  # on the way, not only at the end
    assert all(e.file_bytes_total == len(big) and e.files_total == 1 for e in seen)
    assert all(e.bytes_total == (len(big) if size_known else 0) for e in seen)  # 0: unknown
    last = seen[-1]
    assert (last.file_bytes_done, last.bytes_done, last.files_done) == (len(big), len(big), 1)


def test_progress_is_printed_only_when_asked(fake, tmp_path, capfd):
    serve(fake)
    client = client_for(fake)
    client.download_file(PID, "project", tmp_path / "quiet.txt", "a.txt")
    assert capfd.readouterr().err == ""
    client.download_file(PID, "project", tmp_path / "shown.txt", "a.txt", show_progress=True)
    assert "a.txt" in capfd.readouterr().err


def test_a_download_cancelled_before_or_after_it_started_leaves_nothing(fake, tmp_path):
    serve(fake, DATA * 200)  # ~1.8 MB: more than one read
    client = client_for(fake)
    with pytest.raises(TransferCancelledError) as before:
        client.download_file(PID, "project", tmp_path / "a.txt", "a.txt", is_cancelled=lambda: True)
    assert str(before.value) == 'Download of "a.txt" cancelled' and fake.requests == []
    asked = []
    with pytest.raises(TransferCancelledError):
        client.download_file(
            PID, "project", tmp_path / "a.txt", "a.txt", is_cancelled=lambda: asked.append(1) or len(asked) > 1
        )  # no, then yes
    assert not (tmp_path / "a.txt").exists() and not list((tmp_path / ".qfieldcloud").glob("**/a.txt*"))


def test_a_differing_local_file_is_sent_as_if_none_match_and_a_304_keeps_it(fake, tmp_path):
    local = tmp_path / "a.txt"
    local.write_bytes(b"the same bytes as the server's, says the server")
    fake.route("GET", f"api/v1/files/{PID}/a.txt/", Reply(304, {}, b""))
    client_for(fake).download_file(PID, "project", local, "a.txt", remote_etag="0" * 32)
    assert fake.requests[0].headers["If-None-Match"] == calc_etag(local)
    assert local.read_bytes() == b"the same bytes as the server's, says the server"


def test_an_up_to_date_local_file_is_not_asked_for(fake, tmp_path, caplog):
    local = tmp_path / "a.txt"
    local.write_bytes(DATA)
    with caplog.at_level("INFO", logger="qfieldcloud_plugin.client"):
        assert client_for(fake).download_file(PID, "project", local, "a.txt", remote_etag=calc_etag(local)) is None
    assert fake.requests == []
    assert 'Skipping "a.txt": the local file is up to date' in [r.getMessage() for r in caplog.records]


@pytest.mark.parametrize(
    "wrong",
    [
        {"remote_size": len(DATA) + 1},
        {"remote_sha256": hashlib.sha256(b"other").hexdigest()},
        {"remote_md5sum": hashlib.md5(b"other").hexdigest()},
        {"remote_etag": hashlib.md5(b"other").hexdigest()},  # without a md5sum, the ETag is the checksum
    ],
)
def test_a_download_that_does_not_match_what_the_caller_knows_is_refused(fake, tmp_path, wrong):
    serve(fake)
    client = client_for(fake)
    with pytest.raises(ChecksumMismatchError):
        client.download_file(PID, "project", tmp_path / "a.txt", "a.txt", **wrong)
    assert not (tmp_path / "a.txt").exists()
    right = {
        "remote_size": len(DATA),
        "remote_sha256": hashlib.sha256(DATA).hexdigest(),
        "remote_md5sum": hashlib.md5(DATA).hexdigest(),
        "remote_etag": hashlib.md5(DATA).hexdigest(),
    }
    key = next(iter(wrong))
    client.download_file(PID, "project", tmp_path / "a.txt", "a.txt", **{key: right[key]})
    assert (tmp_path / "a.txt").read_bytes() == DATA


def test_a_remote_name_with_an_empty_segment_is_refused_before_any_request(fake, tmp_path):
    with pytest.raises(UnsafePathError):
        client_for(fake).download_file(PID, "project", tmp_path / "a.txt", "sub//a.txt")
    assert fake.requests == []


# --- a file that changed after it was listed: the listing is read again --------------------------

V1, V2 = b"version one\n" * 100, b"version two, uploaded since\n" * 100


def entry_of(data, name="a.txt"):
    return {
        "name": name,
        "size": len(data),
        "md5sum": hashlib.md5(data).hexdigest(),
        "sha256": hashlib.sha256(data).hexdigest(),
    }


def download_listed_v1(fake, tmp_path, download_type="project"):
    """Download a.txt expecting V1 while the server already serves V2."""
    client = Client(fake.url, token="t", max_retries=2)
    client.transport.backoff_factor = 0.01
    v1 = entry_of(V1)
    return client.download_file(
        PID, download_type, tmp_path / "a.txt", "a.txt", remote_sha256=v1["sha256"], remote_size=v1["size"]
    )


def test_a_file_changed_since_it_was_listed_is_fetched_again_against_its_new_metadata(fake, tmp_path):
    serve(fake, V2)
    fake.route("GET", f"api/v1/files/metadata/{PID}/a.txt/", json_reply(entry_of(V2)))
    download_listed_v1(fake, tmp_path)
    assert (tmp_path / "a.txt").read_bytes() == V2


def test_without_a_metadata_endpoint_the_new_entry_comes_from_the_listing(fake, tmp_path):
    """Servers of 2024 have no files/metadata/: a 404 page, then the project's listing (with sha256)."""
    serve(fake, V2)
    fake.route("GET", f"api/v1/files/{PID}/", json_reply([entry_of(b"other", "b.txt"), entry_of(V2)]))
    download_listed_v1(fake, tmp_path)
    assert (tmp_path / "a.txt").read_bytes() == V2


def test_a_package_file_changed_since_it_was_listed_is_checked_against_the_package_listing(fake, tmp_path):
    fake.route("GET", f"api/v1/packages/{PID}/latest/files/a.txt/", Reply(200, {}, V2))
    fake.route("GET", f"api/v1/packages/{PID}/latest/", json_reply({"status": "finished", "files": [entry_of(V2)]}))
    download_listed_v1(fake, tmp_path, "package")
    assert (tmp_path / "a.txt").read_bytes() == V2


def test_when_the_listing_cannot_be_read_again_the_download_fails_and_says_why(fake, tmp_path, caplog):
    serve(fake, V2)
    fake.route("GET", f"api/v1/files/metadata/{PID}/a.txt/", Reply(503, {}, b"busy"))
    with caplog.at_level("INFO", logger="qfieldcloud_plugin.client"):
        with pytest.raises(ChecksumMismatchError):
            download_listed_v1(fake, tmp_path)
    said = [r.getMessage() for r in caplog.records if r.getMessage().startswith("Could not read the listing")]
    assert said and said[0].startswith('Could not read the listing of "a.txt" again: ') and "503" in said[0]
    assert not (tmp_path / "a.txt").exists()


def test_metadata_that_is_not_an_object_counts_as_no_new_entry(fake, tmp_path):
    serve(fake, V2)
    fake.route("GET", f"api/v1/files/metadata/{PID}/a.txt/", json_reply(["a.txt", "not an object"]))
    with pytest.raises(ChecksumMismatchError):
        download_listed_v1(fake, tmp_path)
    assert not (tmp_path / "a.txt").exists()
