"""Names a server or a user gives that must not escape, collide or destroy: each class of them.

A refused name is reported on its own; the rest of the batch still downloads, and nothing
that was on disk before is moved or deleted to make room.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from qfieldcloud_plugin.client import Client, FileTransferStatus, UnsafePathError
from qfieldcloud_plugin.client.names import url_path, url_segment
from tests.support.fake_http import Reply, json_reply, listing_entry, serve_project_files

REPO = Path(__file__).resolve().parents[1]
PID = "0b7c2a3e-5b1d-4f7a-9c2e-8d3f4a5b6c7d"


entry = listing_entry


def serve(fake, files):
    """List `files` (name → bytes) and serve each one that has a URL-safe name."""
    serve_project_files(fake, PID, files)


def by_name(results):
    return {f["name"]: f for f in results}


def requested(fake):
    return [r.path for r in fake.requests if r.method == "GET"]


HOSTILE = [
    "../evil",
    "a/../../evil",
    "/etc/evil",
    "C:/evil",
    "dir\\..\\evil",
    "new\nline.txt",
    "cr\r.txt",
    "tab\t.txt",
    "nul\x00.txt",
    "del\x7f.txt",
    "a//b",
    "./a",
    ".qfieldcloud/sync-state.json",
    ".qfieldcloud/trash/x",
]


def test_each_refused_name_is_reported_and_the_others_still_download(fake, tmp_path):
    files = {name: b"pwned" for name in HOSTILE}
    files.update({"ok.txt": b"fine", "sub/ok2.txt": b"fine too"})
    serve(fake, files)
    target = tmp_path / "project"
    (target / ".qfieldcloud").mkdir(parents=True)
    (target / ".qfieldcloud" / "sync-state.json").write_text("mine")

    results = by_name(Client(fake.url, token="t", max_retries=0).download_project(PID, str(target)))

    assert (target / "ok.txt").read_bytes() == b"fine" and (target / "sub/ok2.txt").read_bytes() == b"fine too"
    for name in HOSTILE:
        assert results[name]["status"] == FileTransferStatus.FAILED, name
        assert isinstance(results[name]["error"], UnsafePathError) and results[name]["refused"], name
    assert (target / ".qfieldcloud" / "sync-state.json").read_text() == "mine"  # our state is ours
    assert not (tmp_path / "evil").exists() and not Path("/etc/evil").exists()
    assert sorted(requested(fake)) == sorted(
        [f"/api/v1/files/{PID}/", f"/api/v1/files/{PID}/ok.txt/", f"/api/v1/files/{PID}/sub/ok2.txt/"]
    )


def test_throw_on_error_still_downloads_the_good_files_before_raising(fake, tmp_path):
    serve(fake, {"ok.txt": b"fine", "bad\n.txt": b"x"})
    with pytest.raises(UnsafePathError, match="control character"):
        Client(fake.url, token="t", max_retries=0).download_project(PID, str(tmp_path), throw_on_error=True)
    assert (tmp_path / "ok.txt").read_bytes() == b"fine"


def test_a_local_folder_with_the_name_of_a_server_file_survives(fake, tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "mine.txt").write_text("my work")
    serve(fake, {"data": b"server file", "ok.txt": b"fine"})
    results = by_name(Client(fake.url, token="t", max_retries=0).download_project(PID, str(tmp_path)))
    assert (tmp_path / "data" / "mine.txt").read_text() == "my work"
    assert results["data"]["refused"] and "folder" in str(results["data"]["error"])
    assert (tmp_path / "ok.txt").read_bytes() == b"fine"
    assert not list((tmp_path / ".qfieldcloud").glob("backup-*")) if (tmp_path / ".qfieldcloud").exists() else True


def test_a_local_file_with_the_name_of_a_server_folder_survives(fake, tmp_path):
    (tmp_path / "photos").write_text("my notes")
    serve(fake, {"photos/a.jpg": b"jpeg", "ok.txt": b"fine"})
    results = by_name(Client(fake.url, token="t", max_retries=0).download_project(PID, str(tmp_path)))
    assert (tmp_path / "photos").read_text() == "my notes"
    assert results["photos/a.jpg"]["refused"] and '"photos" is in the way' in str(results["photos/a.jpg"]["error"])
    assert (tmp_path / "ok.txt").read_bytes() == b"fine"


def test_a_listing_that_has_a_file_and_a_folder_of_the_same_name_downloads_the_folder(fake, tmp_path):
    serve(fake, {"a": b"file", "a/b.txt": b"inside"})
    results = by_name(Client(fake.url, token="t", max_retries=0).download_project(PID, str(tmp_path)))
    assert results["a"]["refused"] and (tmp_path / "a" / "b.txt").read_bytes() == b"inside"


def test_a_symlink_in_the_folder_that_points_outside_is_not_written_through(fake, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    root = tmp_path / "root"
    root.mkdir()
    (root / "link").symlink_to(outside)
    serve(fake, {"link/x.txt": b"pwned", "ok.txt": b"fine"})
    results = by_name(Client(fake.url, token="t", max_retries=0).download_project(PID, str(root)))
    assert results["link/x.txt"]["refused"] and not (outside / "x.txt").exists()
    assert (root / "ok.txt").read_bytes() == b"fine"


def test_names_near_name_max_download(fake, tmp_path):
    limit = os.pathconf(str(tmp_path), "PC_NAME_MAX")
    longest = "x" * (limit - 4) + ".txt"
    serve(fake, {longest: b"long", "sub/" + longest: b"longer"})
    results = by_name(Client(fake.url, token="t", max_retries=0).download_project(PID, str(tmp_path)))
    assert all(f["status"] == FileTransferStatus.SUCCESS for f in results.values()), results
    assert (tmp_path / longest).read_bytes() == b"long" and (tmp_path / "sub" / longest).read_bytes() == b"longer"


# --- names in URLs ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["../../projects/P2", "a/../b", "./a", "a/.", "..", "a//b", "x\ny", ""])
def test_no_file_name_with_dot_segments_reaches_a_url(name):
    with pytest.raises(UnsafePathError):
        url_path(name)


@pytest.mark.parametrize("value", ["..", ".", "", "a\nb"])
def test_no_id_with_dot_segments_reaches_a_url(value):
    with pytest.raises(UnsafePathError):
        url_segment(value)
    assert url_segment("a/b c") == "a%2Fb%20c"


@pytest.mark.parametrize(
    "call",
    [
        lambda c: c.delete_file(PID, "../../projects/P2"),
        lambda c: c.delete_file(PID, "sub/../../x"),
        lambda c: c.download_file(PID, "project", "/tmp/never-written", "../x"),
        lambda c: c.get_project(".."),
        lambda c: c.delete_project(".."),
        lambda c: c.remove_project_collaborator(PID, ".."),
        lambda c: c.job_status(".."),
    ],
)
def test_every_endpoint_that_takes_a_path_refuses_dot_segments_before_sending(fake, call):
    with pytest.raises(UnsafePathError):
        call(Client(fake.url, token="t", max_retries=0))
    assert fake.requests == []


def test_delete_files_skips_a_listed_name_with_dot_segments(fake):
    fake.route("GET", f"api/v1/files/{PID}/", json_reply([entry("../../projects/P2", b"x"), entry("ok.txt", b"y")]))
    fake.route("DELETE", f"api/v1/files/{PID}/ok.txt/", Reply(204))
    results = Client(fake.url, token="t", max_retries=0).delete_files(PID, ["*"])
    statuses = {f["name"]: f["status"] for f in results["*"]}
    assert statuses == {"../../projects/P2": FileTransferStatus.FAILED, "ok.txt": FileTransferStatus.SUCCESS}
    assert [r.path for r in fake.requests if r.method == "DELETE"] == [f"/api/v1/files/{PID}/ok.txt/"]


def test_the_cli_refuses_to_delete_another_project_through_dot_segments(qfc_server, test_users, tmp_path):
    """The example of the issue, end to end against the local server: P2 must survive."""
    client = Client(qfc_server.url)
    client.login("alice", test_users["alice"])
    p1 = client.create_project(f"p1-{os.getpid()}-{tmp_path.name}"[:60])
    p2 = client.create_project(f"p2-{os.getpid()}-{tmp_path.name}"[:60])
    env = dict(os.environ, QFIELDCLOUD_URL=qfc_server.url, QFIELDCLOUD_TOKEN=client.token)
    run = subprocess.run(
        [sys.executable, "-m", "qfieldcloud_plugin.client", "delete-file", p1["id"], f"../../projects/{p2['id']}"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode != 0 and "Traceback" not in run.stderr
    assert "'..'" in run.stderr
    assert client.get_project(p2["id"])["id"] == p2["id"]


def test_the_cli_downloads_the_good_files_and_exits_non_zero_naming_the_refused_one(fake, tmp_path):
    serve(fake, {"ok.txt": b"fine", "../evil": b"x"})
    env = dict(os.environ, QFIELDCLOUD_URL=fake.url, QFIELDCLOUD_TOKEN="t")
    run = subprocess.run(
        [sys.executable, "-m", "qfieldcloud_plugin.client", "download-files", PID, str(tmp_path)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 1, run.stderr
    assert '"../evil"' in run.stderr and "Traceback" not in run.stderr
    assert (tmp_path / "ok.txt").read_bytes() == b"fine"


# --- local names that must not go up ------------------------------------------------------


def test_links_out_of_the_folder_and_non_utf8_names_are_not_uploaded_and_the_rest_goes(
    qfc_server, test_users, unique_name, tmp_path
):
    client = Client(qfc_server.url)
    client.login("alice", test_users["alice"])
    project = client.create_project(unique_name)
    secret = tmp_path / "outside" / "passwords.txt"
    secret.parent.mkdir()
    secret.write_text("not for the cloud")
    folder = tmp_path / "project"
    (folder / "sub").mkdir(parents=True)
    (folder / "ok.txt").write_text("fine")
    (folder / "sub" / "real.csv").write_text("a,b\n")
    (folder / "leak.txt").symlink_to(secret)
    (folder / "leakdir").symlink_to(secret.parent)
    (folder / "alias.csv").symlink_to(folder / "sub" / "real.csv")  # inside: goes up as its content
    bad = os.path.join(os.fsencode(folder), b"caf\xe9.txt")  # Latin-1, not UTF-8
    with open(bad, "wb") as f:
        f.write(b"latin-1 name")

    files = {f["name"]: f for f in client.upload_files(project["id"], "project", str(folder))}

    sent = {f["name"] for f in client.list_remote_files(project["id"])}
    assert sent == {"ok.txt", "sub/real.csv", "alias.csv"}
    for name in ("leak.txt", "leakdir"):
        assert files[name]["refused"] and "outside the project folder" in str(files[name]["error"])
    latin = next(f for n, f in files.items() if n.startswith("caf"))
    assert latin["refused"] and "not valid UTF-8" in str(latin["error"])
    # The CLI says the same in one line each and exits non-zero, after sending the rest.
    env = dict(os.environ, QFIELDCLOUD_URL=qfc_server.url, QFIELDCLOUD_TOKEN=client.token)
    run = subprocess.run(
        [sys.executable, "-m", "qfieldcloud_plugin.client", "upload-files", project["id"], str(folder)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert "outside the project folder" in run.stdout + run.stderr and "UTF-8" in run.stdout + run.stderr


def test_a_name_the_file_system_cannot_hold_is_reported_and_the_rest_still_downloads(fake, tmp_path):
    limit = os.pathconf(str(tmp_path), "PC_NAME_MAX")
    too_long = "y" * (limit + 1) + ".txt"
    serve(fake, {too_long: b"never", "sub/" + too_long: b"never either", "ok.txt": b"fine"})
    results = by_name(Client(fake.url, token="t", max_retries=0).download_project(PID, str(tmp_path)))
    assert results["ok.txt"]["status"] == FileTransferStatus.SUCCESS and (tmp_path / "ok.txt").read_bytes() == b"fine"
    for name in (too_long, "sub/" + too_long):
        assert results[name]["refused"] and "longer than" in str(results[name]["error"])


def test_each_name_in_the_way_is_refused_with_the_reason_the_user_can_act_on(fake, tmp_path):
    """The exact words of each refusal, and the deepest local file that blocks a nested name."""
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "mine.txt").write_text("my work")
    (tmp_path / "maps").mkdir()
    (tmp_path / "maps" / "2026").write_text("a file where the server has a folder")
    serve(fake, {"data": b"x", "maps/2026/north/a.tif": b"tif", "a": b"file", "a/b.txt": b"in", "ok.txt": b"ok"})
    results = by_name(Client(fake.url, token="t", max_retries=0).download_project(PID, str(tmp_path)))
    assert str(results["data"]["error"]) == (
        'Skipped "data": a local folder of that name is in the way; it was left as it is'
    )
    assert str(results["maps/2026/north/a.tif"]["error"]) == (
        'Skipped "maps/2026/north/a.tif": the local file "maps/2026" is in the way; it was left as it is'
    )
    assert str(results["a"]["error"]) == 'Skipped "a": the server also lists files inside a folder of that name'
    assert (tmp_path / "ok.txt").read_bytes() == b"ok" and (tmp_path / "a" / "b.txt").read_bytes() == b"in"


def test_a_name_whose_whole_path_is_too_long_for_the_file_system_is_skipped_alone(fake, tmp_path):
    """Each part fits NAME_MAX, the whole path does not fit PATH_MAX: the file system refuses it
    when it is written, and only that file is skipped, in words the user can act on."""
    deep = "/".join(["d" * 200] * 22) + "/a.txt"  # about 4,400 bytes, over Linux's 4,096
    serve(fake, {deep: b"deep", "ok.txt": b"fine"})
    results = by_name(Client(fake.url, token="t", max_retries=0).download_project(PID, str(tmp_path)))
    refused = results[deep]
    assert refused["refused"] is True and refused["status"] == FileTransferStatus.FAILED
    assert str(refused["error"]) == f'Skipped "{deep}": this file system cannot hold that name (File name too long)'
    assert (tmp_path / "ok.txt").read_bytes() == b"fine"
