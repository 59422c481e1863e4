"""Every Client method end to end against the local QFieldCloud server (no HTTP mocking)."""

import json
import os
import threading
import uuid
from pathlib import Path

import pytest

from qfieldcloud_plugin.client import (
    AuthenticationError,
    ChecksumMismatchError,
    Client,
    FileTransferStatus,
    FileTransferType,
    InvalidGlobError,
    JobTypes,
    NotFoundError,
    OrganizationMemberRole,
    Pagination,
    PermissionDeniedError,
    ProjectCollaboratorRole,
    QfcException,
    QfcRequestException,
    TransferCancelledError,
    TransferProgress,
    calc_etag,
)

QGS = "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n<qgis version=\"3.34.0\"><projectlayers/></qgis>\n"
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000d4944415478da63f8cfc0f01f0005000201a5a1b1c30000000049454e44ae426082"  # pragma: allowlist secret (a PNG)
)


def login(server, username):
    client = Client(server.url)
    client.login(username, server.users[username])
    return client


@pytest.fixture
def alice(qfc_server):
    return login(qfc_server, "alice")


@pytest.fixture
def bob(qfc_server):
    return login(qfc_server, "bob")


@pytest.fixture
def project(alice, unique_name):
    return alice.create_project(unique_name, description="for tests")


def make_tree(root: Path) -> Path:
    (root / "DCIM").mkdir(parents=True)
    (root / "data.csv").write_text("id,name\n1,a\n")
    (root / "DCIM" / "photo 1#.jpg").write_bytes(b"\xff\xd8" + os.urandom(3000))
    (root / "project.qgs").write_text(QGS)
    (root / ".hidden").mkdir()
    (root / ".hidden" / "secret.txt").write_text("no")
    (root / "notes.txt~").write_text("backup")
    return root


def remote_names(client, project_id):
    return sorted(f["name"] for f in client.list_remote_files(project_id))


def no_temp_files(folder: Path):
    return [p.name for p in folder.rglob("*") if p.name.endswith(".qfcpart")] == []


# --- authentication ------------------------------------------------------------------


def test_login_keeps_the_token_and_returns_the_user(qfc_server):
    client = Client(qfc_server.url)
    payload = client.login("alice", qfc_server.users["alice"])
    assert payload["username"] == "alice"
    assert client.token == payload["token"]
    assert client.get_user()["username"] == "alice"


def test_login_with_a_server_root_url(qfc_server):
    client = Client(qfc_server.root_url)
    client.login("bob", qfc_server.users["bob"])
    assert client.get_user()["username"] == "bob"


def test_wrong_password_is_an_authentication_error(qfc_server):
    with pytest.raises(AuthenticationError) as info:
        Client(qfc_server.url).login("carol", "not-her-password")
    assert info.value.status_code == 401
    assert info.value.code == "authentication_failed"


def test_logout_expires_every_token_of_the_user(qfc_server):
    first = login(qfc_server, "dave")
    second = login(qfc_server, "dave")
    assert first.logout()
    assert first.token == ""
    with pytest.raises(AuthenticationError) as info:
        second.list_projects()
    assert info.value.code == "token_authentication_failed"


def test_no_token_is_not_authenticated(qfc_server):
    with pytest.raises(AuthenticationError):
        Client(qfc_server.url, token="").list_projects()


def test_check_server_status_needs_no_token(qfc_server):
    status = Client(qfc_server.url, token="").check_server_status()
    assert status["storage"] == "ok"


def test_create_user_is_refused_to_non_staff(alice):
    with pytest.raises(QfcRequestException) as info:
        alice.create_user("newbie", "pw-123456", "newbie@example.org")
    assert info.value.status_code in (403, 405)


# --- projects --------------------------------------------------------------------------


def test_project_lifecycle(alice, unique_name):
    created = alice.create_project(unique_name, description="first")
    assert created["name"] == unique_name and created["owner"] == "alice"
    assert alice.get_project(created["id"])["description"] == "first"
    assert created["id"] in [p["id"] for p in alice.list_projects()]
    patched = alice.patch_project(created["id"], description="second", is_public=True)
    assert (patched["description"], patched["is_public"]) == ("second", True)
    # The SDK cannot do this: set false and empty values.
    patched = alice.patch_project(created["id"], description="", is_public=False)
    assert (patched["description"], patched["is_public"]) == ("", False)
    assert alice.get_project(created["id"])["is_public"] is False
    renamed = alice.patch_project(created["id"], name=unique_name + "-x")
    assert renamed["name"] == unique_name + "-x"
    alice.delete_project(created["id"])
    with pytest.raises(NotFoundError):
        alice.get_project(created["id"])


def test_create_project_for_an_organization(alice, unique_name):
    created = alice.create_project(unique_name, owner="acme", is_public=False)
    assert created["owner"] == "acme"


def test_duplicate_project_name_is_a_clear_error(alice, project):
    with pytest.raises(QfcRequestException) as info:
        alice.create_project(project["name"])
    assert info.value.code == "project_already_exists"


def test_unknown_project_is_not_found(alice):
    with pytest.raises(NotFoundError) as info:
        alice.get_project(str(uuid.uuid4()))
    assert info.value.code == "object_not_found"


def test_someone_elses_private_project_is_forbidden(bob, project):
    with pytest.raises(PermissionDeniedError):
        bob.get_project(project["id"])
    assert project["id"] not in [p["id"] for p in bob.list_projects()]


def test_public_projects_only_when_asked(alice, bob, unique_name):
    public = alice.create_project(unique_name, is_public=True)
    assert public["id"] not in [p["id"] for p in bob.list_projects()]
    assert public["id"] in [p["id"] for p in bob.list_projects(include_public=True)]


def test_list_projects_walks_all_pages_or_returns_one(alice, unique_name):
    for i in range(3):
        alice.create_project(f"{unique_name}-{i}")
    everything = alice.list_projects()
    assert len(everything) >= 3
    assert len({p["id"] for p in everything}) == len(everything)
    page = alice.list_projects(pagination=Pagination(limit=2, offset=1))
    assert [p["id"] for p in page] == [p["id"] for p in everything[1:3]]


def test_project_seed_absent_is_not_found(alice, project, tmp_path):
    with pytest.raises(NotFoundError):
        alice.get_project_seed(project["id"])
    with pytest.raises(NotFoundError):
        alice.get_project_seed_xlsform(project["id"], str(tmp_path))
    assert list(tmp_path.iterdir()) == []


def test_upload_project_thumbnail(alice, project, tmp_path):
    thumb = tmp_path / "thumb.png"
    thumb.write_bytes(PNG)
    alice.upload_project_thumbnail(project["id"], str(thumb))
    stored = alice.transport.request("GET", f"files/thumbnails/{project['id']}/")
    assert stored.content == PNG


# --- files ------------------------------------------------------------------------------


def test_upload_files_skips_hidden_and_backup_files_and_sends_the_project_last(alice, project, tmp_path):
    make_tree(tmp_path)
    result = alice.upload_files(project["id"], FileTransferType.PROJECT, str(tmp_path))
    assert sorted(f["name"] for f in result) == ["DCIM/photo 1#.jpg", "data.csv", "project.qgs"]
    assert all(f["status"] == FileTransferStatus.SUCCESS and f["error"] is None for f in result)
    remote = {f["name"]: f for f in alice.list_remote_files(project["id"], skip_metadata=False)}
    assert sorted(remote) == ["DCIM/photo 1#.jpg", "data.csv", "project.qgs"]
    for name, info in remote.items():
        assert info["etag"] == info["md5sum"] == calc_etag(tmp_path / name)
    times = {name: info["versions"][0]["uploaded_at"] for name, info in remote.items()}
    assert times["project.qgs"] > max(times["data.csv"], times["DCIM/photo 1#.jpg"])


def test_unchanged_files_are_not_uploaded_again_unless_forced(alice, project, tmp_path):
    make_tree(tmp_path)
    alice.upload_files(project["id"], "project", str(tmp_path))
    again = alice.upload_files(project["id"], "project", str(tmp_path))
    assert all(f["skipped"] for f in again)
    (tmp_path / "data.csv").write_text("id,name\n1,b\n")
    changed = alice.upload_files(project["id"], "project", str(tmp_path))
    assert [f["name"] for f in changed if not f["skipped"]] == ["data.csv"]
    versions = {f["name"]: len(f["versions"]) for f in alice.list_remote_files(project["id"])}
    assert versions == {"DCIM/photo 1#.jpg": 1, "data.csv": 2, "project.qgs": 1}
    alice.upload_files(project["id"], "project", str(tmp_path), force=True)
    versions = {f["name"]: len(f["versions"]) for f in alice.list_remote_files(project["id"])}
    assert versions == {"DCIM/photo 1#.jpg": 2, "data.csv": 3, "project.qgs": 2}


def test_upload_filter_glob(alice, project, tmp_path):
    make_tree(tmp_path)
    alice.upload_files(project["id"], "project", str(tmp_path), filter_glob="*.jpg")
    assert remote_names(alice, project["id"]) == ["DCIM/photo 1#.jpg"]


@pytest.mark.parametrize("bad", ["/etc/*", "../*", "data[.csv", "C:/x/*", "DCIM\\*.jpg"])
def test_bad_glob_is_refused_before_any_transfer(alice, project, tmp_path, bad):
    make_tree(tmp_path)
    with pytest.raises(InvalidGlobError):
        alice.upload_files(project["id"], "project", str(tmp_path), filter_glob=bad)
    with pytest.raises(InvalidGlobError):
        alice.download_project(project["id"], str(tmp_path / "out"), filter_glob=bad)
    with pytest.raises(InvalidGlobError):
        alice.delete_files(project["id"], [bad])
    assert remote_names(alice, project["id"]) == []


def test_upload_from_a_missing_folder_is_a_clear_error(alice, project, tmp_path):
    with pytest.raises(QfcException, match="does not exist"):
        alice.upload_files(project["id"], "project", str(tmp_path / "nope"))


def test_upload_file_single_with_progress(alice, project, tmp_path):
    path = tmp_path / "big.bin"
    path.write_bytes(os.urandom(300_000))
    events = []
    alice.upload_file(project["id"], "project", path, "sub dir/big.bin", progress_callback=events.append)
    assert remote_names(alice, project["id"]) == ["sub dir/big.bin"]
    assert events[-1].file_bytes_done == events[-1].file_bytes_total == 300_000


def test_download_project_roundtrip_skip_and_force(alice, project, tmp_path):
    src = make_tree(tmp_path / "src")
    alice.upload_files(project["id"], "project", str(src))
    out = tmp_path / "out"
    first = alice.download_project(project["id"], str(out))
    assert sorted(f["name"] for f in first) == ["DCIM/photo 1#.jpg", "data.csv", "project.qgs"]
    assert not any(f["skipped"] for f in first)
    for name in ("DCIM/photo 1#.jpg", "data.csv", "project.qgs"):
        assert (out / name).read_bytes() == (src / name).read_bytes()
    second = alice.download_project(project["id"], str(out))
    assert all(f["skipped"] and f["status"] == FileTransferStatus.SUCCESS for f in second)
    (out / "data.csv").write_text("local edit")
    third = alice.download_project(project["id"], str(out))
    assert [f["name"] for f in third if not f["skipped"]] == ["data.csv"]
    assert (out / "data.csv").read_bytes() == (src / "data.csv").read_bytes()
    forced = alice.download_project(project["id"], str(out), force_download=True)
    assert not any(f["skipped"] for f in forced)
    assert no_temp_files(out)


def test_download_filter_glob(alice, project, tmp_path):
    alice.upload_files(project["id"], "project", str(make_tree(tmp_path / "src")))
    result = alice.download_project(project["id"], str(tmp_path / "out"), filter_glob="*.csv")
    assert [f["name"] for f in result] == ["data.csv"]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [".qfieldcloud", "data.csv"]
    assert [p.name for p in (tmp_path / "out" / ".qfieldcloud").iterdir()] == ["downloaded.json"]


def test_download_files_and_download_file(alice, project, tmp_path):
    alice.upload_files(project["id"], "project", str(make_tree(tmp_path / "src")))
    files = alice.list_remote_files(project["id"])
    result = alice.download_files(files, project["id"], FileTransferType.PROJECT, str(tmp_path / "out"), "DCIM/*")
    assert [f["name"] for f in result] == ["DCIM/photo 1#.jpg"]
    target = tmp_path / "single.csv"
    assert alice.download_file(project["id"], "project", target, "data.csv") is not None
    assert target.read_text() == "id,name\n1,a\n"
    assert alice.download_file(project["id"], "project", target, "data.csv", remote_etag=calc_etag(target)) is None


def test_download_of_a_missing_file_fails_without_leftovers(alice, project, tmp_path):
    with pytest.raises(NotFoundError):
        alice.download_file(project["id"], "project", tmp_path / "x.txt", "x.txt")
    assert list(tmp_path.iterdir()) == []


def test_progress_is_reported_from_worker_threads(alice, project, tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    for i in range(6):
        (src / f"f{i}.bin").write_bytes(os.urandom(100_000 + i))
    events = []
    threads = set()

    def on_progress(progress):
        assert isinstance(progress, TransferProgress)
        threads.add(threading.current_thread().name)
        events.append(progress)

    alice.upload_files(project["id"], "project", str(src), progress_callback=on_progress, concurrency=3)
    total = sum(100_000 + i for i in range(6))
    assert events[-1].bytes_total == total
    assert max(e.bytes_done for e in events) == total
    assert max(e.files_done for e in events) == 6
    assert all(name.startswith("qfc-transfer") for name in threads)
    events.clear()
    alice.download_project(project["id"], str(tmp_path / "out"), progress_callback=on_progress, concurrency=2)
    assert max(e.bytes_done for e in events) == total
    assert max(e.files_done for e in events) == events[-1].files_total == 6


def test_cancelled_download_keeps_the_old_file_and_leaves_no_temp(alice, project, tmp_path):
    big = tmp_path / "src" / "big.bin"
    big.parent.mkdir()
    big.write_bytes(os.urandom(3 * 1024 * 1024))
    alice.upload_files(project["id"], "project", str(big.parent))
    out = tmp_path / "out"
    out.mkdir()
    (out / "big.bin").write_bytes(b"old local content")
    seen = []

    def cancelled():
        return any(p.file_bytes_done > 0 for p in seen)

    with pytest.raises(TransferCancelledError):
        alice.download_project(project["id"], str(out), progress_callback=seen.append, is_cancelled=cancelled)
    assert (out / "big.bin").read_bytes() == b"old local content"
    assert no_temp_files(out)
    assert sorted(p.name for p in out.iterdir()) == ["big.bin"]


def test_a_cancel_drops_what_was_already_staged(alice, project, tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_bytes(b"first, complete before the cancel")
    (src / "b.bin").write_bytes(os.urandom(3 * 1024 * 1024))
    alice.upload_files(project["id"], "project", str(src))
    out = tmp_path / "out"
    seen = []
    # one file at a time: a.txt is complete and staged when b.bin's first bytes arrive
    with pytest.raises(TransferCancelledError):
        alice.download_project(
            project["id"],
            str(out),
            progress_callback=seen.append,
            concurrency=1,
            is_cancelled=lambda: any(p.name == "b.bin" and p.file_bytes_done for p in seen),
        )
    assert [p for p in out.rglob("*") if p.is_file() and p.name != "downloaded.json"] == []


def test_cancelled_upload_stores_nothing(alice, project, tmp_path):
    (tmp_path / "big.bin").write_bytes(os.urandom(2 * 1024 * 1024))
    seen = []
    with pytest.raises(TransferCancelledError):
        alice.upload_files(
            project["id"],
            "project",
            str(tmp_path),
            progress_callback=seen.append,
            is_cancelled=lambda: any(p.file_bytes_done > 0 for p in seen),
        )
    assert remote_names(alice, project["id"]) == []


def test_a_reader_cannot_upload_and_throw_on_error_raises(alice, bob, project, tmp_path):
    alice.add_project_collaborator(project["id"], "bob", ProjectCollaboratorRole.READER)
    (tmp_path / "a.txt").write_text("a")
    result = bob.upload_files(project["id"], "project", str(tmp_path))
    assert result[0]["status"] == FileTransferStatus.FAILED
    assert isinstance(result[0]["error"], PermissionDeniedError)
    with pytest.raises(PermissionDeniedError):
        bob.upload_files(project["id"], "project", str(tmp_path), throw_on_error=True)


def test_delete_files_by_glob_and_throw_on_error_as_documented(alice, bob, project, tmp_path):
    alice.upload_files(project["id"], "project", str(make_tree(tmp_path)))
    alice.add_project_collaborator(project["id"], "bob", ProjectCollaboratorRole.READER)
    soft = bob.delete_files(project["id"], ["*.csv"])
    assert soft["*.csv"][0]["status"] == FileTransferStatus.FAILED
    with pytest.raises(PermissionDeniedError):
        bob.delete_files(project["id"], ["*.csv"], throw_on_error=True)
    done = []
    result = alice.delete_files(project["id"], ["*.csv", "DCIM/*", "*.nothing"], finished_cb=done.append)
    assert [f["name"] for f in result["*.csv"]] == ["data.csv"]
    assert [f["name"] for f in result["DCIM/*"]] == ["DCIM/photo 1#.jpg"]
    assert result["*.nothing"] == []
    assert len(done) == 2
    assert remote_names(alice, project["id"]) == ["project.qgs"]


def test_delete_file_and_one_version(alice, project, tmp_path):
    path = tmp_path / "v.txt"
    path.write_text("one")
    alice.upload_file(project["id"], "project", path, "v.txt")
    path.write_text("two")
    alice.upload_file(project["id"], "project", path, "v.txt")
    versions = alice.list_remote_files(project["id"])[0]["versions"]
    assert len(versions) == 2
    alice.delete_file(project["id"], "v.txt", version_id=versions[-1]["version_id"])
    remaining = alice.list_remote_files(project["id"])[0]["versions"]
    assert [v["version_id"] for v in remaining] == [versions[0]["version_id"]]
    alice.delete_file(project["id"], "v.txt")
    assert remote_names(alice, project["id"]) == []
    with pytest.raises(NotFoundError):
        alice.delete_file(project["id"], "v.txt")


# --- jobs, deltas, packages ------------------------------------------------------------


def test_jobs_trigger_status_wait_and_client_side_type_filter(alice, project, tmp_path):
    alice.upload_files(project["id"], "project", str(make_tree(tmp_path)))
    job = alice.job_trigger(project["id"], JobTypes.PACKAGE)
    assert job["type"] == "package"
    assert alice.job_status(job["id"])["id"] == job["id"]
    done = alice.job_wait(job["id"], timeout=60, poll_interval=0.1)
    assert done["status"] == "finished"
    all_jobs = alice.list_jobs(project["id"])
    assert {"package", "process_projectfile"} <= {j["type"] for j in all_jobs}
    packages = alice.list_jobs(project["id"], JobTypes.PACKAGE)
    assert [j["id"] for j in packages] == [job["id"]]
    assert len(all_jobs) >= 2
    assert len(alice.list_jobs(project["id"], pagination=Pagination(limit=1))) == 1


def test_unknown_job_is_forbidden(alice):
    with pytest.raises(PermissionDeniedError):
        alice.job_status(str(uuid.uuid4()))


def test_list_jobs_of_an_unknown_project_is_not_found(alice):
    with pytest.raises(NotFoundError):
        alice.list_jobs(str(uuid.uuid4()))


def test_package_latest_and_download(alice, project, tmp_path):
    with pytest.raises(QfcRequestException) as info:
        alice.package_latest(project["id"])
    assert info.value.code == "invalid_job"
    with pytest.raises(QfcException):
        alice.package_download(project["id"], str(tmp_path / "pkg"))
    src = make_tree(tmp_path / "src")
    alice.upload_files(project["id"], "project", str(src))
    alice.job_wait(alice.job_trigger(project["id"], "package", force=True)["id"], timeout=60, poll_interval=0.1)
    latest = alice.package_latest(project["id"])
    assert latest["status"] == "finished"
    result = alice.package_download(project["id"], str(tmp_path / "pkg"))
    names = sorted(f["name"] for f in result)
    assert "project_qfield.qgs" in names and "project.qgs" not in names  # the packager's converted project
    for name in names:
        if name.startswith("DCIM/"):  # attachments are the project's own files
            assert (tmp_path / "pkg" / name).read_bytes() == (src / name).read_bytes()
        assert (tmp_path / "pkg" / name).stat().st_size == next(f["size"] for f in latest["files"] if f["name"] == name)
    again = alice.package_download(project["id"], str(tmp_path / "pkg"))
    assert all(f["skipped"] for f in again)


def test_push_delta_starts_an_apply_job(alice, project, tmp_path):
    alice.upload_files(project["id"], "project", str(make_tree(tmp_path / "src")))
    deltafile = tmp_path / "deltas.json"
    deltafile.write_text(
        json.dumps(
            {
                "version": "1.0",
                "id": str(uuid.uuid4()),
                "project": project["id"],
                "files": [],
                "deltas": [
                    {
                        "uuid": str(uuid.uuid4()),
                        "clientId": str(uuid.uuid4()),
                        "localLayerId": "l1",
                        "sourceLayerId": "l1",
                        "localPk": "1",
                        "sourcePk": "1",
                        "method": "create",
                        "old": None,
                        "new": {"attributes": {"name": "x"}},
                    }
                ],
            }
        )
    )
    assert alice.push_delta(project["id"], str(deltafile)) == {}
    assert alice.list_jobs(project["id"], JobTypes.APPLY_DELTAS)


def test_push_delta_without_a_qgis_project_is_refused(alice, project, tmp_path):
    deltafile = tmp_path / "d.json"
    deltafile.write_text(
        json.dumps({"version": "1.0", "id": str(uuid.uuid4()), "project": project["id"], "files": [], "deltas": []})
    )
    with pytest.raises(QfcRequestException) as info:
        alice.push_delta(project["id"], str(deltafile))
    assert info.value.code == "no_qgis_project"


# --- people --------------------------------------------------------------------------------


def test_collaborators(alice, bob, project):
    added = alice.add_project_collaborator(project["id"], "bob", ProjectCollaboratorRole.READER)
    assert (added["collaborator"], added["role"]) == ("bob", "reader")
    assert bob.get_project(project["id"])["user_role"] == "reader"
    assert [c["collaborator"] for c in alice.get_project_collaborators(project["id"])] == ["bob"]
    with pytest.raises(PermissionDeniedError):
        bob.get_project_collaborators(project["id"])
    patched = alice.patch_project_collaborators(project["id"], "bob", ProjectCollaboratorRole.EDITOR)
    assert patched["role"] == "editor"
    alice.remove_project_collaborator(project["id"], "bob")
    assert alice.get_project_collaborators(project["id"]) == []
    with pytest.raises(PermissionDeniedError):
        bob.get_project(project["id"])


def test_organization_members(alice, bob):
    members = {m["member"] for m in alice.get_organization_members("acme")}
    if "carol" in members:
        alice.remove_organization_members("acme", "carol")
    added = alice.add_organization_member("acme", "carol", OrganizationMemberRole.MEMBER, False)
    assert (added["member"], added["role"]) == ("carol", "member")
    assert "carol" in {m["member"] for m in bob.get_organization_members("acme")}
    with pytest.raises(PermissionDeniedError):
        bob.add_organization_member("acme", "dave", OrganizationMemberRole.MEMBER, False)
    patched = alice.patch_organization_members("acme", "carol", OrganizationMemberRole.ADMIN)
    assert patched["role"] == "admin"
    # the SDK's own (mis)name for the organization argument still works
    alice.patch_organization_members(project_id="acme", username="carol", role=OrganizationMemberRole.MEMBER)
    alice.remove_organization_members(project_id="acme", username="carol")
    assert "carol" not in {m["member"] for m in alice.get_organization_members("acme")}


def test_teams_and_team_members(alice, unique_name):
    members = {m["member"] for m in alice.get_organization_members("acme")}
    if "bob" not in members:
        alice.add_organization_member("acme", "bob", OrganizationMemberRole.MEMBER, False)
    team = unique_name[-20:].strip("-").lower() or "team"
    created = alice.create_organization_team("acme", team)
    assert created["team"] == team
    assert team in [t["team"] for t in alice.get_organization_teams("acme")]
    assert alice.get_organization_team("acme", team)["members"] == []
    assert alice.add_organization_team_member("acme", team, "bob")["member"] == "bob"
    assert [m["member"] for m in alice.get_organization_team_members("acme", team)] == ["bob"]
    alice.remove_organization_team_member("acme", team, "bob")
    assert alice.get_organization_team_members("acme", team) == []
    renamed = alice.patch_organization_team("acme", team, team + "-2")
    assert renamed["team"] == team + "-2"
    alice.delete_organization_team("acme", team + "-2")
    assert team + "-2" not in [t["team"] for t in alice.get_organization_teams("acme")]
    with pytest.raises(QfcRequestException):
        alice.get_organization_team("acme", team + "-2")


def test_current_subscription_and_organizations(alice, bob):
    subscription = alice.current_subscription("alice")
    assert {"plan_display_name", "storage_used_bytes", "active_storage_total_bytes"} <= set(subscription)
    assert "acme" in [o["username"] for o in alice.get_user_organizations("alice")]
    with pytest.raises(PermissionDeniedError):
        bob.get_user_organizations("alice")


def test_upload_of_named_files_sends_exactly_those_and_says_which_are_gone(alice, project, tmp_path):
    (tmp_path / "sub").mkdir()
    for name in ("a.txt", "b.txt", "sub/c.txt"):
        (tmp_path / name).write_text(name)
    (tmp_path / "map.qgs").write_text(QGS)
    result = alice.upload_files(
        project["id"], "project", str(tmp_path), names=["map.qgs", "sub/c.txt", "gone.txt", "a.txt"]
    )
    assert remote_names(alice, project["id"]) == ["a.txt", "map.qgs", "sub/c.txt"]
    # the project file goes after the data files; the missing name is reported, not silently dropped
    assert [f["name"] for f in result] == ["sub/c.txt", "a.txt", "map.qgs", "gone.txt"]
    gone = result[-1]
    assert gone["status"] == FileTransferStatus.FAILED and gone["refused"]
    assert f'Not uploaded: "gone.txt" is not a file in {tmp_path} any more' == str(gone["error"])


def test_verify_upload_compares_the_servers_latest_version_with_the_local_file(alice, project, tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"version one")
    alice.upload_files(project["id"], "project", str(tmp_path))
    entry = alice.verify_upload(project["id"], path, "a.txt")
    assert entry["name"] == "a.txt" and entry["size"] == len(b"version one")
    path.write_bytes(b"edited after the upload")
    with pytest.raises(ChecksumMismatchError) as info:
        alice.verify_upload(project["id"], path, "a.txt")
    size = len(b"edited after the upload")
    assert str(info.value).startswith(f'"a.txt" on the server does not match the local file ({size} bytes, sha256 ')
    with pytest.raises(ChecksumMismatchError):
        alice.verify_upload(project["id"], path, "never-uploaded.txt")


def test_download_file_takes_a_path_skips_a_current_file_and_prints_nothing(alice, project, tmp_path, caplog, capfd):
    src = tmp_path / "src"
    (src / "sub").mkdir(parents=True)
    (src / "sub" / "a.txt").write_bytes(b"server copy")
    alice.upload_files(project["id"], "project", str(src))
    target = tmp_path / "out" / "a.txt"
    response = alice.download_file(project["id"], "project", target, Path("sub") / "a.txt")
    assert response is not None and target.read_bytes() == b"server copy"
    assert capfd.readouterr().err == ""  # progress goes to stderr only when asked
    with caplog.at_level("INFO", logger="qfieldcloud_plugin.client"):
        assert alice.download_file(project["id"], "project", target, "sub/a.txt", remote_etag=calc_etag(target)) is None
    assert 'Skipping "sub/a.txt": the local file is up to date' in caplog.text
    target.write_bytes(b"local edit")
    assert (
        alice.download_file(project["id"], "project", target, "sub/a.txt", remote_etag=calc_etag(src / "sub" / "a.txt"))
        is not None
    )
    assert target.read_bytes() == b"server copy"
