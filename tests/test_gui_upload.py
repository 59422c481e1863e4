"""Uploading the open project: link, skip identical files, conflicts, cancel, GUI responsiveness."""

import time

import pytest
from qgis.core import Qgis, QgsApplication, QgsProject
from qgis.PyQt.QtCore import QTimer

from qfieldcloud_plugin.client import Client
from qfieldcloud_plugin.core.project_link import read_link
from qfieldcloud_plugin.core.uploads import UploadResult
from qfieldcloud_plugin.gui.dock import CloudDock
from qfieldcloud_plugin.gui.workflows import CloudActions
from tests.support.gui_flows import upload
from tests.support.qgis_plugin_env import ScriptedAsker, local_names, make_project_folder, wait_for_tasks, wait_until
from tests.support.sqlite_wal import commit_into_the_wal


def _open_project(folder, name):
    path = make_project_folder(folder, name)
    (folder / "notes.csv").write_text("id,text\n1,hello\n")
    assert QgsProject.instance().read(str(path))
    return path


def _remote(qfc_server, session, project_id):
    client = Client(url=qfc_server.url, token=session._token)
    return {f["name"]: f["md5sum"] for f in client.list_remote_files(project_id)}


def test_first_upload_creates_links_and_uploads_then_skips_identical_files(
    qfc_server, session, plugin_iface, tmp_path, unique_name
):
    path = _open_project(tmp_path / "proj", unique_name)
    asker = ScriptedAsker(confirm=True, choice=0)  # "Create the cloud project <name>", then "save?" yes
    actions = CloudActions(plugin_iface, session, asker)
    results = []
    actions.uploadFinished.connect(results.append)

    result = upload(actions, results)
    assert isinstance(result, UploadResult)
    expected = local_names(tmp_path / "proj")
    assert {"notes.csv", "points.gpkg", unique_name + ".qgs"} <= set(expected)
    assert sorted(result.uploaded) == expected, result.failed
    assert "not linked to a QFieldCloud project" in asker.questions[0]
    link = read_link()
    assert link.name == unique_name and link.owner == "alice"
    dock = CloudDock(session, actions)
    assert dock.link_label.text() == "Open project ↔ alice/" + unique_name
    dock.disconnect_all()
    assert sorted(_remote(qfc_server, session, link.project_id)) == sorted(result.uploaded)
    success = plugin_iface.messageBar().get_messages(Qgis.Success)
    assert any("{} uploaded, 0 unchanged, 0 failed".format(len(expected)) in m for m in success), success

    # The link is stored in the project file: reopening it remembers the cloud project.
    QgsProject.instance().clear()
    assert read_link() is None
    QgsProject.instance().read(str(path))
    assert read_link().project_id == link.project_id

    # Nothing changed: everything is skipped, nothing is sent.
    result = upload(actions, results)
    assert result.uploaded == [] and len(result.skipped) == len(expected)
    assert any(
        "is up to date: {} files unchanged".format(len(expected)) in m
        for m in plugin_iface.messageBar().get_messages(Qgis.Success)
    )

    # One changed file: only that one goes up.
    (tmp_path / "proj" / "notes.csv").write_text("id,text\n1,hello\n2,world\n")
    result = upload(actions, results)
    assert result.uploaded == ["notes.csv"] and len(result.skipped) == len(expected) - 1
    QgsProject.instance().clear()


def test_file_changed_on_the_server_is_not_silently_overwritten(
    qfc_server, session, plugin_iface, tmp_path, unique_name
):
    _open_project(tmp_path / "proj", unique_name)
    asker = ScriptedAsker(confirm=True, choice=0)
    actions = CloudActions(plugin_iface, session, asker)
    results = []
    actions.uploadFinished.connect(results.append)
    upload(actions, results)
    link = read_link()

    # A colleague uploads another notes.csv; we edit ours too.
    colleague = tmp_path / "colleague"
    colleague.mkdir()
    (colleague / "notes.csv").write_text("id,text\n1,their version\n")
    client = Client(url=qfc_server.url, token=session._token)
    client.upload_file(link.project_id, "project", colleague / "notes.csv", "notes.csv")
    theirs = _remote(qfc_server, session, link.project_id)["notes.csv"]
    (tmp_path / "proj" / "notes.csv").write_text("id,text\n1,my version\n")

    asker.questions.clear()
    asker.choice_answer = 0  # "Keep QFieldCloud's version": the first option, the default
    result = upload(actions, results)
    assert any("notes.csv changed on QFieldCloud since your last sync" in q for q in asker.questions)
    assert "notes.csv" not in result.uploaded
    assert _remote(qfc_server, session, link.project_id)["notes.csv"] == theirs
    warnings = plugin_iface.messageBar().get_messages(Qgis.Warning)
    assert any("differ from QFieldCloud and were left as they are" in m and "notes.csv" in m for m in warnings)
    assert not any("is up to date" in m for m in plugin_iface.messageBar().get_messages(Qgis.Success)[-1:])

    asker.choice_answer = 1  # "Overwrite it with mine"
    result = upload(actions, results)
    assert result.uploaded == ["notes.csv"]
    assert _remote(qfc_server, session, link.project_id)["notes.csv"] != theirs
    QgsProject.instance().clear()


def _many_files(folder, count, size):
    data = folder / "data"
    data.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        (data / "f{:04d}.bin".format(i)).write_bytes(bytes([i % 256]) * size + str(i).encode())


def test_cancel_stops_the_upload_and_says_so(qfc_server, session, plugin_iface, tmp_path, unique_name):
    _open_project(tmp_path / "proj", unique_name)
    _many_files(tmp_path / "proj", 300, 64 * 1024)
    actions = CloudActions(plugin_iface, session, ScriptedAsker(confirm=True, choice=0))
    results = []
    actions.uploadFinished.connect(results.append)
    uploading = []

    def cancel_when_running():
        for task in session.transfers.tasks:
            if task.description().startswith("Uploading") and task.progress() > 5:
                uploading.append(task.progress())
                task.cancel()
                return
        QTimer.singleShot(5, cancel_when_running)

    QTimer.singleShot(5, cancel_when_running)
    actions.upload_current_project()
    wait_until(lambda: results, timeout=120, message="upload end")
    wait_for_tasks()
    assert uploading, "the upload never showed progress"
    assert not isinstance(results[-1], UploadResult)
    warnings = plugin_iface.messageBar().get_messages(Qgis.Warning)
    assert any("stopped: Cancelled." in m for m in warnings), warnings
    link = read_link()
    remote = _remote(qfc_server, session, link.project_id)
    assert 0 < len(remote) < len(local_names(tmp_path / "proj"))
    assert unique_name + ".qgs" not in remote  # the project file goes last: never reached
    QgsProject.instance().clear()


class StallMeter:
    """A 5 ms QTimer on the GUI thread; `max_ms` is the longest gap between two ticks."""

    def __init__(self):
        self.gaps = []
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)

    def _tick(self):
        now = time.perf_counter()
        self.gaps.append(now - self.last)
        self.last = now

    def __enter__(self):
        self.last = time.perf_counter()
        self.timer.start()
        return self

    def __exit__(self, *exc):
        self.timer.stop()

    @property
    def max_ms(self):
        return max(self.gaps) * 1000


@pytest.fixture
def work_threads(monkeypatch):
    """The thread of every HTTP request sent and every hash made (hashlib itself: no call site is
    missed, whatever it imported), recorded and passed through."""
    import hashlib
    import threading

    import requests

    seen = []

    def recording(what, real):
        def call(*args, **kwargs):
            seen.append((what, threading.current_thread() is threading.main_thread()))
            return real(*args, **kwargs)

        return call

    monkeypatch.setattr(requests.Session, "send", recording("http", requests.Session.send))
    for name in ("md5", "sha256"):
        monkeypatch.setattr(hashlib, name, recording("hash", getattr(hashlib, name)))
    return seen


def test_gui_thread_stays_responsive_while_hundreds_of_files_transfer(
    qfc_server, session, plugin_iface, tmp_path, unique_name, work_threads
):
    """The mechanism, not a stopwatch: no request and no hashing ever runs on the GUI thread.

    The longest GUI stall is printed as a figure; `make bench` measures it (gui_stall).
    """
    _open_project(tmp_path / "proj", unique_name)
    _many_files(tmp_path / "proj", 400, 16 * 1024)
    count = len(local_names(tmp_path / "proj"))
    actions = CloudActions(plugin_iface, session, ScriptedAsker(confirm=True, choice=0, folder=str(tmp_path / "copy")))
    results, downloads = [], []
    actions.uploadFinished.connect(results.append)
    actions.filesDownloaded.connect(lambda folder, files: downloads.append(files))

    with StallMeter() as upload:
        started = time.perf_counter()
        actions.upload_current_project()
        wait_until(lambda: results, timeout=180, message="upload end")
        upload_s = time.perf_counter() - started
    result = results[-1]
    assert isinstance(result, UploadResult) and len(result.uploaded) == count >= 403 and not result.failed

    with StallMeter() as download:
        started = time.perf_counter()
        actions.download_files({"id": read_link().project_id, "owner": "alice", "name": unique_name})
        wait_until(lambda: downloads, timeout=180, message="download end")
        download_s = time.perf_counter() - started
    assert len(downloads[0]) == count and not [f for f in downloads[0] if f.get("error")]
    assert local_names(tmp_path / "copy") == local_names(tmp_path / "proj")

    print(
        "\nGUI thread max stall: upload {:.1f} ms ({} files, {:.1f} s), download {:.1f} ms ({} files, {:.1f} s)".format(
            upload.max_ms, count, upload_s, download.max_ms, count, download_s
        )
    )
    assert len([1 for what, _ in work_threads if what == "http"]) >= count  # every file went over HTTP...
    assert len([1 for what, _ in work_threads if what == "hash"]) >= count  # ...and was hashed...
    assert not any(on_gui for _what, on_gui in work_threads), "network or hashing on the GUI thread"  # ...off it
    assert QgsApplication.taskManager().countActiveTasks() == 0
    QgsProject.instance().clear()


def test_recent_geopackage_edits_in_the_wal_are_uploaded(qfc_server, session, plugin_iface, tmp_path, unique_name):
    import sqlite3

    _open_project(tmp_path / "proj", unique_name)
    gpkg = tmp_path / "proj" / "points.gpkg"
    editor, idle_reader = commit_into_the_wal(gpkg, "field_notes", "note", "edited in the field")
    assert (tmp_path / "proj" / "points.gpkg-wal").stat().st_size > 0
    actions = CloudActions(plugin_iface, session, ScriptedAsker(confirm=True, choice=0))
    results = []
    actions.uploadFinished.connect(results.append)
    try:
        upload(actions, results)
    finally:
        idle_reader.close()
        editor.close()
    assert "points.gpkg" in results[-1].uploaded and "points.gpkg-wal" not in results[-1].uploaded
    client = Client(url=qfc_server.url, token=session._token)
    client.download_files(
        [{"name": "points.gpkg"}], read_link().project_id, "project", str(tmp_path / "back"), throw_on_error=True
    )
    notes = sqlite3.connect(str(tmp_path / "back" / "points.gpkg")).execute("SELECT note FROM field_notes")
    assert notes.fetchall() == [("edited in the field",)]
    QgsProject.instance().clear()


def test_the_real_conflict_question_defaults_to_the_choice_that_loses_nothing(qgis_app, qgis_iface):
    """Drives the real QMessageBox: Enter presses the default button."""
    from qgis.PyQt.QtCore import QTimer
    from qgis.PyQt.QtWidgets import QApplication, QMessageBox

    from qfieldcloud_plugin.gui.asker import MessageBoxAsker

    seen = []

    def press_enter():
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box.defaultButton().text())
        box.defaultButton().click()

    QTimer.singleShot(0, press_enter)
    answer = MessageBoxAsker(qgis_iface.mainWindow()).choose(
        "Changed on QFieldCloud",
        "notes.csv changed on both sides",
        ["Keep QFieldCloud's version", "Overwrite it with mine"],
    )
    assert answer == 0 and seen == ["Keep QFieldCloud's version"]
