"""The client against older (2024-09) servers and servers that redirect downloads."""

import os
import uuid

import pytest

from qfieldcloud_plugin.client import Client, FileTransferStatus, JobTypes, NotFoundError
from qfieldcloud_plugin.client.hashing import calc_sha256
from tests.support.local_server import LocalServer

QGS = '<qgis version="3.34.0"><projectlayers/></qgis>\n'


@pytest.fixture(scope="module")
def old_server(tmp_path_factory):
    with LocalServer(data_dir=tmp_path_factory.mktemp("qfc-2024-09"), extra_args=["--compat", "2024-09"]) as server:
        yield server


@pytest.fixture(scope="module")
def redirecting_server(tmp_path_factory):
    with LocalServer(data_dir=tmp_path_factory.mktemp("qfc-redirect"), extra_args=["--redirect-downloads"]) as server:
        yield server


def logged_in(server):
    client = Client(server.url)
    client.login("alice", server.users["alice"])
    return client


def tree(root):
    (root / "DCIM").mkdir(parents=True)
    (root / "DCIM" / "a.jpg").write_bytes(os.urandom(2000))
    (root / "data.csv").write_text("x\n")
    (root / "project.qgs").write_text(QGS)
    return root


def test_full_cycle_on_a_2024_09_server(old_server, tmp_path, unique_name):
    client = logged_in(old_server)
    assert "storage" in client.check_server_status()
    project = client.create_project(unique_name)
    src = tree(tmp_path / "src")
    uploaded = client.upload_files(project["id"], "project", str(src))
    assert all(f["status"] == FileTransferStatus.SUCCESS for f in uploaded)
    # each verified file carries the server's entry for it, with the SHA-256 an older server lists on request
    assert all(f["remote"]["sha256"] == calc_sha256(src / f["name"]) for f in uploaded)
    assert all(f["skipped"] for f in client.upload_files(project["id"], "project", str(src)))
    names = sorted(f["name"] for f in client.list_remote_files(project["id"]))
    assert names == ["DCIM/a.jpg", "data.csv", "project.qgs"]
    out = tmp_path / "out"
    client.download_project(project["id"], str(out))
    assert (out / "DCIM" / "a.jpg").read_bytes() == (src / "DCIM" / "a.jpg").read_bytes()
    assert all(f["skipped"] for f in client.download_project(project["id"], str(out)))
    client.delete_file(project["id"], "data.csv")
    assert client.delete_files(project["id"], ["DCIM/*"], throw_on_error=True)["DCIM/*"][0]["status"] == "SUCCESS"
    jobs = client.list_jobs(project["id"], JobTypes.PROCESS_PROJECTFILE)
    assert jobs and all(j["type"] == "process_projectfile" for j in jobs)
    job = client.job_trigger(project["id"], JobTypes.PACKAGE, force=True)
    assert client.job_wait(job["id"], timeout=60, poll_interval=0.1)["status"] in ("finished", "failed")


def test_missing_objects_are_not_found_on_a_2024_09_server(old_server):
    client = logged_in(old_server)
    with pytest.raises(NotFoundError) as info:
        client.get_project(str(uuid.uuid4()))
    assert info.value.status_code in (400, 404)


def test_downloads_follow_a_redirect_to_storage(redirecting_server, tmp_path, unique_name):
    client = logged_in(redirecting_server)
    project = client.create_project(unique_name)
    src = tree(tmp_path / "src")
    client.upload_files(project["id"], "project", str(src))
    out = tmp_path / "out"
    result = client.download_project(project["id"], str(out), throw_on_error=True)
    assert len(result) == 3
    for name in ("DCIM/a.jpg", "data.csv", "project.qgs"):
        assert (out / name).read_bytes() == (src / name).read_bytes()
