"""After an upload, the client reads the listing back: what the server did not store as sent is sent again.

Real HTTP over loopback to a scriptable server (tests/support/fake_http.py) that stores files wrongly,
loses them, or cannot list them any more.
"""

import hashlib

import pytest

from qfieldcloud_plugin.client import (
    ChecksumMismatchError,
    Client,
    FileTransferStatus,
    QfcException,
    QfcRequestException,
)
from tests.support.fake_http import Reply, json_reply, listing_entry

PID = "0b7c2a3e-5b1d-4f7a-9c2e-8d3f4a5b6c7d"
LISTING = f"api/v1/files/{PID}/"
UPLOAD = f"api/v1/files/{PID}/a.txt/"
CONTENT = b"content"
GARBLED = {
    "name": "a.txt",
    "size": 3,
    "md5sum": hashlib.md5(b"xyz").hexdigest(),
    "sha256": hashlib.sha256(b"xyz").hexdigest(),
}


def client_for(server, max_retries=1):
    client = Client(server.url, token="t", max_retries=max_retries)
    client.transport.backoff_factor = 0
    return client


def project_with_a_file(tmp_path, data=CONTENT):
    (tmp_path / "a.txt").write_bytes(data)
    return tmp_path


def posts(server):
    return [r for r in server.requests if r.method == "POST" and r.path == "/" + UPLOAD]


def test_a_file_the_server_stored_wrongly_is_sent_again_and_then_verified(fake, tmp_path):
    # before the upload: nothing; after it, twice a wrong copy (a second look first), then the right one
    right = listing_entry("a.txt", CONTENT)
    fake.route("GET", LISTING, json_reply([]), json_reply([GARBLED]), json_reply([GARBLED]), json_reply([right]))
    fake.route("POST", UPLOAD, json_reply({}, 201))
    client = client_for(fake)
    files = client.upload_files(PID, "project", str(project_with_a_file(tmp_path)))
    assert files[0]["status"] == FileTransferStatus.SUCCESS and files[0]["error"] is None
    assert files[0]["remote"]["sha256"] == right["sha256"]  # the server's entry of what it holds now
    sent = posts(fake)
    assert len(sent) == 2 and all(CONTENT in r.body for r in sent)  # the same file, to the same project and name
    assert (client.transport.stats["checksum_retries"], client.transport.stats["bytes_resent"]) == (1, len(CONTENT))


def test_a_file_changed_before_it_is_sent_again_is_verified_as_it_is_now(fake, tmp_path):
    root = project_with_a_file(tmp_path)
    edited = b"edited in the field, longer"

    def wrong_copy_while_the_user_saves(_request):
        (root / "a.txt").write_bytes(edited)
        return json_reply([GARBLED])

    fake.route(
        "GET",
        LISTING,
        json_reply([]),
        json_reply([GARBLED]),
        wrong_copy_while_the_user_saves,
        json_reply([listing_entry("a.txt", edited)]),
    )
    fake.route("POST", UPLOAD, json_reply({}, 201))
    files = client_for(fake).upload_files(PID, "project", str(root))
    assert files[0]["status"] == FileTransferStatus.SUCCESS
    # the result describes what the server now holds: the edited file, not the first one sent
    assert (files[0]["size"], files[0]["sha256"]) == (len(edited), hashlib.sha256(edited).hexdigest())
    assert edited in posts(fake)[-1].body


@pytest.mark.parametrize("max_retries", [0, 2])
def test_a_file_the_server_never_stores_right_fails_naming_both_copies(fake, tmp_path, max_retries):
    fake.route("GET", LISTING, json_reply([]), json_reply([GARBLED]))
    fake.route("POST", UPLOAD, json_reply({}, 201))
    client = client_for(fake, max_retries)
    files = client.upload_files(PID, "project", str(project_with_a_file(tmp_path)))
    assert files[0]["status"] == FileTransferStatus.FAILED and "remote" not in files[0]
    assert isinstance(files[0]["error"], ChecksumMismatchError)
    assert str(files[0]["error"]) == (
        f'"a.txt" was not stored as sent (7 bytes, sha256 {hashlib.sha256(CONTENT).hexdigest()}): '
        f"the server's copy holds 3 bytes, sha256 {GARBLED['sha256']}"
    )
    # sent once, then once more per retry, each time after a second look at the listing
    assert len(posts(fake)) == 1 + max_retries
    assert client.transport.stats["checksum_retries"] == max_retries
    assert client.transport.stats["bytes_resent"] == max_retries * len(CONTENT)
    listings_after_sending = [r for r in fake.requests if r.method == "GET" and r.path == "/" + LISTING][1:]
    assert len(listings_after_sending) == max_retries + 2


def test_a_file_missing_from_the_listing_after_it_was_sent_fails_and_throws_when_asked(fake, tmp_path):
    fake.route("GET", LISTING, json_reply([]))
    fake.route("POST", UPLOAD, json_reply({}, 201))
    root = project_with_a_file(tmp_path)
    files = client_for(fake, 0).upload_files(PID, "project", str(root))
    assert files[0]["status"] == FileTransferStatus.FAILED
    assert str(files[0]["error"]).endswith("the server's copy is missing")
    with pytest.raises(ChecksumMismatchError, match="the server's copy is missing"):
        client_for(fake, 0).upload_files(PID, "project", str(root), throw_on_error=True)


def test_a_listing_that_cannot_be_read_after_sending_fails_each_sent_file(fake, tmp_path):
    (tmp_path / "b.txt").write_bytes(b"other")
    fake.route("GET", LISTING, json_reply([]), json_reply({"detail": "down for maintenance"}, 503))
    fake.route("POST", UPLOAD, json_reply({}, 201))
    fake.route("POST", f"api/v1/files/{PID}/b.txt/", json_reply({}, 201))
    files = client_for(fake, 0).upload_files(PID, "project", str(project_with_a_file(tmp_path)))
    assert [f["status"] for f in files] == [FileTransferStatus.FAILED] * 2
    for file in files:
        assert isinstance(file["error"], QfcException)
        assert str(file["error"]).startswith(f'"{file["name"]}" was sent but could not be verified: ')
        assert "down for maintenance" in str(file["error"]) or "503" in str(file["error"])


def test_a_listing_that_cannot_be_read_after_sending_is_raised_when_asked(fake, tmp_path):
    fake.route("GET", LISTING, json_reply([]), json_reply({"detail": "down for maintenance"}, 503))
    fake.route("POST", UPLOAD, json_reply({}, 201))
    with pytest.raises(QfcRequestException):
        client_for(fake, 0).upload_files(PID, "project", str(project_with_a_file(tmp_path)), throw_on_error=True)


def test_a_second_send_that_fails_reports_its_own_error(fake, tmp_path):
    fake.route("GET", LISTING, json_reply([]), json_reply([GARBLED]))
    fake.route(
        "POST", UPLOAD, json_reply({}, 201), json_reply({"code": "permission_denied", "message": "quota exceeded"}, 403)
    )
    root = project_with_a_file(tmp_path)
    files = client_for(fake).upload_files(PID, "project", str(root))
    assert files[0]["status"] == FileTransferStatus.FAILED
    assert not isinstance(files[0]["error"], ChecksumMismatchError) and "quota exceeded" in str(files[0]["error"])
    assert len(posts(fake)) == 2  # a refused second send is not sent a third time


def test_a_second_send_that_fails_is_raised_when_asked(fake, tmp_path):
    fake.route("GET", LISTING, json_reply([]), json_reply([GARBLED]))
    fake.route(
        "POST", UPLOAD, json_reply({}, 201), json_reply({"code": "permission_denied", "message": "quota exceeded"}, 403)
    )
    with pytest.raises(QfcRequestException, match="quota exceeded"):
        client_for(fake).upload_files(PID, "project", str(project_with_a_file(tmp_path)), throw_on_error=True)


def test_a_file_deleted_before_it_is_sent_again_fails_as_gone(fake, tmp_path):
    root = project_with_a_file(tmp_path)

    def wrong_copy_while_the_user_deletes(_request):
        (root / "a.txt").unlink()
        return json_reply([GARBLED])

    fake.route("GET", LISTING, json_reply([]), json_reply([GARBLED]), wrong_copy_while_the_user_deletes)
    fake.route("POST", UPLOAD, json_reply({}, 201))
    files = client_for(fake).upload_files(PID, "project", str(root))
    assert files[0]["status"] == FileTransferStatus.FAILED
    assert isinstance(files[0]["error"], FileNotFoundError) and str(root / "a.txt") in str(files[0]["error"])
    assert len(posts(fake)) == 1


def test_an_unchanged_file_is_skipped_and_carries_the_servers_entry(fake, tmp_path):
    stored = dict(listing_entry("a.txt", CONTENT), uploaded_at="2026-12-01T10:00:00Z")
    fake.route("GET", LISTING, json_reply([stored]))
    files = client_for(fake).upload_files(PID, "project", str(project_with_a_file(tmp_path)))
    assert files[0]["skipped"] and files[0]["status"] == FileTransferStatus.SUCCESS
    assert files[0]["remote"]["uploaded_at"] == "2026-12-01T10:00:00Z"
    assert not posts(fake)


def test_a_changed_file_that_fails_verification_carries_no_stale_entry(fake, tmp_path):
    # the server held an older a.txt: after a failed upload, that entry must not pass for the new one
    fake.route("GET", LISTING, json_reply([listing_entry("a.txt", b"older")]))
    fake.route("POST", UPLOAD, json_reply({}, 201))
    files = client_for(fake, 0).upload_files(PID, "project", str(project_with_a_file(tmp_path)))
    assert files[0]["status"] == FileTransferStatus.FAILED and not files[0]["skipped"]
    assert "remote" not in files[0]


def test_files_verified_right_away_are_listed_once_more_and_not_sent_again(fake, tmp_path):
    right = listing_entry("a.txt", CONTENT)
    fake.route("GET", LISTING, json_reply([]), json_reply([right]))
    fake.route("POST", UPLOAD, json_reply({}, 201))
    client = client_for(fake, 3)
    files = client.upload_files(PID, "project", str(project_with_a_file(tmp_path)))
    assert files[0]["status"] == FileTransferStatus.SUCCESS and files[0]["remote"] == dict(right, etag=right["md5sum"])
    assert [r.method for r in fake.requests] == ["GET", "POST", "GET"]
    assert client.transport.stats["checksum_retries"] == 0


def test_a_wrong_copy_then_the_right_one_is_not_sent_again(fake, tmp_path):
    # a listing can lag behind a just-finished upload: a second look comes before any second send
    right = listing_entry("a.txt", CONTENT)
    fake.route("GET", LISTING, json_reply([]), json_reply([GARBLED]), json_reply([right]))
    fake.route("POST", UPLOAD, json_reply({}, 201))
    client = client_for(fake, 3)
    files = client.upload_files(PID, "project", str(project_with_a_file(tmp_path)))
    assert files[0]["status"] == FileTransferStatus.SUCCESS and files[0]["remote"]["sha256"] == right["sha256"]
    assert len(posts(fake)) == 1 and client.transport.stats["checksum_retries"] == 0


def test_an_upload_refused_at_once_is_not_verified(fake, tmp_path):
    fake.route("GET", LISTING, json_reply([]))
    fake.route(
        "POST",
        UPLOAD,
        Reply(
            403, {"Content-Type": "application/json"}, b'{"code": "permission_denied", "message": "read-only project"}'
        ),
    )
    files = client_for(fake).upload_files(PID, "project", str(project_with_a_file(tmp_path)))
    assert files[0]["status"] == FileTransferStatus.FAILED and "read-only project" in str(files[0]["error"])
    assert [r.method for r in fake.requests] == ["GET", "POST"]  # nothing sent, nothing to read back
