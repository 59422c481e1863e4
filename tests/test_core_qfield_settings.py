"""QField's settings as libqfieldsync reads them: the actions each layer may take and their default,
set through the real settings dialog, saved in the .qgs and read back after reopening it."""

from pathlib import Path

import pytest
from qgis.core import QgsEditorWidgetSetup, QgsProject, QgsRasterLayer, QgsVectorLayer

from qfieldcloud_plugin.core import qfield_settings as qs
from qfieldcloud_plugin.core.qfield_settings import CloudAction
from qfieldcloud_plugin.gui.qfield_settings_dialog import QFieldSettingsDialog
from tests.support.qgis_plugin_env import ScriptedAsker
from tests.test_core_project_check import write_grid, write_points


@pytest.fixture
def project(tmp_path):
    instance = QgsProject.instance()
    instance.clear()
    (tmp_path / "proj").mkdir()
    instance.setFileName(str(tmp_path / "proj" / "field.qgs"))
    yield instance
    instance.clear()


def layers(project, folder: Path):
    gpkg = write_points(folder / "points.gpkg")
    found = {
        "editable": QgsVectorLayer(str(gpkg), "editable", "ogr"),
        "read-only": QgsVectorLayer(str(gpkg), "read-only", "ogr"),
        "raster": QgsRasterLayer(str(write_grid(folder / "dem.asc")), "raster", "gdal"),
        "scratch": QgsVectorLayer("Point?crs=EPSG:4326", "scratch", "memory"),
        "tiles": QgsRasterLayer("type=xyz&url=http://127.0.0.1:1/%7Bz%7D/%7Bx%7D/%7By%7D.png", "tiles", "wms"),
        "virtual": QgsVectorLayer("?query=SELECT 1 AS x", "virtual", "virtual"),
    }
    found["read-only"].setReadOnly(True)
    for layer in found.values():
        assert layer.isValid(), layer.name()
        project.addMapLayer(layer)
    return found


def test_each_kind_of_layer_offers_the_packager_s_actions_with_its_default_first(project, tmp_path):
    found = layers(project, tmp_path / "proj")
    offered = {name: qs.available_cloud_actions(layer, project) for name, layer in found.items()}
    assert offered == {
        "editable": [CloudAction.OFFLINE, CloudAction.REMOVE],
        "read-only": [CloudAction.OFFLINE, CloudAction.NO_ACTION, CloudAction.REMOVE],
        "raster": [CloudAction.NO_ACTION, CloudAction.REMOVE],
        "scratch": [CloudAction.OFFLINE, CloudAction.NO_ACTION, CloudAction.REMOVE],
        "tiles": [CloudAction.NO_ACTION, CloudAction.REMOVE],
        "virtual": [CloudAction.NO_ACTION, CloudAction.REMOVE],
    }
    assert {name: qs.cloud_action(layer, project) for name, layer in found.items()} == {
        name: actions[0] for name, actions in offered.items()
    }
    assert qs.cloud_action_label(CloudAction.NO_ACTION, found["raster"]) == "Copy the file as it is"
    assert qs.cloud_action_label(CloudAction.NO_ACTION, found["tiles"]) == "Keep online (direct access)"


def test_settings_set_in_the_dialog_survive_a_save_and_reopen(project, tmp_path):
    found = layers(project, tmp_path / "proj")
    index = found["editable"].fields().indexFromName("name")
    found["editable"].setEditorWidgetSetup(index, QgsEditorWidgetSetup("ExternalResource", {"DocumentViewer": 1}))
    dialog = QFieldSettingsDialog(project)
    assert dialog.table.rowCount() == 6
    assert dialog.naming.rowCount() == 1 and dialog.naming.item(0, 2).text().startswith("'DCIM/editable_'")
    dialog.naming.item(0, 2).setText("'DCIM/tree_' || uuid() || '.jpg'")
    dialog.set_action(found["read-only"].id(), CloudAction.NO_ACTION)
    dialog.set_action(found["raster"].id(), CloudAction.REMOVE)
    dialog.set_action(found["tiles"].id(), CloudAction.REMOVE)
    dialog.attachment_dirs.setText("DCIM, sketches/ ,  ")
    dialog.apply()
    assert project.write()

    text = Path(project.fileName()).read_text()
    assert 'name="QFieldSync/cloud_action"' in text and "<attachmentDirs" in text
    path = project.fileName()
    project.clear()
    assert project.read(path)
    by_name = {layer.name(): layer for layer in project.mapLayers().values()}
    assert {name: layer.customProperty(qs.CLOUD_ACTION) for name, layer in by_name.items()} == {
        "editable": CloudAction.OFFLINE,
        "read-only": CloudAction.NO_ACTION,
        "raster": CloudAction.REMOVE,
        "scratch": CloudAction.OFFLINE,
        "tiles": CloudAction.REMOVE,
        "virtual": CloudAction.NO_ACTION,
    }
    assert project.readListEntry("QFieldSync", "attachmentDirs")[0] == ["DCIM", "sketches"]
    assert qs.attachment_naming(by_name["editable"], "name") == "'DCIM/tree_' || uuid() || '.jpg'"
    assert qs.attachment_dirs(project) == ["DCIM", "sketches"]


def test_a_project_without_the_entry_has_qfieldsync_s_attachment_folders(project):
    assert qs.attachment_dirs(project) == ["DCIM", "audio", "video", "files"]


def test_the_settings_action_writes_through_the_dialog_and_marks_the_project_changed(project, tmp_path, plugin_iface):
    from qfieldcloud_plugin.gui.workflows import CloudActions

    found = layers(project, tmp_path / "proj")
    project.setDirty(False)

    class Applying(ScriptedAsker):
        def edit_qfield_settings(self, project):
            dialog = QFieldSettingsDialog(project)
            dialog.set_action(found["editable"].id(), CloudAction.REMOVE)
            dialog.apply()
            return True

    CloudActions(plugin_iface, None, Applying()).edit_qfield_settings()
    assert found["editable"].customProperty(qs.CLOUD_ACTION) == CloudAction.REMOVE and project.isDirty()


def test_attachment_naming_defaults_and_the_legacy_photo_key(project, tmp_path):
    layer = QgsVectorLayer(str(write_points(tmp_path / "proj" / "p.gpkg")), "Bäume & Sträucher", "ogr")
    project.addMapLayer(layer)
    index = layer.fields().indexFromName("name")
    layer.setEditorWidgetSetup(index, QgsEditorWidgetSetup("ExternalResource", {"DocumentViewer": 1}))
    assert qs.attachment_fields(layer) == {"name": qs.ATTACHMENT_IMAGE}
    # libqfieldsync's slug: NFKD splits "ä" into "a" and a mark, which becomes a dash
    assert qs.attachment_naming(layer, "name").startswith("'DCIM/ba-ume-stra-ucher_' || format_date(now(),")
    qs.set_attachment_naming(layer, "name", "'DCIM/tree_' || @id || '.jpg'")
    assert qs.attachment_naming(layer, "name") == "'DCIM/tree_' || @id || '.jpg'"
    assert "tree_" in layer.customProperty(qs.PHOTO_NAMING)  # QField < 2.7 reads this one


def test_primary_keys_as_the_packager_finds_them(project, tmp_path):
    gpkg = QgsVectorLayer(str(write_points(tmp_path / "proj" / "p.gpkg")), "p", "ogr")
    csv = tmp_path / "proj" / "plots.csv"
    csv.write_text("fid,name\n1,a\n")
    with_fid = QgsVectorLayer("file://{}?type=csv&geomType=none".format(csv), "fid", "delimitedtext")
    csv2 = tmp_path / "proj" / "plain.csv"
    csv2.write_text("id,name\n1,a\n")
    plain = QgsVectorLayer("file://{}?type=csv&geomType=none".format(csv2), "plain", "delimitedtext")
    assert qs.primary_key(gpkg) == "fid"
    assert qs.primary_key(with_fid) == "fid"
    assert qs.primary_key(plain) is None
    assert qs.primary_key(QgsRasterLayer(str(write_grid(tmp_path / "g.asc")), "g", "gdal")) is None


def test_the_base_map_and_its_area_are_stored_where_libqfieldsync_reads_them(project, tmp_path):
    from qgis.core import QgsRectangle

    tiles_id = layers(project, tmp_path / "proj")["tiles"].id()
    dialog = QFieldSettingsDialog(project)
    assert not dialog.base_map_box.isChecked() and dialog.area.text() == "(none yet)"
    dialog.base_map_box.setChecked(True)
    dialog.base_map_layer.setCurrentIndex(dialog.base_map_layer.findData(tiles_id))
    dialog.zoom.setValue(17)
    dialog.set_area(QgsRectangle(7.0, 46.0, 7.5, 46.5), "EPSG:4326")
    dialog.apply()
    assert project.write()

    path = project.fileName()
    project.clear()
    assert project.read(path)
    assert project.readBoolEntry("qfieldsync", "/createBaseMap")[0] is True
    assert project.readEntry("qfieldsync", "/baseMapType")[0] == "singleLayer"
    assert project.readEntry("qfieldsync", "/baseMapLayer")[0] == tiles_id
    assert project.readNumEntry("qfieldsync", "/baseMapTilesMaxZoomLevel")[0] == 17
    wkt, crs = qs.area_of_interest(project)
    assert crs == "EPSG:4326" and wkt.replace(" ", "").upper() == "POLYGON((746,7.546,7.546.5,746.5,746))"
    # The dialog reads them back, and a map theme replaces the layer.
    dialog = QFieldSettingsDialog(project)
    assert dialog.base_map_box.isChecked() and dialog.zoom.value() == 17
    dialog.base_map_layer.setCurrentIndex(0)
    dialog.apply()
    assert qs.base_map(project).kind == "mapTheme" and qs.base_map(project).layer_id == ""
