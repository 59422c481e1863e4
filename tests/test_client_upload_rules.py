"""The upload engine's rules that a server can observe: the project file waits for its data, and a
package upload goes to the job's package, whole and unverified by the project's listing.

Real HTTP over loopback to a scriptable server (tests/support/fake_http.py).
"""

import os
from pathlib import PurePosixPath

import pytest

from qfieldcloud_plugin.client import ChecksumMismatchError, Client, FileTransferStatus, QfcException, UnsafePathError
from tests.support.fake_http import Reply, json_reply, listing_entry

PID = "0b7c2a3e-5b1d-4f7a-9c2e-8d3f4a5b6c7d"
JOB = "5e1f0c9a-2b3d-4e5f-8a7b-6c5d4e3f2a1b"
LISTING = f"api/v1/files/{PID}/"


def client_for(server):
    client = Client(server.url, token="t", max_retries=0)
    client.transport.backoff_factor = 0
    return client


def test_the_project_file_is_not_sent_when_a_data_file_failed(fake, tmp_path):
    (tmp_path / "data.gpkg").write_bytes(b"data")
    (tmp_path / "notes.csv").write_bytes(b"notes")
    (tmp_path / "survey.qgs").write_bytes(b"<qgis/>")
    fake.route("GET", LISTING, json_reply([]), json_reply([listing_entry("notes.csv", b"notes")]))
    fake.route("POST", LISTING + "data.gpkg/", Reply(500, {"Content-Type": "text/plain"}, b"disk full"))
    fake.route("POST", LISTING + "notes.csv/", json_reply({}, 201))
    fake.route("POST", LISTING + "survey.qgs/", json_reply({}, 201))

    files = {f["name"]: f for f in client_for(fake).upload_files(PID, "project", str(tmp_path))}

    assert files["data.gpkg"]["status"] == FileTransferStatus.FAILED
    assert files["notes.csv"]["status"] == FileTransferStatus.SUCCESS
    assert files["survey.qgs"]["status"] == FileTransferStatus.FAILED
    assert str(files["survey.qgs"]["error"]) == '"survey.qgs" not sent: some data files failed to upload'
    assert not [r for r in fake.requests if r.method == "POST" and r.path.endswith("/survey.qgs/")]


def test_a_package_upload_needs_its_job_and_asks_nothing_before(fake, tmp_path):
    (tmp_path / "data.gpkg").write_bytes(b"data")
    with pytest.raises(QfcException) as raised:
        client_for(fake).upload_files(PID, "package", str(tmp_path))
    assert str(raised.value) == 'When the upload type is "package", you must pass the "job_id" parameter.'
    assert fake.requests == []


def test_a_package_upload_goes_to_the_job_whole_and_is_not_read_back_from_the_project(fake, tmp_path):
    (tmp_path / "data.gpkg").write_bytes(b"data")
    (tmp_path / "survey_qfield.qgs").write_bytes(b"<qgis/>")
    package = f"api/v1/packages/{PID}/{JOB}/files/"
    fake.route("POST", package + "data.gpkg/", json_reply({}, 201))
    fake.route("POST", package + "survey_qfield.qgs/", json_reply({}, 201))

    files = client_for(fake).upload_files(PID, "package", str(tmp_path), job_id=JOB)

    assert {f["name"]: f["status"] for f in files} == {
        "data.gpkg": FileTransferStatus.SUCCESS,
        "survey_qfield.qgs": FileTransferStatus.SUCCESS,
    }
    # Every file is sent (a package is never compared with the project's files), the project file
    # last, and nothing else is asked: package files are listed by the package job, not by files/.
    assert [(r.method, r.path) for r in fake.requests] == [
        ("POST", "/" + package + "data.gpkg/"),
        ("POST", "/" + package + "survey_qfield.qgs/"),
    ]


def test_one_file_goes_to_its_job_s_package_with_progress_for_that_file(fake, tmp_path):
    path = tmp_path / "x.gpkg"
    path.write_bytes(b"x" * 5000)
    package = f"api/v1/packages/{PID}/{JOB}/files/sub/x.gpkg/"
    fake.route("POST", package, json_reply({}, 201))
    client = client_for(fake)
    with pytest.raises(QfcException, match='you must pass the "job_id" parameter'):
        client.upload_file(PID, "package", path, "sub/x.gpkg")
    seen = []

    client.upload_file(PID, "package", path, "sub/x.gpkg", job_id=JOB, progress_callback=seen.append)

    assert [(r.method, r.path) for r in fake.requests] == [("POST", "/" + package)]
    assert seen and {(e.name, e.bytes_total, e.files_total) for e in seen} == {("sub/x.gpkg", 5000, 1)}
    assert seen[-1].bytes_done == 5000


def test_a_single_upload_cancelled_before_it_starts_sends_nothing(fake, tmp_path):
    from qfieldcloud_plugin.client import TransferCancelledError

    path = tmp_path / "x.txt"
    path.write_bytes(b"x" * 5000)
    fake.route("POST", LISTING + "x.txt/", json_reply({}, 201))
    with pytest.raises(TransferCancelledError):
        client_for(fake).upload_file(PID, "project", path, "x.txt", is_cancelled=lambda: True)
    assert [r for r in fake.requests if r.method == "POST"] == []


def test_an_upload_asks_for_json_and_names_the_file_by_its_base_name(fake, tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "x.gpkg").write_bytes(b"data")
    fake.route("GET", LISTING, json_reply([]), json_reply([listing_entry("sub/x.gpkg", b"data")]))
    fake.route("POST", LISTING + "sub/x.gpkg/", json_reply({}, 201))

    client_for(fake).upload_files(PID, "project", str(tmp_path))

    (post,) = [r for r in fake.requests if r.method == "POST"]
    headers = {k.lower(): v for k, v in post.headers.items()}
    assert headers["accept"] == "application/json"  # error answers come as {code, message}, not an HTML page
    assert headers["content-type"].startswith("multipart/form-data; boundary=")
    assert b'name="file"; filename="x.gpkg"' in post.body


def test_a_plan_re_checked_before_each_file_leaves_a_changed_file_unsent_and_says_why(fake, tmp_path):
    """`still_as_planned(name, path, server entry)` runs just before a file goes: a reason fails it unsent."""
    (tmp_path / "new.csv").write_bytes(b"new")
    (tmp_path / "old.csv").write_bytes(b"edited here")
    (tmp_path / "moved.csv").write_bytes(b"changed after the plan")
    server_entry = listing_entry("old.csv", b"old")

    def listing(request):  # as a 2024-09 server: no SHA-256 when asked to skip the metadata
        skip = "skip_metadata=1" in request.query
        return json_reply([{k: v for k, v in server_entry.items() if not (skip and k == "sha256")}])

    fake.route("GET", LISTING, listing)
    for name in ("new.csv", "old.csv"):
        fake.route("POST", LISTING + f"{name}/", json_reply({}, 201))
    asked = {}

    def still_as_planned(name, path, remote):
        asked[name] = (path, remote)
        return "changed since the plan was shown" if name == "moved.csv" else None

    files = {
        f["name"]: f
        for f in client_for(fake).upload_files(
            PID, "project", str(tmp_path), verify=False, force=True, still_as_planned=still_as_planned
        )
    }
    assert files["moved.csv"]["status"] == FileTransferStatus.FAILED
    assert str(files["moved.csv"]["error"]) == '"moved.csv" changed since the plan was shown; not sent'
    assert [files[n]["status"] for n in ("new.csv", "old.csv")] == [FileTransferStatus.SUCCESS] * 2
    sent = sorted(r.path.rsplit("/", 2)[-2] for r in fake.requests if r.method == "POST")
    assert sent == ["new.csv", "old.csv"]
    assert asked["new.csv"] == (tmp_path / "new.csv", None)  # not on the server yet
    assert asked["old.csv"][0] == tmp_path / "old.csv"
    # the server's entry, with every checksum: the plan's check compares the SHA-256 when there is one
    assert asked["old.csv"][1]["sha256"] == server_entry["sha256"]


@pytest.mark.parametrize("force", [False, True])
@pytest.mark.parametrize("re_checked", [False, True])  # a plan's re-check makes a forced upload read the listing too
def test_a_file_the_server_already_holds_is_skipped_unless_forced(fake, tmp_path, force, re_checked):
    (tmp_path / "same.csv").write_bytes(b"same")
    fake.route("GET", LISTING, json_reply([listing_entry("same.csv", b"same")]))
    fake.route("POST", LISTING + "same.csv/", json_reply({}, 201))
    still_as_planned = (lambda name, path, remote: None) if re_checked else None
    files = client_for(fake).upload_files(PID, "project", str(tmp_path), force=force, still_as_planned=still_as_planned)
    assert files[0]["status"] == FileTransferStatus.SUCCESS
    assert files[0]["skipped"] is not force
    assert len([r for r in fake.requests if r.method == "POST"]) == (1 if force else 0)


def test_one_file_named_by_a_path_goes_under_its_posix_name_without_progress_unless_asked(fake, tmp_path, capsys):
    path = tmp_path / "x.gpkg"
    path.write_bytes(b"data")
    fake.route("POST", LISTING + "sub/x.gpkg/", json_reply({}, 201))
    client_for(fake).upload_file(PID, "project", path, PurePosixPath("sub") / "x.gpkg")
    assert [(r.method, r.path) for r in fake.requests] == [("POST", f"/{LISTING}sub/x.gpkg/")]
    assert capsys.readouterr().err == ""
    client_for(fake).upload_file(PID, "project", path, "sub/x.gpkg", show_progress=True)
    assert "sub/x.gpkg" in capsys.readouterr().err


def test_one_file_is_sent_under_the_base_name_of_its_remote_name_not_of_the_local_file(fake, tmp_path):
    path = tmp_path / "draft 3.gpkg"
    path.write_bytes(b"data")
    fake.route("POST", LISTING + "sub/x.gpkg/", json_reply({}, 201))
    client_for(fake).upload_file(PID, "project", path, "sub/x.gpkg")
    assert b'name="file"; filename="x.gpkg"' in fake.requests[0].body


def test_one_file_s_name_is_checked_as_given_not_tidied(fake, tmp_path):
    path = tmp_path / "x.gpkg"
    path.write_bytes(b"data")
    with pytest.raises(UnsafePathError):
        client_for(fake).upload_file(PID, "project", path, "sub//x.gpkg")
    assert fake.requests == []


@pytest.mark.parametrize("stored", [b"data", b"torn"])
def test_one_file_verified_on_request_is_read_back_from_the_listing(fake, tmp_path, stored):
    path = tmp_path / "x.gpkg"
    path.write_bytes(b"data")
    fake.route("POST", LISTING + "sub/x.gpkg/", json_reply({}, 201))
    fake.route("GET", f"api/v1/files/metadata/{PID}/sub/x.gpkg/", json_reply(listing_entry("sub/x.gpkg", stored)))
    client = client_for(fake)
    client.upload_file(PID, "project", path, "sub/x.gpkg")  # not verified unless asked
    assert [r.method for r in fake.requests] == ["POST"]
    if stored == b"data":
        client.upload_file(PID, "project", path, "sub/x.gpkg", verify=True)
    else:
        with pytest.raises(ChecksumMismatchError, match=r'^"sub/x\.gpkg" on the server does not match the local file'):
            client.upload_file(PID, "project", path, "sub/x.gpkg", verify=True)
    assert [r.method for r in fake.requests][1:3] == ["POST", "GET"]


def test_an_upload_with_progress_counts_its_files_and_shows_them_on_stderr_when_asked(fake, tmp_path, capsys):
    for name in ("a.csv", "b.csv"):
        (tmp_path / name).write_bytes(name.encode())
    fake.route("GET", LISTING, json_reply([]), json_reply([listing_entry(n, n.encode()) for n in ("a.csv", "b.csv")]))
    fake.route("POST", LISTING + "a.csv/", json_reply({}, 201))
    fake.route("POST", LISTING + "b.csv/", json_reply({}, 201))
    seen = []
    client_for(fake).upload_files(PID, "project", str(tmp_path), progress_callback=seen.append)
    assert {e.files_total for e in seen} == {2} and seen[-1].files_done == 2
    assert capsys.readouterr().err == ""
    client_for(fake).upload_files(PID, "project", str(tmp_path), show_progress=True, force=True)
    lines = capsys.readouterr().err.splitlines()  # one line per file, in the order they completed
    assert sorted(line.split(" ", 1)[0] for line in lines) == ["1/2", "2/2"]
    assert sorted(line.split(" ", 1)[1] for line in lines) == ["a.csv", "b.csv"]


def a_folder_with_a_link_out(fake, tmp_path):
    """A project folder with ok.csv and link.csv, a link to a file outside it; the server takes ok.csv."""
    folder, outside = tmp_path / "p", tmp_path / "outside.csv"
    folder.mkdir()
    outside.write_bytes(b"not the project's")
    (folder / "ok.csv").write_bytes(b"ok")
    (folder / "link.csv").symlink_to(outside)
    fake.route("GET", LISTING, json_reply([]), json_reply([listing_entry("ok.csv", b"ok")]))
    fake.route("POST", LISTING + "ok.csv/", json_reply({}, 201))
    return folder


def test_a_link_out_of_the_folder_is_left_out_and_the_log_says_why(fake, tmp_path, caplog):
    folder = a_folder_with_a_link_out(fake, tmp_path)
    with caplog.at_level("INFO", logger="qfieldcloud_plugin.client"):
        files = {f["name"]: f for f in client_for(fake).upload_files(PID, "project", str(folder))}
    assert files["ok.csv"]["status"] == FileTransferStatus.SUCCESS
    assert files["link.csv"]["status"] == FileTransferStatus.FAILED
    assert str(files["link.csv"]["error"]) in caplog.messages
    assert [r.path for r in fake.requests if r.method == "POST"] == [f"/{LISTING}ok.csv/"]


def test_an_upload_asked_to_raise_names_the_file_it_left_out(fake, tmp_path):
    folder = a_folder_with_a_link_out(fake, tmp_path)
    with pytest.raises(UnsafePathError, match="link.csv"):
        client_for(fake).upload_files(PID, "project", str(folder), throw_on_error=True)
    assert [r.path for r in fake.requests if r.method == "POST"] == [f"/{LISTING}ok.csv/"]  # the others went


def test_a_single_upload_reports_its_bytes_as_they_are_sent(fake, tmp_path):
    path = tmp_path / "big.gpkg"
    path.write_bytes(os.urandom(3 * 1024 * 1024))
    fake.route("POST", LISTING + "big.gpkg/", json_reply({}, 201))
    seen = []
    client_for(fake).upload_file(PID, "project", path, "big.gpkg", progress_callback=seen.append)
    assert any(0 < e.file_bytes_done < e.file_bytes_total for e in seen)  # not only the final event
    assert seen[-1].file_bytes_done == 3 * 1024 * 1024
