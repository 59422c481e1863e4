"""Contract §3, §5 and §15.4–5 against the local server: projects, visibility and pagination."""

import re
from urllib.parse import parse_qs, urlparse

from tests.server.http_client import error_code

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64
ISO = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+0[12]:00$")


def test_project_object(alice, unique_name):
    created = alice.create_project(unique_name, description="d")
    assert created["owner"] == "alice" and created["private"] is True and created["status"] == "failed"
    project = alice.get(f"projects/{created['id']}/").json()
    assert project["user_role"] == "admin" and project["user_role_origin"] == "project_owner"
    for field in ("created_at", "updated_at"):
        assert ISO.match(project[field])
    expected = {
        "id",
        "name",
        "owner",
        "description",
        "private",
        "is_public",
        "created_at",
        "updated_at",
        "data_last_packaged_at",
        "data_last_updated_at",
        "restricted_data_last_updated_at",
        "can_repackage",
        "needs_repackaging",
        "status",
        "user_role",
        "user_role_origin",
        "project_type",
        "shared_datasets_project_id",
        "is_shared_datasets_project",
        "is_featured",
        "is_attachment_download_on_demand",
        "has_restricted_projectfiles",
        "overwrite_conflicts",
        "file_storage_bytes",
        "the_qgis_file_name",
    }
    assert set(project) == expected
    assert project["project_type"] == "regular" and project["the_qgis_file_name"] is None


def test_create_rules(alice, bob, unique_name):
    alice.create_project(unique_name)
    duplicate = alice.post("projects/", data={"name": unique_name.upper()})
    assert duplicate.status_code == 400 and error_code(duplicate) == "project_already_exists"
    for bad in ("has space", "", "a/b", "x" * 256):
        response = alice.post("projects/", data={"name": bad})
        assert response.status_code == 400 and error_code(response) == "api_error", bad
    other_user = alice.post("projects/", data={"name": unique_name + "-x", "owner": "bob"})
    assert other_user.status_code == 403
    unknown_owner = alice.post("projects/", data={"name": unique_name + "-y", "owner": "nobody-here"})
    assert unknown_owner.status_code == 404 and error_code(unknown_owner) == "object_not_found"
    org_project = alice.create_project(unique_name + "-org", owner="acme")
    assert org_project["owner"] == "acme"
    assert alice.get(f"projects/{org_project['id']}/").json()["user_role_origin"] == "organization_owner"
    assert bob.post("projects/", data={"name": unique_name + "-z", "owner": "acme"}).status_code == 403
    shared = bob.create_project("shared_datasets")
    assert shared["project_type"] == "shared_datasets" and shared["is_shared_datasets_project"] is True


def test_update_and_delete_need_manager(alice, bob, unique_name):
    project = alice.create_project(unique_name)
    url = f"projects/{project['id']}/"
    assert bob.get(url).status_code == 403
    assert bob.patch(url, json={"description": "x"}).status_code == 403
    assert (
        alice.post(f"collaborators/{project['id']}/", json={"collaborator": "bob", "role": "editor"}).status_code == 201
    )
    assert bob.get(url).json()["user_role"] == "editor"
    assert bob.patch(url, json={"description": "x"}).status_code == 403
    assert bob.delete(url).status_code == 403
    patched = alice.patch(url, json={"description": "new", "is_public": True})
    assert patched.status_code == 200 and patched.json()["description"] == "new" and patched.json()["private"] is False
    assert alice.put(url, json={"description": "no name"}).status_code == 400
    put = alice.put(url, data={"name": unique_name + "-renamed", "private": "true"})
    assert put.status_code == 200 and put.json()["is_public"] is False
    assert alice.delete(url).status_code == 204
    missing = alice.get(url)
    assert missing.status_code == 404 and error_code(missing) == "object_not_found"


def test_public_visibility_and_include_public(alice, bob, unique_name):
    public = alice.create_project(unique_name, is_public=True)

    def ids(**params):
        return {p["id"] for p in bob.get("projects/", params=params).json()}

    assert public["id"] not in ids()
    assert public["id"] in ids(**{"include-public": "1"})
    assert public["id"] not in ids(**{"include-public": "true"})  # silently excluded, as on the real server
    assert public["id"] in ids(include_public="1")
    assert bob.get("projects/", params={"include_public": "true"}).status_code == 400
    listed = {p["id"]: p for p in bob.get("projects/public/").json()}
    assert listed[public["id"]]["user_role"] == "reader" and listed[public["id"]]["user_role_origin"] == "public"
    assert bob.get(f"projects/{public['id']}/").json()["user_role"] == "reader"


def test_search_filters_and_ordering(alice, unique_name):
    names = [f"{unique_name}-{suffix}" for suffix in ("b", "a", "c")]
    for name in names:
        alice.create_project(name)
    found = [p["name"] for p in alice.get("projects/", params={"search": unique_name.upper()}).json()]
    assert found == sorted(names)
    assert [p["name"] for p in alice.get("projects/", params={"name": names[0].upper()}).json()] == [names[0]]
    assert {p["owner"] for p in alice.get("projects/", params={"owner": "ACME"}).json()} <= {"acme"}
    descending = [p["name"] for p in alice.get("projects/", params={"search": unique_name, "ordering": "-name"}).json()]
    assert descending == sorted(names, reverse=True)
    ignored = [p["name"] for p in alice.get("projects/", params={"search": unique_name, "ordering": "bogus"}).json()]
    assert ignored == sorted(names)
    everything = alice.get("projects/").json()
    keys = [(not p["is_featured"], p["owner"], p["name"]) for p in everything]
    assert keys == sorted(keys)


def test_pagination_headers(alice, unique_name):
    for index in range(5):
        alice.create_project(f"{unique_name}-{index}")
    query = {"search": unique_name}
    whole = alice.get("projects/", params=query)
    assert len(whole.json()) == 5 and "X-Total-Count" not in whole.headers
    assert len(alice.get("projects/", params={**query, "offset": "2"}).json()) == 5  # offset alone ignored
    assert "X-Total-Count" not in alice.get("projects/", params={**query, "limit": "0"}).headers
    first = alice.get("projects/", params={**query, "limit": "2"})
    assert first.headers["X-Total-Count"] == "5" and len(first.json()) == 2
    assert "X-Previous-Page" not in first.headers
    next_url = urlparse(first.headers["X-Next-Page"])
    assert next_url.scheme == "http" and next_url.netloc
    assert parse_qs(next_url.query) == {"limit": ["2"], "offset": ["2"], "search": [unique_name]}
    second = alice.get(first.headers["X-Next-Page"])
    assert [p["name"] for p in second.json()] == [f"{unique_name}-2", f"{unique_name}-3"]
    assert "offset" not in parse_qs(urlparse(second.headers["X-Previous-Page"]).query)
    last = alice.get("projects/", params={**query, "limit": "2", "offset": "4"})
    assert "X-Next-Page" not in last.headers and parse_qs(urlparse(last.headers["X-Previous-Page"]).query)[
        "offset"
    ] == ["2"]
    assert alice.get("projects/", params={**query, "limit": "2", "offset": "50"}).json() == []


def test_thumbnail_and_seed(alice, bob, unique_name):
    project = alice.create_project(unique_name)
    url = f"projects/{project['id']}/thumbnail/"
    assert alice.get(f"files/thumbnails/{project['id']}/").status_code == 404
    assert alice.post(url, files={"image": ("t.png", PNG)}).status_code == 204
    assert alice.get(f"files/thumbnails/{project['id']}/").status_code == 404
    assert alice.post(url, files={"thumbnail": ("t.txt", b"not an image")}).status_code == 400
    assert bob.post(url, files={"thumbnail": ("t.png", PNG)}).status_code == 403
    assert alice.post(url, files={"thumbnail": ("t.png", PNG)}).status_code == 204
    stored = alice.get(f"files/thumbnails/{project['id']}/")
    assert stored.status_code == 200 and stored.content == PNG and stored.headers["content-type"] == "image/png"
    assert alice.get(f"projects/{project['id']}/seed/").status_code == 404
