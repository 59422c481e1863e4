"""`package_download` as its caller sees it: only a finished package, its options honoured.

Real HTTP over loopback to a scriptable server (tests/support/fake_http.py).
"""

import pytest

from qfieldcloud_plugin.client import Client, FileTransferStatus, InvalidGlobError, QfcException, QfcRequestException
from tests.support.fake_http import Reply, json_reply, listing_entry

PID = "0b7c2a3e-5b1d-4f7a-9c2e-8d3f4a5b6c7d"
LATEST = f"api/v1/packages/{PID}/latest/"
FILES = {"data.gpkg": b"offline layers", "survey_qfield.qgs": b"<qgis/>"}


def client_for(server):
    client = Client(server.url, token="t", max_retries=0)
    client.transport.backoff_factor = 0
    return client


def serve_package(server, files=FILES, status="finished", broken=()):
    server.route(
        "GET", LATEST, json_reply({"status": status, "files": [listing_entry(n, d) for n, d in files.items()]})
    )
    for name, data in files.items():
        reply = Reply(500, {"Content-Type": "text/plain"}, b"storage down") if name in broken else Reply(200, {}, data)
        server.route("GET", LATEST + "files/" + name + "/", reply)


def test_only_a_finished_package_is_downloaded_and_the_message_says_how_to_make_one(fake, tmp_path):
    serve_package(fake, status="failed")
    with pytest.raises(QfcException) as raised:
        client_for(fake).package_download(PID, str(tmp_path))
    assert str(raised.value) == (
        f'The project has no finished package (status "failed"). '
        f'Trigger one with job_trigger("{PID}", "package") and wait for it.'
    )
    assert list(tmp_path.iterdir()) == []


def test_the_filter_progress_and_local_versions_options_reach_the_download(fake, tmp_path):
    serve_package(fake)
    (tmp_path / "data.gpkg").write_bytes(b"edited in the field copy")
    seen = []

    files = client_for(fake).package_download(
        PID, str(tmp_path), filter_glob="*.gpkg", progress_callback=seen.append, keep_local_versions=False
    )

    assert [(f["name"], f["status"]) for f in files] == [("data.gpkg", FileTransferStatus.SUCCESS)]
    assert (tmp_path / "data.gpkg").read_bytes() == b"offline layers"
    assert not (tmp_path / "survey_qfield.qgs").exists()
    assert not (tmp_path / ".qfieldcloud" / "trash").exists()  # told not to keep the local version
    assert {e.name for e in seen} == {"data.gpkg"} and seen[-1].bytes_done == len(b"offline layers")


def test_a_failed_file_is_reported_or_raised_as_asked(fake, tmp_path):
    serve_package(fake, broken=("data.gpkg",))
    files = {f["name"]: f for f in client_for(fake).package_download(PID, str(tmp_path / "a"))}
    assert files["data.gpkg"]["status"] == FileTransferStatus.FAILED
    with pytest.raises(QfcException):
        client_for(fake).package_download(PID, str(tmp_path / "b"), throw_on_error=True)


def test_a_cancelled_package_download_writes_nothing(fake, tmp_path):
    from qfieldcloud_plugin.client import TransferCancelledError

    serve_package(fake)
    with pytest.raises(TransferCancelledError):
        client_for(fake).package_download(PID, str(tmp_path), is_cancelled=lambda: True)
    assert not (tmp_path / "data.gpkg").exists() and not (tmp_path / "survey_qfield.qgs").exists()


def test_by_default_a_field_copy_edited_here_is_kept_in_the_trash_and_nothing_is_printed(fake, tmp_path, capsys):
    serve_package(fake)
    (tmp_path / "data.gpkg").write_bytes(b"edited in the field copy")
    files = client_for(fake).package_download(PID, str(tmp_path))
    assert {f["name"]: f["status"] for f in files} == dict.fromkeys(FILES, FileTransferStatus.SUCCESS)
    assert (tmp_path / "data.gpkg").read_bytes() == b"offline layers"
    kept = [p for p in (tmp_path / ".qfieldcloud" / "trash").rglob("*") if p.is_file()]
    assert [p.read_bytes() for p in kept] == [b"edited in the field copy"]
    assert capsys.readouterr().err == ""  # a library call shows no progress unless asked


def test_progress_is_shown_on_stderr_when_asked(fake, tmp_path, capsys):
    serve_package(fake)
    client_for(fake).package_download(PID, str(tmp_path), show_progress=True)
    assert "data.gpkg" in capsys.readouterr().err


def test_a_forced_download_fetches_a_file_that_is_already_current(fake, tmp_path):
    serve_package(fake)
    for name, data in FILES.items():
        (tmp_path / name).write_bytes(data)
    client_for(fake).package_download(PID, str(tmp_path))
    assert [r.path for r in fake.requests] == ["/" + LATEST]  # both current: nothing fetched
    client_for(fake).package_download(PID, str(tmp_path), force_download=True)
    fetched = sorted(r.path for r in fake.requests if "/files/" in r.path)
    assert fetched == sorted(f"/{LATEST}files/{name}/" for name in FILES)


def test_a_bad_filter_is_refused_before_the_server_is_asked(fake, tmp_path):
    serve_package(fake)
    with pytest.raises(InvalidGlobError):
        client_for(fake).package_download(PID, str(tmp_path), filter_glob="/etc/*")
    assert fake.requests == []


def test_only_the_no_package_answer_becomes_the_how_to_message(fake, tmp_path):
    # another refusal, even without a code, is the server's own error, not "no package yet"
    fake.route("GET", LATEST, json_reply({"detail": "Not found."}, status=404))
    with pytest.raises(QfcRequestException) as raised:
        client_for(fake).package_download(PID, str(tmp_path))
    assert raised.value.status_code == 404
    assert "no package yet" not in str(raised.value)
