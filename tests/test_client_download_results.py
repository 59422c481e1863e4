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
