"""The project check and its fixes, in real QGIS on real files: each finding found, each fix applied,
the project saved and read again, its layers valid and reading files inside the project folder."""

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from qgis.core import (
    QgsEditorWidgetSetup,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsRasterLayer,
    QgsVectorFileWriter,
    QgsVectorLayer,
)

from qfieldcloud_plugin.core import layer_check, project_check
from qfieldcloud_plugin.core.findings import BLOCKS, INFORMS, WARNS
from qfieldcloud_plugin.core.layers import layer_file
from qfieldcloud_plugin.core.project_check import check_project
from qfieldcloud_plugin.core.project_fixes import finish_fixes, prepare_fixes, run_fixes
from qfieldcloud_plugin.core.qfield_settings import CloudAction, cloud_action
from tests.support.sqlite_wal import commit_into_the_wal


class NeverCancelled:
    def isCanceled(self):
        return False


def write_points(path: Path, names=("a", "b", "c"), driver="GPKG", layer_name="points") -> Path:
    memory = QgsVectorLayer("Point?crs=EPSG:4326&field=name:string", layer_name, "memory")
    features = []
    for i, name in enumerate(names):
        feature = QgsFeature(memory.fields())
        feature.setAttributes([name])
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(7 + i, 46)))
        features.append(feature)
    memory.dataProvider().addFeatures(features)
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = driver
    options.layerName = layer_name
    path.parent.mkdir(parents=True, exist_ok=True)
    error = QgsVectorFileWriter.writeAsVectorFormatV3(
        memory, str(path), QgsProject.instance().transformContext(), options
    )
    assert error[0] == QgsVectorFileWriter.NoError, error
    return path


def write_grid(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("ncols 2\nnrows 2\nxllcorner 0\nyllcorner 0\ncellsize 1\n1 2\n3 4\n")
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def project(tmp_path):
    """The open project, saved as proj/survey.qgs, with nothing in it yet."""
    instance = QgsProject.instance()
    instance.clear()
    folder = tmp_path / "proj"
    folder.mkdir()
    instance.setFileName(str(folder / "survey.qgs"))
    assert instance.write()
    yield instance
    instance.clear()


def add(project, layer):
    assert layer.isValid(), layer.source()
    project.addMapLayer(layer)
    return layer


def kinds(findings):
    return {(f.kind, f.severity) for f in findings}


def fix_all(project, findings):
    fixes = prepare_fixes(findings, project)
    errors = finish_fixes(run_fixes(fixes, NeverCancelled()), project)
    assert errors == {}
    return fixes


def reopened(project):
    path = project.fileName()
    project.clear()
    assert project.read(path)
    return project


def test_an_unsaved_project_is_the_only_finding():
    QgsProject.instance().clear()
    findings = check_project(QgsProject.instance())
    assert kinds(findings) == {("not_saved", BLOCKS)}
    assert "save it" in findings[0].message


def test_a_clean_project_has_no_findings(project):
    add(project, QgsVectorLayer(str(write_points(Path(project.homePath()) / "points.gpkg")), "points", "ogr"))
    assert check_project(project) == []


def test_layers_outside_the_folder_are_copied_in_and_the_originals_stay_untouched(project, tmp_path):
    folder = Path(project.homePath())
    outside = tmp_path / "elsewhere"
    roads = write_points(outside / "roads.gpkg", layer_name="roads")
    shapes = write_points(outside / "trees.shp", driver="ESRI Shapefile", layer_name="trees")
    grid = write_grid(outside / "dem.asc")
    # Two layers of one GeoPackage share one copy; a file of the same name already in the folder is kept.
    (folder / "roads.gpkg").write_bytes(b"not the same file")
    before = {p: digest(p) for p in outside.iterdir()}
    add(project, QgsVectorLayer(str(roads) + "|layername=roads", "roads", "ogr"))
    add(project, QgsVectorLayer(str(roads) + "|layername=roads", "roads again", "ogr"))
    add(project, QgsVectorLayer(str(shapes), "trees", "ogr"))
    add(project, QgsRasterLayer(str(grid), "dem", "gdal"))

    findings = check_project(project)
    outside_findings = [f for f in findings if f.kind == "outside_folder"]
    assert len(outside_findings) == 4 and {f.severity for f in outside_findings} == {BLOCKS}
    assert "roads.gpkg" in outside_findings[0].message or "elsewhere" in outside_findings[0].message

    fix_all(project, outside_findings)
    assert {p: digest(p) for p in before} == before  # (GDAL itself may add a dem.asc.aux.xml there)
    assert (folder / "roads.gpkg").read_bytes() == b"not the same file"
    # (.qgs~ and, from QGIS 3.40, <stem>_attachments.zip come with every save)
    written = [p.name for p in folder.iterdir() if p.suffix not in (".qgs", ".qgs~", ".xml")]
    assert sorted(n for n in written if not n.endswith("_attachments.zip")) == [
        "dem.asc",
        "roads.gpkg",
        "roads_2.gpkg",
        "trees.gpkg",
    ]

    project = reopened(project)
    layers = {layer.name(): layer for layer in project.mapLayers().values()}
    assert all(layer.isValid() for layer in layers.values())
    assert Path(layer_file(layers["roads"])) == folder / "roads_2.gpkg" == Path(layer_file(layers["roads again"]))
    assert Path(layer_file(layers["trees"])) == folder / "trees.gpkg"
    assert sorted(f["name"] for f in layers["trees"].getFeatures()) == ["a", "b", "c"]
    assert Path(layer_file(layers["dem"])) == folder / "dem.asc"
    assert "elsewhere" not in (folder / "survey.qgs").read_text()
    assert [f for f in check_project(project) if f.kind == "outside_folder"] == []


def test_a_scratch_layer_is_saved_into_a_geopackage_with_its_features(project):
    scratch = add(project, QgsVectorLayer("Point?crs=EPSG:2056&field=name:string", "Field notes", "memory"))
    feature = QgsFeature(scratch.fields())
    feature.setAttributes(["keep me"])
    feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(2600000, 1200000)))
    assert scratch.dataProvider().addFeatures([feature])
    findings = check_project(project)
    assert ("memory_layer", BLOCKS) in kinds(findings)

    fix_all(project, findings)
    project = reopened(project)
    layer = project.mapLayersByName("Field notes")[0]
    assert layer.isValid() and layer.providerType() == "ogr"
    assert Path(layer_file(layer)) == Path(project.homePath()) / "field-notes.gpkg"
    assert [f["name"] for f in layer.getFeatures()] == ["keep me"]
    assert layer.crs().authid() == "EPSG:2056"
    assert check_project(project) == []


def test_unsaved_edits_block_until_saved(project):
    layer = add(project, QgsVectorLayer(str(write_points(Path(project.homePath()) / "p.gpkg")), "p", "ogr"))
    layer.startEditing()
    assert kinds(check_project(project)) == {("editing", WARNS)}  # in edit mode, nothing changed yet
    feature = QgsFeature(layer.fields())
    feature.setAttribute("name", "new")
    assert layer.addFeature(feature)
    findings = check_project(project)
    assert kinds(findings) == {("editing", BLOCKS)}

    fix_all(project, findings)
    assert not layer.isEditable()
    reread = QgsVectorLayer(layer.source(), "again", "ogr")
    assert sorted(f["name"] for f in reread.getFeatures()) == ["a", "b", "c", "new"]


def test_absolute_paths_are_switched_to_relative(project):
    add(project, QgsVectorLayer(str(write_points(Path(project.homePath()) / "points.gpkg")), "points", "ogr"))
    project.writeEntry("Paths", "/Absolute", True)
    assert project.write()
    assert str(Path(project.homePath()) / "points.gpkg") in Path(project.fileName()).read_text()
    findings = check_project(project)
    assert kinds(findings) == {("absolute_paths", WARNS)}

    fix_all(project, findings)
    text = Path(project.fileName()).read_text()
    assert "./points.gpkg" in text and str(Path(project.homePath()) / "points.gpkg") not in text
    assert check_project(reopened(project)) == []


def test_edits_left_in_a_wal_file_are_written_into_the_geopackage(project):
    gpkg = write_points(Path(project.homePath()) / "points.gpkg")
    add(project, QgsVectorLayer(str(gpkg), "points", "ogr"))
    writer, reader = commit_into_the_wal(gpkg, "notes", "text", "in the wal")
    try:
        findings = check_project(project)
        assert [f.kind for f in findings] == ["wal:points.gpkg-wal"]
        assert "points.gpkg" in findings[0].message
        fix_all(project, findings)
    finally:
        writer.close()
        reader.close()
    copy = gpkg.parent / "copy.gpkg"
    shutil.copy(gpkg, copy)  # the main file alone, without its -wal, holds the row now
    connection = sqlite3.connect(str(copy))
    try:
        assert connection.execute("SELECT count(*) FROM notes WHERE text = 'in the wal'").fetchone()[0] == 1
    finally:
        connection.close()


def test_an_invalid_layer_can_be_left_out_of_the_package(project):
    layer = QgsVectorLayer(str(Path(project.homePath()) / "gone.gpkg"), "gone", "ogr")
    project.addMapLayer(layer)
    findings = check_project(project)
    assert kinds(findings) == {("invalid", WARNS)}
    assert "Repair Data Source" in findings[0].message

    fix_all(project, findings)
    layer = reopened(project).mapLayersByName("gone")[0]
    assert cloud_action(layer, project) == CloudAction.REMOVE
    assert check_project(project) == []


def test_a_format_qfield_cannot_open_is_found_by_its_name(project):
    add(project, QgsRasterLayer(str(write_grid(Path(project.homePath()) / "ortho.ecw")), "ortho", "gdal"))
    findings = check_project(project)
    assert kinds(findings) == {("unsupported_format", WARNS)}
    fix_all(project, findings)
    assert cloud_action(reopened(project).mapLayersByName("ortho")[0], project) == CloudAction.REMOVE


def test_web_and_database_layers_say_what_qfield_does_with_them(project):
    add(
        project,
        QgsRasterLayer("type=xyz&url=http://127.0.0.1:1/%7Bz%7D/%7Bx%7D/%7By%7D.png&authcfg=abc1234", "tiles", "wms"),
    )
    findings = check_project(project)
    assert kinds(findings) == {("online_layer", INFORMS), ("auth_config", WARNS)}
    messages = " ".join(f.message for f in findings)
    assert "only with a network connection" in messages and "abc1234" in messages
    assert all(f.fix is None for f in findings)


def test_a_layer_without_a_usable_primary_key_is_said_to_be_read_only_in_qfield(project):
    csv = Path(project.homePath()) / "plots.csv"
    csv.write_text("name,x,y\na,7,46\n")
    add(
        project,
        QgsVectorLayer("file://{}?type=csv&xField=x&yField=y&crs=EPSG:4326".format(csv), "plots", "delimitedtext"),
    )
    findings = check_project(project)
    assert kinds(findings) == {("no_primary_key", WARNS)}
    assert "read-only" in findings[0].message


def test_attachment_fields_with_absolute_paths_are_switched_to_relative(project, tmp_path):
    layer = add(project, QgsVectorLayer(str(write_points(Path(project.homePath()) / "p.gpkg")), "p", "ogr"))
    index = layer.fields().indexFromName("name")
    layer.setEditorWidgetSetup(
        index,
        QgsEditorWidgetSetup(
            "ExternalResource", {"DocumentViewer": 1, "RelativeStorage": 0, "DefaultRoot": str(tmp_path / "photos")}
        ),
    )
    with_photo = QgsFeature(layer.fields())
    with_photo.setAttribute("name", str(tmp_path / "photos" / "tree.jpg"))
    inside_photo = QgsFeature(layer.fields())
    inside_photo.setAttribute("name", str(Path(project.homePath()) / "DCIM" / "ok.jpg"))
    assert layer.dataProvider().addFeatures([with_photo, inside_photo])[0]
    findings = [f for f in check_project(project) if not f.kind.startswith("wal:")]  # the new rows' WAL
    assert kinds(findings) == {
        ("absolute_attachments:name", WARNS),
        ("attachments_outside:name", WARNS),
        ("attachment_files_outside:name", WARNS),
    }
    outside = [f for f in findings if f.kind.startswith("attachment_files_outside")][0].message
    assert "1 attachments" in outside and "tree.jpg" in outside
    assert str(tmp_path / "photos") in [f for f in findings if f.kind.startswith("attachments_outside")][0].message

    fix_all(project, findings)
    layer = reopened(project).mapLayersByName("p")[0]
    config = layer.editorWidgetSetup(layer.fields().indexFromName("name")).config()
    assert int(config["RelativeStorage"]) == 1
    assert {f.kind for f in check_project(project) if not f.kind.startswith("wal:")} == {
        "attachments_outside:name",
        "attachment_files_outside:name",
    }


def test_large_data_is_reported_with_its_size(project, monkeypatch):
    add(project, QgsVectorLayer(str(write_points(Path(project.homePath()) / "points.gpkg")), "points", "ogr"))
    monkeypatch.setattr(layer_check, "LARGE_FILE", 1000)
    findings = check_project(project)
    assert kinds(findings) == {("large_file", INFORMS)}
    assert " KB" in findings[0].message


def test_a_project_saved_in_a_crowded_or_personal_folder_is_warned_about(project, tmp_path, monkeypatch):
    folder = Path(project.homePath())
    for i in range(project_check.CROWDED_FOLDER + 1):
        (folder / "f{}.txt".format(i)).write_text("x")
    assert kinds(check_project(project)) == {("crowded_folder", WARNS)}
    for path in folder.glob("f*.txt"):
        path.unlink()
    assert check_project(project) == []
    monkeypatch.setenv("HOME", str(folder))  # the project now sits in the home folder itself
    findings = check_project(project)
    assert kinds(findings) == {("crowded_folder", WARNS)}
    assert "a folder of all your files" in findings[0].message


def test_a_layer_left_out_of_the_package_raises_no_finding(project, tmp_path):
    layer = add(project, QgsVectorLayer(str(write_points(tmp_path / "elsewhere" / "x.gpkg")), "x", "ogr"))
    assert [f.kind for f in check_project(project)] == ["outside_folder"]
    layer.setCustomProperty("QFieldSync/cloud_action", CloudAction.REMOVE)
    assert check_project(project) == []


def test_a_fix_that_fails_is_reported_and_the_others_still_apply(project, tmp_path):
    source = write_points(tmp_path / "elsewhere" / "x.gpkg", layer_name="x")
    layer = add(project, QgsVectorLayer(str(source) + "|layername=x", "x", "ogr"))
    scratch = add(project, QgsVectorLayer("Point?crs=EPSG:4326&field=name:string", "notes", "memory"))
    fixes = prepare_fixes(check_project(project), project)
    source.unlink()  # gone between the dialog and the fix
    errors = finish_fixes(run_fixes(fixes, NeverCancelled()), project)
    assert len(errors) == 1 and "x" in next(iter(errors))
    assert Path(layer_file(layer)) == source  # left as it was
    assert scratch.providerType() == "ogr" and scratch.isValid()


def new_files(folder, before):
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file() and p not in before)


@pytest.mark.parametrize("kind", ["shapefile converted", "raster copied with its side file"])
def test_a_fix_that_fails_half_way_leaves_no_partial_file_in_the_folder(project, tmp_path, kind):
    folder = Path(project.homePath())
    outside = tmp_path / "elsewhere"
    if kind == "shapefile converted":
        source = write_points(outside / "trees.shp", driver="ESRI Shapefile", layer_name="trees")
        add(project, QgsVectorLayer(str(source), "trees", "ogr"))
        vanishing = [source.with_suffix(s) for s in (".shp", ".shx", ".dbf")]  # the writer already made its file
    else:
        source = write_grid(outside / "dem.asc")
        side = source.with_name("dem.asc.aux.xml")
        side.write_text("<PAMDataset></PAMDataset>")
        add(project, QgsRasterLayer(str(source), "dem", "gdal"))
        vanishing = [side]  # dem.asc is copied, then its side file is gone
    before = set(p for p in folder.rglob("*") if p.is_file())
    fixes = prepare_fixes([f for f in check_project(project) if f.kind == "outside_folder"], project)
    for path in vanishing:
        path.unlink()

    errors = finish_fixes(run_fixes(fixes, NeverCancelled()), project)

    assert len(errors) == 1
    assert [n for n in new_files(folder, before) if not n.endswith((".qgs~", "_attachments.zip"))] == []


def test_a_preset_home_path_is_cleared(project, tmp_path):
    project.setPresetHomePath(str(tmp_path))
    findings = check_project(project)
    assert kinds(findings) == {("home_path", WARNS)}
    fix_all(project, findings)
    assert reopened(project).presetHomePath() == "" and check_project(project) == []


def test_names_the_server_refuses_and_namesakes_of_the_project_are_listed(project):
    folder = Path(project.homePath())
    (folder / "a<b>.txt").write_text("x")
    (folder / "DCIM").mkdir()
    (folder / "DCIM" / "CON.jpg").write_text("x")
    (folder / "survey.gpkg").write_text("x")  # the project is survey.qgs
    (folder / "survey.qml").write_text("x")  # a companion the packager expects: fine
    (folder / ".hidden" / "x?.txt").parent.mkdir()
    (folder / ".hidden" / "x?.txt").write_text("never uploaded")
    findings = {f.kind: f for f in check_project(project)}
    assert set(findings) == {"refused_names", "same_base_name"}
    assert "a<b>.txt (it contains '<')" in findings["refused_names"].message
    assert "DCIM/CON.jpg" in findings["refused_names"].message and "x?.txt" not in findings["refused_names"].message
    assert findings["same_base_name"].message.endswith(": survey.gpkg.")


def test_legacy_encodings_and_non_ascii_paths_are_reported(project):
    folder = Path(project.homePath())
    memory = QgsVectorLayer("Point?crs=EPSG:4326&field=name:string", "m", "memory")
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "ESRI Shapefile"
    options.fileEncoding = "ISO-8859-1"
    path = folder / "bäume.shp"
    assert QgsVectorFileWriter.writeAsVectorFormatV3(memory, str(path), project.transformContext(), options)[0] == 0
    add(project, QgsVectorLayer(str(path), "trees", "ogr"))
    found = kinds(check_project(project))
    assert ("non_ascii_path", INFORMS) in found and ("encoding", WARNS) in found
