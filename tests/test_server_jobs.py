"""Contract §7–§9 and §15.10–11 against the local server: jobs, packages, deltas."""

import json
import uuid
from pathlib import Path

import pytest

from tests.server.http_client import error_code, file_path

DEMO = Path(__file__).parent / "server" / "demo"


@pytest.fixture
def qgis_project(alice, unique_name):
    """A project holding the demo QGIS file, its GeoPackage and one attachment, fully processed."""
    project = alice.create_project(unique_name)
    pid = project["id"]
    assert alice.upload(pid, "data.gpkg", (DEMO / "data.gpkg").read_bytes()).status_code == 201
    assert alice.upload(pid, "DCIM/photo.jpg", b"\xff\xd8\xff jpg").status_code == 201
    assert alice.upload(pid, "demo-project.qgs", (DEMO / "demo-project.qgs").read_bytes()).status_code == 201
    alice.wait_idle(pid)
    return project


def test_process_projectfile_runs_after_upload(alice, qgis_project):
    pid = qgis_project["id"]
    jobs = alice.get("jobs/", params={"project_id": pid, "type": "package"}).json()
    assert [job["type"] for job in jobs] == ["process_projectfile"]  # `type` is ignored, only one was queued
    assert "feedback" not in jobs[0] and isinstance(jobs[0]["created_by"], int)
    job = alice.get(f"jobs/{jobs[0]['id']}/").json()
    assert job["status"] == "finished" and job["finished_at"] and job["started_at"]
    (layer,) = job["feedback"]["outputs"]["project_details"]["layers_by_id"].values()
    assert layer["name"] == "points" and layer["is_valid"] is True and layer["provider_name"] == "ogr"
    project = alice.get(f"projects/{pid}/").json()
    assert project["status"] == "ok" and project["the_qgis_file_name"] == "demo-project.qgs"


def test_package_flow(alice, qgis_project):
    pid = qgis_project["id"]
    before = alice.get(f"packages/{pid}/latest/")
    assert before.status_code == 400 and error_code(before) == "invalid_job"
    created = alice.post("jobs/", data={"project_id": pid, "type": "package"})
    assert created.status_code == 201 and created.json()["status"] == "pending" and "feedback" in created.json()
    again = alice.post("jobs/", json={"project_id": pid, "type": "package", "force": 0})
    assert again.status_code == 200 and again.json()["id"] == created.json()["id"]
    seen = {alice.get(f"jobs/{created.json()['id']}/").json()["status"]}
    assert alice.get(f"projects/{pid}/").json()["status"] == "busy"
    job = alice.wait_job(created.json()["id"])
    assert job["status"] == "finished" and seen <= {"pending", "queued", "started"}
    latest = alice.get(f"packages/{pid}/latest/").json()
    assert latest["status"] == "finished" and latest["package_id"] == job["id"]
    files = {
        f["name"]: f for f in latest["files"] if not f["name"].endswith("_attachments.zip")
    }  # QGIS ≥ 3.40 adds one
    # The real packager's shape: a converted project beside data.gpkg with the offline layers; attachments as uploaded.
    assert set(files) == {"demo-project_qfield.qgs", "data.gpkg", "DCIM/photo.jpg"}
    assert files["DCIM/photo.jpg"]["is_attachment"] is True and files["data.gpkg"]["is_attachment"] is False
    assert all("versions" not in f and "etag" not in f for f in latest["files"])
    ((layer_id, layer),) = latest["layers"].items()
    assert layer["id"] == layer_id and layer["is_valid"] is True and layer["error_code"] == "no_error"
    gpkg = alice.get(file_path(pid, "data.gpkg", prefix="packages").replace(pid, f"{pid}/latest/files"))
    assert gpkg.status_code == 200 and gpkg.content != (DEMO / "data.gpkg").read_bytes()
    packaged_qgs = alice.get(f"packages/{pid}/latest/files/demo-project_qfield.qgs/").text
    assert "./data.gpkg|layername=" in packaged_qgs and 'name="isOfflineEditable"' in packaged_qgs
    ranged = alice.get(f"packages/{pid}/latest/files/DCIM/photo.jpg/", headers={"Range": "bytes=0-2"})
    assert ranged.status_code == 206 and ranged.content == b"\xff\xd8\xff"
    cached = alice.get(
        f"packages/{pid}/latest/files/data.gpkg/", headers={"If-None-Match": files["data.gpkg"]["md5sum"]}
    )
    assert cached.status_code == 304
    forced = alice.post("jobs/", json={"project_id": pid, "type": "package", "force": True})
    assert forced.status_code == 201 and forced.json()["id"] != job["id"]
    alice.wait_job(forced.json()["id"])
    upload = alice.post(f"packages/{pid}/{job['id']}/files/x.txt/", files={"file": ("x", b"1")})
    assert upload.status_code == 403


def test_job_errors_and_roles(alice, bob, unique_name):
    project = alice.create_project(unique_name)
    pid = project["id"]
    no_qgis = alice.post("jobs/", json={"project_id": pid, "type": "package"})
    assert no_qgis.status_code == 400 and error_code(no_qgis) == "no_qgis_project"
    assert alice.post("jobs/", json={"project_id": pid, "type": "create_project"}).status_code == 500
    assert alice.post("jobs/", json={"project_id": pid, "type": "bogus"}).status_code == 500
    assert alice.post("jobs/", json={"project_id": pid, "type": "package", "force": "true"}).status_code == 500
    assert alice.post("jobs/", json={"type": "package"}).status_code == 404
    assert alice.get("jobs/").status_code == 404
    assert error_code(alice.get("jobs/", params={"project_id": "nope"})) == "validation_error"
    assert bob.get("jobs/", params={"project_id": pid}).status_code == 403
    forced = alice.post("jobs/", json={"project_id": pid, "type": "package", "force": 1})
    assert alice.wait_job(forced.json()["id"])["status"] == "failed"
    assert bob.get(f"jobs/{forced.json()['id']}/").status_code == 403
    alice.post(f"collaborators/{pid}/", json={"collaborator": "bob", "role": "reader"})
    assert bob.post("jobs/", json={"project_id": pid, "type": "process_projectfile"}).status_code == 403
    assert bob.post("jobs/", json={"project_id": pid, "type": "package", "force": 1}).status_code == 201
    listed = alice.get("jobs/", params={"project_id": pid, "limit": 1})
    assert listed.headers["X-Total-Count"] == "2" and len(listed.json()) == 1


def test_deltas(alice, bob, qgis_project):
    pid = qgis_project["id"]
    delta_id = str(uuid.uuid4())
    deltafile = {
        "version": "1.0",
        "id": str(uuid.uuid4()),
        "project": pid,
        "files": [],
        "deltas": [
            {
                "uuid": delta_id,
                "clientId": "c",
                "localLayerId": "l",
                "sourceLayerId": "l",
                "localPk": "1",
                "sourcePk": "1",
                "method": "patch",
                "old": {},
                "new": {},
            }
        ],
    }
    pushed = alice.post(f"deltas/{pid}/", files={"file": ("d.json", json.dumps(deltafile))})
    assert pushed.status_code == 200 and pushed.content == b""
    alice.wait_idle(pid)
    (delta,) = alice.get(f"deltas/{pid}/").json()
    assert delta["id"] == delta_id and delta["status"] == "STATUS_APPLIED" and delta["created_by"] == "alice"
    assert alice.get(f"deltas/{pid}/{deltafile['id']}/").json()[0]["last_status"] == "applied"
    wrong = dict(deltafile, project=str(uuid.uuid4()))
    mismatch = alice.post(f"deltas/{pid}/", files={"file": ("d.json", json.dumps(wrong))})
    assert mismatch.status_code == 400 and error_code(mismatch) == "invalid_deltafile"
    alice.post(f"collaborators/{pid}/", json={"collaborator": "bob", "role": "reporter"})
    patch_as_reporter = bob.post(f"deltas/{pid}/", files={"file": ("d.json", json.dumps(deltafile))})
    assert patch_as_reporter.status_code == 403
