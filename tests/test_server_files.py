"""Contract §6 and §15.6–9 against the local server: file listing, upload, download, delete."""

import hashlib
from pathlib import Path

import pytest
import requests

from tests.server.http_client import Api, error_code, file_path
from tests.support.local_server import LocalServer

DEMO = Path(__file__).parent / "server" / "demo"
PART = 8 * 1024 * 1024


@pytest.fixture
def project(alice, unique_name):
    return alice.create_project(unique_name)


def etag(content: bytes) -> str:
    if len(content) <= PART:
        return hashlib.md5(content).hexdigest()
    parts = [hashlib.md5(content[i : i + PART]).digest() for i in range(0, len(content), PART)]
    return f"{hashlib.md5(b''.join(parts)).hexdigest()}-{len(parts)}"


def test_upload_list_download(alice, project):
    pid = project["id"]
    odd_name = "sub dir/we#ird%;name.txt"
    created = alice.upload(pid, odd_name, b"hello")
    assert created.status_code == 201 and created.json() == {}
    assert created.headers["location"].startswith(f"/api/v1/files/{pid}/sub%20dir/")
    assert alice.upload(pid, "empty.txt", b"").status_code == 201
    big = bytes(range(256)) * (PART // 256 + 100)
    assert alice.upload(pid, "DCIM/big.bin", big).status_code == 201
    listing = {f["name"]: f for f in alice.get(f"files/{pid}/").json()}
    assert set(listing) == {odd_name, "empty.txt", "DCIM/big.bin"}
    empty_md5 = "d41d8cd98f00b204e9800998ecf8427e"  # pragma: allowlist secret (the MD5 of empty content)
    assert listing["empty.txt"]["md5sum"] == empty_md5 and listing["empty.txt"]["size"] == 0
    assert listing["DCIM/big.bin"]["md5sum"] == etag(big) and listing["DCIM/big.bin"]["md5sum"].endswith("-2")
    assert listing["DCIM/big.bin"]["sha256"] == hashlib.sha256(big).hexdigest()
    assert listing["DCIM/big.bin"]["is_attachment"] is True and listing[odd_name]["is_attachment"] is False
    assert listing[odd_name]["last_modified"].endswith(" UTC")
    download = alice.get(file_path(pid, odd_name))
    assert download.status_code == 200 and download.content == b"hello"
    assert download.headers["content-disposition"] == f'attachment;filename="{odd_name}"'
    assert download.headers["content-type"] == "application.force-download"
    assert alice.get(file_path(pid, "DCIM/big.bin")).content == big
    missing = alice.get(file_path(pid, "nope.txt"))
    assert missing.status_code == 404 and error_code(missing) == "object_not_found"


def test_versions_conditional_and_ranges(alice, project):
    pid = project["id"]
    alice.upload(pid, "a.txt", b"first")
    first_listing = alice.get(f"files/{pid}/").json()[0]
    alice.upload(pid, "a.txt", b"second")
    entry = alice.get(f"files/{pid}/").json()[0]
    assert entry["uploaded_at"] == first_listing["uploaded_at"]  # the FIRST upload of the path
    assert [v["is_latest"] for v in entry["versions"]] == [True, False]
    assert entry["versions"][0]["md5sum"] == hashlib.md5(b"second").hexdigest() == entry["md5sum"]
    assert entry["versions"][0]["display"].startswith("v")
    old = entry["versions"][1]["version_id"]
    assert alice.get(file_path(pid, "a.txt"), params={"version": old}).content == b"first"
    cached = alice.get(file_path(pid, "a.txt"), headers={"If-None-Match": entry["md5sum"]})
    assert cached.status_code == 304 and cached.content == b""
    assert alice.get(file_path(pid, "a.txt"), headers={"If-None-Match": "other"}).status_code == 200
    partial = alice.get(file_path(pid, "a.txt"), headers={"Range": "bytes=1-3"})
    assert partial.status_code == 206 and partial.content == b"eco"
    assert partial.headers["content-range"] == "bytes 1-3/6"
    assert alice.get(file_path(pid, "a.txt"), headers={"Range": "bytes=-2"}).content == b"nd"
    impossible = alice.get(file_path(pid, "a.txt"), headers={"Range": "bytes=10-20"})
    assert impossible.status_code == 416 and error_code(impossible) == "invalid_http_range"
    paged = alice.get(f"files/{pid}/", params={"limit": 1})
    assert paged.headers["X-Total-Count"] == "1"
    metadata = alice.get(file_path(pid, "a.txt", prefix="files/metadata"))
    assert metadata.status_code == 200 and metadata.json()["name"] == "a.txt"


def test_upload_errors(alice, project):
    pid = project["id"]
    url = file_path(pid, "x.txt")
    none = alice.post(url, files={"other": ("x", b"1")})
    assert none.status_code == 400 and error_code(none) == "empty_content"
    assert error_code(alice.post(url, data={"a": "b"})) == "empty_content"
    two = alice.post(url, files=[("file", ("a", b"1")), ("file", ("b", b"2"))])
    assert two.status_code == 400 and error_code(two) == "multiple_contents"
    for bad in ("trailing.", "CON.txt", "a:b.txt", " lead.txt", "dir /x.txt"):
        response = alice.upload(pid, bad, b"1")
        assert response.status_code == 400 and error_code(response) == "validation_error", bad
    invalid_qgis = alice.upload(pid, "broken.qgs", b"not xml")
    assert invalid_qgis.status_code == 400 and error_code(invalid_qgis) == "invalid_qgis_project_file"
    assert alice.upload(pid, "project.qgs", (DEMO / "demo-project.qgs").read_bytes()).status_code == 201
    second = alice.upload(pid, "other.qgz", b"PK")
    assert second.status_code == 400 and error_code(second) == "multiple_projects"
    assert alice.get(f"files/{pid}/").json()[0]["name"] == "project.qgs"


def test_delete_rules(alice, bob, project):
    pid = project["id"]
    alice.upload(pid, "one.txt", b"1")
    alice.upload(pid, "two.txt", b"a")
    alice.upload(pid, "two.txt", b"b")
    assert bob.delete(file_path(pid, "missing.txt")).status_code == 403  # permission before existence
    missing = alice.delete(file_path(pid, "missing.txt"))
    assert missing.status_code == 404 and error_code(missing) == "api_error"
    only = alice.delete(file_path(pid, "one.txt"), headers={"x-file-version": "00000000-0000-4000-8000-000000000000"})
    assert only.status_code == 400 and error_code(only) == "explicit_deletion_of_last_version"
    versions = alice.get(f"files/{pid}/").json()[1]["versions"]
    deleted = alice.delete(file_path(pid, "two.txt"), params={"version": versions[0]["version_id"]})
    assert deleted.status_code == 204
    remaining = alice.get(f"files/{pid}/").json()[1]["versions"]
    assert [v["version_id"] for v in remaining] == [versions[1]["version_id"]]
    assert alice.delete(file_path(pid, "two.txt")).status_code == 204
    assert [f["name"] for f in alice.get(f"files/{pid}/").json()] == ["one.txt"]


def test_role_matrix_for_files(alice, bob, project):
    pid = project["id"]
    alice.upload(pid, "data.txt", b"x")
    collaborators = f"collaborators/{pid}/"
    alice.post(collaborators, json={"collaborator": "bob", "role": "reader"})
    assert bob.get(file_path(pid, "data.txt")).status_code == 200
    assert bob.upload(pid, "new.txt", b"1").status_code == 403
    alice.patch(f"{collaborators}bob/", json={"role": "reporter"})
    assert bob.upload(pid, "new.txt", b"1").status_code == 201
    assert bob.delete(file_path(pid, "new.txt")).status_code == 403
    alice.patch(f"{collaborators}bob/", json={"role": "editor"})
    assert bob.delete(file_path(pid, "new.txt")).status_code == 204


def test_restricted_project_files(alice, bob, project):
    pid = project["id"]
    alice.patch(f"projects/{pid}/", json={"has_restricted_projectfiles": True})
    alice.post(f"collaborators/{pid}/", json={"collaborator": "bob", "role": "editor"})
    restricted = bob.upload(pid, "p.qgs", (DEMO / "demo-project.qgs").read_bytes())
    assert restricted.status_code == 403 and error_code(restricted) == "restricted_project_modification"
    assert alice.upload(pid, "p.qgs", (DEMO / "demo-project.qgs").read_bytes()).status_code == 201
    assert bob.upload(pid, "p.qml", b"<qml/>").status_code == 403
    assert bob.upload(pid, "data.csv", b"a,b").status_code == 201


def test_redirect_downloads_do_not_need_auth(tmp_path):
    with LocalServer(data_dir=tmp_path, extra_args=["--redirect-downloads"]) as server:
        api = Api.login(server.url, "alice", server.users["alice"])
        project = api.create_project("redirects")
        api.upload(project["id"], "r.txt", b"redirected bytes")
        response = api.get(file_path(project["id"], "r.txt"))
        assert response.status_code == 302
        location = response.headers["location"]
        assert location.startswith("http://localhost:")
        assert requests.get(location, timeout=10).content == b"redirected bytes"
        with_auth = requests.get(location, headers={"Authorization": f"Token {api.token}"}, timeout=10)
        assert with_auth.status_code == 400
        assert requests.get(location, headers={"Range": "bytes=0-9"}, timeout=10).content == b"redirected"
