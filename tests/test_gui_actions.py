"""Dock actions against the local server: create, delete (confirmed), failed job output, download files."""

from qgis.core import Qgis

from qfieldcloud_plugin.client import Client
from qfieldcloud_plugin.core.sync_state import SyncStateStore
from qfieldcloud_plugin.gui.workflows import CloudActions
from tests.support.qgis_plugin_env import ScriptedAsker, local_names, make_project_folder, wait_for_tasks, wait_until


def _names(qfc_server, session):
    return {p["name"]: p for p in Client(url=qfc_server.url, token=session._token).list_projects()}


def test_create_then_delete_only_after_confirmation(qfc_server, session, plugin_iface, unique_name):
    asker = ScriptedAsker(confirm=False)
    actions = CloudActions(plugin_iface, session, asker)
    created, deleted = [], []
    actions.projectCreated.connect(created.append)
    actions.projectDeleted.connect(deleted.append)
    actions.create_project(unique_name, description="made in a test")
    wait_until(lambda: created, message="created")
    assert _names(qfc_server, session)[unique_name]["description"] == "made in a test"

    actions.delete_project(created[0])
    assert unique_name in asker.questions[-1] and "cannot be undone" in asker.questions[-1]
    wait_for_tasks()
    assert unique_name in _names(qfc_server, session) and not deleted

    asker.confirm_answer = True
    actions.delete_project(created[0])
    wait_until(lambda: deleted, message="deleted")
    assert unique_name not in _names(qfc_server, session)
    assert any(
        "Deleted the cloud project alice/" + unique_name in m
        for m in plugin_iface.messageBar().get_messages(Qgis.Success)
    )


def test_failed_job_is_reported_and_its_output_shown(qfc_server, session, plugin_iface, unique_name):
    project = Client(url=qfc_server.url, token=session._token).create_project(unique_name)
    asker = ScriptedAsker()
    actions = CloudActions(plugin_iface, session, asker)
    ended = []
    actions.trigger_job(project, "process_projectfile", on_finished=ended.append)
    wait_until(lambda: ended, timeout=30, message="job end")
    assert ended[0]["status"] == "failed"
    assert any(
        "process_projectfile job of {} failed".format(unique_name) in m
        for m in plugin_iface.messageBar().get_messages(Qgis.Warning)
    )
    actions.show_job_output(ended[0])
    wait_until(lambda: asker.texts, message="job output")
    assert "does not contain a valid QGIS project" in asker.texts[0]


def test_download_project_files_into_a_chosen_folder(qfc_server, session, plugin_iface, tmp_path, unique_name):
    client = Client(url=qfc_server.url, token=session._token)
    project = client.create_project(unique_name)
    make_project_folder(tmp_path / "src", unique_name)
    client.upload_files(project["id"], "project", str(tmp_path / "src"), throw_on_error=True)
    target = tmp_path / "copy"
    actions = CloudActions(plugin_iface, session, ScriptedAsker(folder=str(target)))
    done = []
    actions.filesDownloaded.connect(lambda folder, files: done.append(files))
    actions.download_files(project)
    wait_until(lambda: done, timeout=30, message="download")
    assert local_names(target) == local_names(tmp_path / "src")
    # The downloaded versions count as synced: editing and uploading them later raises no conflict.
    remote = {f["name"]: f["md5sum"] for f in client.list_remote_files(project["id"])}
    assert {name: state.etag for name, state in SyncStateStore(target).load(project["id"]).items()} == remote
    assert {"points.gpkg", unique_name + ".qgs"} <= set(local_names(target))
    assert (target / "points.gpkg").read_bytes() == (tmp_path / "src" / "points.gpkg").read_bytes()
    count = len(local_names(target))
    assert any(
        "{} downloaded, 0 unchanged, 0 failed".format(count) in m
        for m in plugin_iface.messageBar().get_messages(Qgis.Success)
    )
