"""core's downloads on their own, without widgets: which local files a download would replace."""

import hashlib
from pathlib import Path

import pytest
from qgis.core import QgsFeedback

from qfieldcloud_plugin.client import Client, QfcException, TransferCancelledError
from qfieldcloud_plugin.core.downloads import DownloadResult, download_package, download_project, replaced_by_download
from qfieldcloud_plugin.core.sync_execution import beside_name
from tests.support.fake_http import json_reply, serve_project_files

PID = "0b7c2a3e-5b1d-4f7a-9c2e-8d3f4a5b6c7d"


class NeverCancelled:
    """What core's transfer functions ask of their task: a QgsTask or a Processing feedback in real use."""

    def isCanceled(self):
        return False


def serve(fake, files):
    serve_project_files(fake, PID, files)


def test_a_new_server_version_over_an_untouched_download_needs_no_question(fake, tmp_path):
    client = Client(fake.url, token="t", max_retries=0)
    serve(fake, {"survey.qgs": b"<qgis v1/>", "data.gpkg": b"rows v1"})
    client.download_project(PID, str(tmp_path))
    serve(fake, {"survey.qgs": b"<qgis v2/>", "data.gpkg": b"rows v2"})
    assert replaced_by_download(client, NeverCancelled(), PID, tmp_path) == []
    (tmp_path / "data.gpkg").write_bytes(b"rows v1 plus an office edit")
    assert replaced_by_download(client, NeverCancelled(), PID, tmp_path) == ["data.gpkg"]
    # The download then keeps exactly that file, and only it, in the trash.
    result = DownloadResult.of(client.download_project(PID, str(tmp_path)))
    assert result.backed_up == ["data.gpkg"]
    assert (result.backup / "data.gpkg").read_bytes() == b"rows v1 plus an office edit"
    assert (tmp_path / "data.gpkg").read_bytes() == b"rows v2"


def test_a_local_file_that_was_never_downloaded_is_local_work(fake, tmp_path):
    (tmp_path / "notes.txt").write_bytes(b"mine")
    serve(fake, {"notes.txt": b"theirs"})
    assert replaced_by_download(Client(fake.url, token="t"), NeverCancelled(), PID, tmp_path) == ["notes.txt"]


class Comparing(NeverCancelled):
    """A task during the comparison: it is asked for cancellation and told the progress."""

    def setProgress(self, _percent):  # QgsTask's name
        pass


def test_a_listing_shorter_than_announced_never_becomes_a_plan_with_local_deletions(fake, tmp_path):
    from qfieldcloud_plugin.client import InvalidResponseError
    from qfieldcloud_plugin.core.sync import FileState
    from qfieldcloud_plugin.core.sync_execution import prepare_sync
    from qfieldcloud_plugin.core.sync_state import SyncStateStore

    files = {"a.txt": b"a", "b.txt": b"b", "c.txt": b"c"}
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    SyncStateStore(tmp_path).update(
        PID,
        {
            n: FileState(size=1, etag=hashlib.md5(d).hexdigest(), sha256=hashlib.sha256(d).hexdigest())
            for n, d in files.items()
        },
    )
    listed = [
        {
            "name": "a.txt",
            "size": 1,
            "md5sum": hashlib.md5(b"a").hexdigest(),
            "sha256": hashlib.sha256(b"a").hexdigest(),
        }
    ]
    fake.route("GET", f"api/v1/files/{PID}/", json_reply(listed, headers={"X-Total-Count": "3"}))
    with pytest.raises(InvalidResponseError, match="1 of the 3"):
        prepare_sync(Client(fake.url, token="t", max_retries=0), Comparing(), PID, tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == sorted(files)


class Uploading(Comparing):
    """A task during a transfer: also told the client's progress."""

    def progress_callback(self, _progress):
        pass


def test_an_upload_hashes_each_file_once_from_plan_to_send(qfc_server, test_users, unique_name, tmp_path, monkeypatch):
    """The re-check just before each send reads the checksum cache the plan's scan filled: a stat, not a hash."""
    import os

    from qfieldcloud_plugin.client import checksums as checksums_module
    from qfieldcloud_plugin.core.uploads import prepare_upload, upload

    monkeypatch.setenv("QFIELDCLOUD_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "proj"
    folder.mkdir()
    for i in range(5):
        path = folder / f"f{i}.bin"
        path.write_bytes(os.urandom(1000))
        os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns - 10**10))  # not "racy"
    hashed = []
    real = checksums_module.calc_etag
    monkeypatch.setattr(
        checksums_module, "calc_etag", lambda path, *a: hashed.append(Path(path).name) or real(path, *a)
    )
    client = Client(qfc_server.url)
    client.login("alice", test_users["alice"])
    project = client.create_project(unique_name)
    preparation = prepare_upload(client, Uploading(), project["id"], folder)
    result = upload(client, Uploading(), project["id"], preparation, list(preparation.plan.upload))
    assert sorted(result.uploaded) == [f"f{i}.bin" for i in range(5)] and not result.failed
    assert sorted(hashed) == [f"f{i}.bin" for i in range(5)]  # once each: planning; the re-check was a stat
    client.close()


@pytest.mark.parametrize(
    "name, expected",
    [
        ("data/roads.gpkg", "data/roads.server-S.gpkg"),
        ("roads.gpkg", "roads.server-S.gpkg"),
        ("a/b/archive.tar.gz", "a/b/archive.tar.server-S.gz"),  # the last suffix stays: QGIS still knows the format
        ("README", "README.server-S"),
        ("docs/.hidden", "docs/.hidden.server-S"),
    ],
)
def test_the_server_copy_of_a_kept_both_conflict_sits_beside_the_local_file(name, expected):
    assert beside_name(name, "S", lambda candidate: False) == expected


def test_the_server_copy_is_numbered_when_its_name_is_taken():
    taken = {"data/roads.server-S.gpkg", "data/roads.server-S-2.gpkg"}
    assert beside_name("data/roads.gpkg", "S", taken.__contains__) == "data/roads.server-S-3.gpkg"


def test_the_server_copy_gives_up_after_999_names():
    asked = []
    with pytest.raises(FileExistsError) as info:
        beside_name("roads.gpkg", "S", lambda candidate: asked.append(candidate) or True)
    assert str(info.value) == "roads.gpkg"
    assert len(asked) == 999 and asked[-1] == "roads.server-S-999.gpkg"


def test_which_local_files_a_download_replaces_follows_the_glob_and_the_server_names(fake, tmp_path):
    (tmp_path / "a-notes.txt").write_bytes(b"mine")
    (tmp_path / "b.gpkg").write_bytes(b"mine too")
    fake.route(
        "GET",
        f"api/v1/files/{PID}/",
        json_reply(
            [
                {"name": "../escape.gpkg", "size": 1, "md5sum": "0" * 32},  # refused by the download, not here
                {"name": "a-notes.txt", "size": 6, "md5sum": hashlib.md5(b"theirs").hexdigest()},
                {"name": "absent.gpkg", "size": 6, "md5sum": hashlib.md5(b"theirs").hexdigest()},  # nothing local
                {"name": "b.gpkg", "size": 6, "md5sum": hashlib.md5(b"theirs").hexdigest()},
            ]
        ),
    )
    client = Client(fake.url, token="t", max_retries=0)
    assert replaced_by_download(client, NeverCancelled(), PID, tmp_path) == ["a-notes.txt", "b.gpkg"]
    assert replaced_by_download(client, NeverCancelled(), PID, tmp_path, filter_glob="*.gpkg") == ["b.gpkg"]


def test_a_local_file_identical_to_the_server_copy_is_never_counted_as_replaced(fake, tmp_path):
    """Even when it was never downloaded, so that no record says it is an untouched download."""
    (tmp_path / "b.gpkg").write_bytes(b"mine!!")
    (tmp_path / "same.txt").write_bytes(b"theirs")
    theirs = {"size": 6, "md5sum": hashlib.md5(b"theirs").hexdigest()}
    fake.route("GET", f"api/v1/files/{PID}/", json_reply([dict(theirs, name="b.gpkg"), dict(theirs, name="same.txt")]))
    assert replaced_by_download(Client(fake.url, token="t", max_retries=0), NeverCancelled(), PID, tmp_path) == [
        "b.gpkg"
    ]


def test_what_a_package_download_replaces_follows_the_package_listing(fake, tmp_path):
    (tmp_path / "data.gpkg").write_bytes(b"edited in the field")
    (tmp_path / "survey.qgs").write_bytes(b"<qgis edited/>")
    serve_package(fake, {"data.gpkg": b"rows", "survey_qfield.qgs": b"<qgis/>"})
    serve(fake, {"survey.qgs": b"<qgis/>"})  # the project's own files: not what a package brings
    client = Client(fake.url, token="t", max_retries=0)
    assert replaced_by_download(client, NeverCancelled(), PID, tmp_path, package=True) == ["data.gpkg"]
    assert replaced_by_download(client, NeverCancelled(), PID, tmp_path) == ["survey.qgs"]


def test_comparing_files_for_a_download_can_be_cancelled(fake, tmp_path):
    serve(fake, {"a.txt": b"theirs"})
    feedback = QgsFeedback()
    feedback.cancel()
    with pytest.raises(TransferCancelledError) as info:
        replaced_by_download(Client(fake.url, token="t"), feedback, PID, tmp_path)
    assert str(info.value) == "Cancelled while comparing files"


class Downloading(NeverCancelled):
    def __init__(self, cancelled=False):
        self.progress = []
        self.cancelled = cancelled

    def progress_callback(self, event):
        self.progress.append(event)

    def isCanceled(self):  # QgsTask's name
        return self.cancelled


def test_a_project_download_reports_progress_to_its_task_and_stops_when_it_is_cancelled(fake, tmp_path):
    serve(fake, {"a.txt": b"first", "b.txt": b"second"})
    client = Client(fake.url, token="t", max_retries=0)
    task = Downloading()
    download_project(client, task, PID, tmp_path / "one")
    assert task.progress and task.progress[-1].files_done == 2
    with pytest.raises(TransferCancelledError):
        download_project(client, Downloading(cancelled=True), PID, tmp_path / "two")
    assert not (tmp_path / "two" / "a.txt").exists()


def serve_package(fake, files, missing=()):
    """The latest finished package of PID: `files` listed, each served except those in `missing`."""
    from tests.support.fake_http import Reply, listing_entry

    fake.route(
        "GET",
        f"api/v1/packages/{PID}/latest/",
        json_reply(
            {"status": "finished", "package_id": "job-1", "files": [listing_entry(n, d) for n, d in files.items()]}
        ),
    )
    for name, data in files.items():
        if name not in missing:
            fake.route("GET", f"api/v1/packages/{PID}/latest/files/{name}/", Reply(200, {}, data))


def test_a_package_download_marks_the_folder_reports_progress_and_stops_when_cancelled(fake, tmp_path):
    from qfieldcloud_plugin.core.project_link import package_of

    serve_package(fake, {"survey_qfield.qgs": b"<qgis/>", "data.gpkg": b"rows"})
    client = Client(fake.url, token="t", max_retries=0)
    task = Downloading()
    result = download_package(client, task, PID, tmp_path / "one")
    assert (tmp_path / "one" / "data.gpkg").read_bytes() == b"rows"
    assert sorted(f["name"] for f in result.files) == ["data.gpkg", "survey_qfield.qgs"]
    assert package_of(tmp_path / "one") == PID  # upload and sync refuse this folder
    assert task.progress and task.progress[-1].files_done == 2
    with pytest.raises(TransferCancelledError):
        download_package(client, Downloading(cancelled=True), PID, tmp_path / "two")
    assert not (tmp_path / "two" / "data.gpkg").exists()


def test_a_package_file_that_fails_stops_the_package_download_with_the_folder_unchanged(fake, tmp_path):
    serve_package(fake, {"survey_qfield.qgs": b"<qgis/>", "data.gpkg": b"rows"}, missing=("data.gpkg",))
    (tmp_path / "survey_qfield.qgs").write_bytes(b"<qgis the old package/>")
    with pytest.raises(QfcException, match="data.gpkg"):
        download_package(Client(fake.url, token="t", max_retries=0), Downloading(), PID, tmp_path)
    assert (tmp_path / "survey_qfield.qgs").read_bytes() == b"<qgis the old package/>"


def test_the_trash_of_a_download_is_its_time_stamped_folder_even_for_files_in_subfolders(fake, tmp_path):
    serve(fake, {"sub/deeper/a.txt": b"theirs"})
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "sub" / "deeper" / "a.txt").write_bytes(b"mine, never downloaded")
    result = download_project(Client(fake.url, token="t", max_retries=0), Downloading(), PID, tmp_path)
    assert result.backed_up == ["sub/deeper/a.txt"]
    assert result.backup.parent == tmp_path / ".qfieldcloud" / "trash"
    assert (result.backup / "sub" / "deeper" / "a.txt").read_bytes() == b"mine, never downloaded"


@pytest.mark.parametrize("download", ["core", "processing-like task"])
def test_a_download_becomes_the_sync_base_so_later_changes_have_a_side(fake, tmp_path, download):
    """What arrived verified is recorded: a file changed on the server since is a download, a file
    edited here an upload, and neither is a conflict (without a base both would be)."""
    from qfieldcloud_plugin.core.sync import SyncKind
    from qfieldcloud_plugin.core.sync_execution import prepare_sync
    from tests.support.task_stand_in import TaskStandIn

    client = Client(fake.url, token="t", max_retries=0)
    serve(fake, {"a.txt": b"a v1", "b.txt": b"b v1"})
    task = TaskStandIn() if download == "core" else _FeedbackLike()
    download_project(client, task, PID, tmp_path)
    serve(fake, {"a.txt": b"a v2 from the field", "b.txt": b"b v1"})
    (tmp_path / "b.txt").write_bytes(b"b v1 edited in the office")
    plan = prepare_sync(client, TaskStandIn(), PID, tmp_path).plan
    assert {a.name: a.kind for a in plan.actions} == {"a.txt": SyncKind.DOWNLOAD, "b.txt": SyncKind.UPLOAD}


class _FeedbackLike:
    """Processing's feedback as processing.base.FeedbackTask presents it."""

    def __init__(self):
        from qfieldcloud_plugin.processing.base import FeedbackTask

        self._task = FeedbackTask(QgsFeedback())
        self.isCanceled = self._task.isCanceled
        self.progress_callback = self._task.progress_callback


def test_a_download_that_failed_records_nothing_of_the_failed_file(fake, tmp_path):
    from qfieldcloud_plugin.core.sync_state import SyncStateStore

    client = Client(fake.url, token="t", max_retries=0)
    serve(fake, {"a.txt": b"a v1"})
    fake.route("GET", f"api/v1/files/{PID}/a.txt/", json_reply({"code": "unknown_error", "message": "x"}, 500))
    from tests.support.task_stand_in import TaskStandIn

    result = download_project(client, TaskStandIn(), PID, tmp_path)
    assert result.files[0]["error"] is not None
    assert "a.txt" not in (SyncStateStore(tmp_path).load(PID) or {})


@pytest.mark.parametrize("what", ["project", "package"])
def test_the_glob_and_force_given_to_core_reach_the_download(fake, tmp_path, what):
    """Processing passes its FILTER and FORCE through these functions: each must reach the client."""
    from tests.support.task_stand_in import TaskStandIn

    files = {"survey.qgs": b"<qgis/>", "data.gpkg": b"rows"}
    if what == "project":
        serve(fake, files)
        download = download_project
    else:
        serve_package(fake, files)
        download = download_package
    client = Client(fake.url, token="t", max_retries=0)
    only = download(client, TaskStandIn(), PID, tmp_path / "only", filter_glob="*.gpkg")
    assert [f["name"] for f in only.files] == ["data.gpkg"]
    assert sorted(p.name for p in (tmp_path / "only").iterdir() if not p.name.startswith(".")) == ["data.gpkg"]
    download(client, TaskStandIn(), PID, tmp_path / "all")
    again = download(client, TaskStandIn(), PID, tmp_path / "all")
    assert all(f["skipped"] for f in again.files)  # unchanged files are not fetched again...
    forced = download(client, TaskStandIn(), PID, tmp_path / "all", force_download=True)
    assert not any(f["skipped"] for f in forced.files)  # ...unless forced
