"""`--compat 2024-09` against its own server: the differences tagged [2024-09] in the contract."""

from pathlib import Path

import pytest

from tests.server.http_client import Api, error_code, file_path
from tests.support.local_server import LocalServer

DEMO = Path(__file__).parent / "server" / "demo"


@pytest.fixture(scope="module")
def old_server():
    with LocalServer(extra_args=["--compat", "2024-09"]) as server:
        yield server


@pytest.fixture(scope="module")
def alice(old_server):
    return Api.login(old_server.url, "alice", old_server.users["alice"])


def test_legacy_shapes(old_server, alice):
    assert alice.get("status/").json() == {"geodb": "ok", "storage": "ok"}
    project = alice.create_project("old")
    assert "the_qgis_file_name" not in project and "project_type" not in project and "private" in project
    missing = alice.get("projects/00000000-0000-4000-8000-000000000000/")
    assert missing.status_code == 400 and error_code(missing) == "object_not_found"
    for newest_only in (f"projects/{project['id']}/thumbnail/", "server/info/", "organizations/acme/teams/"):
        response = alice.get(newest_only) if "thumbnail" not in newest_only else alice.post(newest_only)
        assert response.status_code == 404 and response.headers["content-type"].startswith("text/html")


def test_legacy_files_and_jobs(alice):
    pid = alice.create_project("old-files")["id"]
    created = alice.upload(pid, "a.txt", b"1")
    assert created.status_code == 201 and created.content == b""
    listing = alice.get(f"files/{pid}/", params={"limit": 1})
    assert "X-Total-Count" not in listing.headers and "uploaded_at" not in listing.json()[0]
    assert "sha256" not in alice.get(f"files/{pid}/", params={"skip_metadata": 1}).json()[0]
    two = alice.post(file_path(pid, "b.txt"), files=[("file", ("a", b"1")), ("file", ("b", b"2"))])
    assert two.status_code == 503 and error_code(two) == "multiple_contents"
    deleted = alice.delete(file_path(pid, "a.txt"))
    assert deleted.status_code == 200 and deleted.content == b""
    alice.upload(pid, "p.qgs", (DEMO / "demo-project.qgs").read_bytes())
    assert alice.get("jobs/", params={"project_id": pid}).status_code == 500  # the query param was unread
    jobs = alice.get("jobs/", json={"project_id": pid}).json()
    assert [job["type"] for job in jobs] == ["process_projectfile"]
    job = alice.post("jobs/", data={"project_id": pid, "type": "package"}).json()
    running = alice.get(f"packages/{pid}/latest/").json()
    assert running["package_id"] == job["id"]  # whatever its status
    alice.wait_job(job["id"])
    latest = alice.get(f"packages/{pid}/latest/").json()
    assert latest["status"] == "finished"
    assert set(latest["files"][0]) == {"name", "size", "last_modified", "md5sum", "is_attachment", "sha256"}
    assert "T" in latest["files"][0]["last_modified"]  # ISO here, unlike file listings
