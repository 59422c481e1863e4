"""An opened package is not a working copy, and opening a newer package asks only about real edits."""

from pathlib import Path

from qgis.core import Qgis, QgsProject

from qfieldcloud_plugin.client import Client
from qfieldcloud_plugin.core.project_link import ProjectLink, write_link
from qfieldcloud_plugin.gui.workflows import CloudActions
from tests.support.qgis_plugin_env import ScriptedAsker, make_project_folder, wait_for_tasks, wait_until


def _linked_cloud_project(qfc_server, session, tmp_path, name):
    """A cloud project whose uploaded .qgs carries its link, as one uploaded by the plugin does."""
    client = Client(url=qfc_server.url, token=session._token)
    project = client.create_project(name)
    path = make_project_folder(tmp_path / "src", name, n_points=5)
    source = QgsProject()
    assert source.read(str(path))
    write_link(ProjectLink(qfc_server.url, project["id"], "alice", name), source)
    assert source.write()
    client.upload_files(project["id"], "project", str(tmp_path / "src"), throw_on_error=True)
    return client, project


def _open_package(actions, project):
    opened = []
    actions.packageOpened.connect(opened.append)
    actions.download_package(project)
    wait_until(lambda: opened, timeout=60, message="package opened")
    wait_for_tasks()
    actions.packageOpened.disconnect(opened.append)
    return Path(opened[0])


def _fresh_package(client, project):
    job = client.job_trigger(project["id"], "package", force=True)
    assert client.job_wait(job["id"], timeout=60, poll_interval=1)["status"] == "finished"


def test_upload_and_sync_from_an_opened_package_are_refused_with_what_to_do(
    qfc_server, session, plugin_iface, tmp_path, download_root, unique_name
):
    client, project = _linked_cloud_project(qfc_server, session, tmp_path, unique_name)
    actions = CloudActions(plugin_iface, session, ScriptedAsker())
    _open_package(actions, project)
    before = {f["name"]: f["md5sum"] for f in client.list_remote_files(project["id"])}

    actions.upload_current_project()
    actions.sync_current_project()
    wait_for_tasks()

    warnings = [m for m in plugin_iface.messageBar().get_messages(Qgis.Warning) if "QFieldCloud package" in m]
    assert len(warnings) == 2 and all("Download files" in m for m in warnings)
    assert {f["name"]: f["md5sum"] for f in client.list_remote_files(project["id"])} == before
    QgsProject.instance().clear()


def test_a_newer_package_over_an_untouched_one_asks_nothing_and_keeps_no_copies(
    qfc_server, session, plugin_iface, tmp_path, download_root, unique_name
):
    client, project = _linked_cloud_project(qfc_server, session, tmp_path, unique_name)
    asker = ScriptedAsker()
    actions = CloudActions(plugin_iface, session, asker)
    path = _open_package(actions, project)
    QgsProject.instance().clear()
    changed = make_project_folder(tmp_path / "field", "other", n_points=7).parent / "points.gpkg"
    client.upload_file(project["id"], "project", changed, "points.gpkg")
    _fresh_package(client, project)

    _open_package(actions, project)

    assert not [q for q in asker.questions if "will be replaced by its version" in q]
    assert not (path.parent / ".qfieldcloud" / "trash").exists()
    assert QgsProject.instance().mapLayersByName("points")[0].featureCount() == 7

    # An edit made in the package is local work: the next newer package asks, and keeps it.
    layer = QgsProject.instance().mapLayersByName("points")[0]
    layer.startEditing()
    layer.deleteFeature(next(layer.getFeatures()).id())
    assert layer.commitChanges()
    QgsProject.instance().clear()
    client.upload_file(project["id"], "project", tmp_path / "src" / "points.gpkg", "points.gpkg")
    _fresh_package(client, project)
    _open_package(actions, project)
    assert [q for q in asker.questions if "will be replaced by its version" in q]
    kept = list((path.parent / ".qfieldcloud" / "trash").rglob("data.gpkg"))  # the package's offline data
    assert len(kept) == 1
    QgsProject.instance().clear()
