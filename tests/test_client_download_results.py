"""What a download says of each file: whether it arrived, was skipped as current, and whether its
content was checked against the listing (`verified`), which callers show and record.

Real HTTP over loopback to a scriptable server (tests/support/fake_http.py).
"""

from qfieldcloud_plugin.client import Client, FileTransferStatus
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
