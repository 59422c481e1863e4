"""Layers and the files a sync replaces: unsaved edits are settled first, replaced files are reloaded.

Real QGIS, the real plan dialog, the local server, real GeoPackages.
"""

import sqlite3

from qgis.core import QgsFeature, QgsProject

from qfieldcloud_plugin.client import Client
from qfieldcloud_plugin.gui.workflows import CloudActions
from tests.support.gui_flows import sync
from tests.support.qgis_plugin_env import make_project_folder
from tests.support.sqlite_wal import commit_into_the_wal
from tests.test_gui_sync import DialogAsker, _first_sync


def rows(path):
    connection = sqlite3.connect(str(path))
    try:
        return connection.execute("SELECT count(*) FROM points").fetchone()[0]
    finally:
        connection.close()


def points_layer():
    return QgsProject.instance().mapLayersByName("points")[0]


def add_point(layer, name):
    feature = QgsFeature(layer.fields())
    feature.setAttribute("name", name)
    assert layer.addFeature(feature)


class ChoosingDialogAsker(DialogAsker):
    """The real plan dialog, and a scripted answer to "Unsaved layer edits"."""

    def __init__(self, edits_choice):
        super().__init__()
        self.edits_choice = edits_choice
        self.questions = []

    def choose(self, title, text, options):
        self.questions.append((title, text))
        return self.edits_choice


def test_unsaved_layer_edits_are_saved_before_a_sync_when_the_user_says_so(
    qfc_server, session, plugin_iface, tmp_path, unique_name
):
    client = Client(url=qfc_server.url, token=session._token)
    folder, pid = _first_sync(plugin_iface, session, client, tmp_path, unique_name)
    layer = points_layer()
    layer.startEditing()
    add_point(layer, "office, not saved yet")
    assert not QgsProject.instance().isDirty() and layer.isModified()  # what made this slip through before

    asker = ChoosingDialogAsker(edits_choice=None)  # cancel: nothing happens
    results = []
    actions = CloudActions(plugin_iface, session, asker)
    actions.syncFinished.connect(results.append)
    assert sync(actions, results) is None
    assert "points" in asker.questions[0][1] and layer.isModified() and rows(folder / "points.gpkg") == 3

    asker = ChoosingDialogAsker(edits_choice=0)  # save the edits, then sync them
    actions = CloudActions(plugin_iface, session, asker)
    actions.syncFinished.connect(results.append)
    result = sync(actions, results)
    assert not layer.isEditable() and rows(folder / "points.gpkg") == 4
    assert "points.gpkg" in result.uploaded
    client.download_file(pid, "project", tmp_path / "check.gpkg", "points.gpkg")
    assert rows(tmp_path / "check.gpkg") == 4


def test_discarded_edits_are_gone_and_nothing_of_them_is_sent(qfc_server, session, plugin_iface, tmp_path, unique_name):
    client = Client(url=qfc_server.url, token=session._token)
    folder, pid = _first_sync(plugin_iface, session, client, tmp_path, unique_name)
    layer = points_layer()
    layer.startEditing()
    add_point(layer, "discard me")
    results = []
    actions = CloudActions(plugin_iface, session, ChoosingDialogAsker(edits_choice=1))
    actions.syncFinished.connect(results.append)
    sync(actions, results)
    assert not layer.isEditable() and layer.featureCount() == 3 and rows(folder / "points.gpkg") == 3


def test_a_layer_whose_file_a_sync_replaced_shows_the_new_data_and_saves_into_it(
    qfc_server, session, plugin_iface, tmp_path, unique_name
):
    client = Client(url=qfc_server.url, token=session._token)
    folder, pid = _first_sync(plugin_iface, session, client, tmp_path, unique_name)
    layer = points_layer()
    assert layer.featureCount() == 3
    colleague = make_project_folder(tmp_path / "colleague", "other", n_points=5).parent
    client.upload_file(pid, "project", colleague / "points.gpkg", "points.gpkg")  # the field's 5 points

    results = []
    actions = CloudActions(plugin_iface, session, DialogAsker())
    actions.syncFinished.connect(results.append)
    result = sync(actions, results)

    assert result.downloaded == ["points.gpkg"] and rows(folder / "points.gpkg") == 5
    assert layer.featureCount() == 5 and len(list(layer.getFeatures())) == 5
    layer.startEditing()
    add_point(layer, "office after the sync")
    assert layer.commitChanges()
    assert rows(folder / "points.gpkg") == 6  # written into the project folder's file, not a replaced copy
    for copy in (folder / ".qfieldcloud").rglob("points.gpkg"):
        assert rows(copy) == 3


def _open_and_roll_back(layer):
    """What a user does when they look at a layer in edit mode and change nothing."""
    assert layer.startEditing()
    assert layer.rollBack()


def test_a_geopackage_that_qgis_only_opened_is_no_local_change(
    qfc_server, session, plugin_iface, tmp_path, unique_name
):
    client = Client(url=qfc_server.url, token=session._token)
    folder, pid = _first_sync(plugin_iface, session, client, tmp_path, unique_name)
    before = (folder / "points.gpkg").read_bytes()
    _open_and_roll_back(points_layer())
    QgsProject.instance().removeMapLayers([points_layer().id()])  # closing writes the header again
    assert (folder / "points.gpkg").read_bytes() != before  # the precondition: the bytes did change
    colleague = make_project_folder(tmp_path / "colleague", "other", n_points=5).parent
    client.upload_file(pid, "project", colleague / "points.gpkg", "points.gpkg")  # a field edit arrives

    asker = DialogAsker()
    results = []
    actions = CloudActions(plugin_iface, session, asker)
    actions.syncFinished.connect(results.append)
    result = sync(actions, results)

    kinds = {a.name: a.kind.value for a in asker.plans[-1].actions}
    assert kinds["points.gpkg"] == "download"  # not a conflict: nobody in the office edited anything
    assert result.downloaded == ["points.gpkg"] and not result.uploaded and rows(folder / "points.gpkg") == 5


def test_an_unchanged_geopackage_that_was_opened_needs_no_sync_at_all(
    qfc_server, session, plugin_iface, tmp_path, unique_name
):
    client = Client(url=qfc_server.url, token=session._token)
    folder, pid = _first_sync(plugin_iface, session, client, tmp_path, unique_name)
    before = (folder / "points.gpkg").read_bytes()
    _open_and_roll_back(points_layer())
    QgsProject.instance().removeMapLayers([points_layer().id()])
    assert (folder / "points.gpkg").read_bytes() != before
    asker = DialogAsker()
    results = []
    actions = CloudActions(plugin_iface, session, asker)
    actions.syncFinished.connect(results.append)
    result = sync(actions, results)
    assert asker.plans == [] and not result.uploaded  # nothing to confirm, nothing sent


def test_a_sync_sends_geopackage_edits_that_are_still_in_the_wal(
    qfc_server, session, plugin_iface, tmp_path, unique_name
):
    client = Client(url=qfc_server.url, token=session._token)
    folder, pid = _first_sync(plugin_iface, session, client, tmp_path, unique_name)
    QgsProject.instance().removeMapLayers([points_layer().id()])
    gpkg = folder / "points.gpkg"
    editor, idle_reader = commit_into_the_wal(gpkg, "field_notes", "note", "only in the WAL so far")
    assert (folder / "points.gpkg-wal").stat().st_size > 0
    results = []
    actions = CloudActions(plugin_iface, session, DialogAsker())
    actions.syncFinished.connect(results.append)
    try:
        result = sync(actions, results)
    finally:
        idle_reader.close()
        editor.close()
    assert "points.gpkg" in result.uploaded and "points.gpkg-wal" not in result.uploaded
    client.download_file(pid, "project", tmp_path / "back.gpkg", "points.gpkg")
    notes = sqlite3.connect(str(tmp_path / "back.gpkg")).execute("SELECT note FROM field_notes").fetchall()
    assert notes == [("only in the WAL so far",)]
