"""The local server packages like the real one: each layer's cloud action, set through the plugin,
honoured in `<project>_qfield.qgs` and `data.gpkg`; the package read back through the client and
opened in QGIS."""

from pathlib import Path

from qgis.core import QgsProject, QgsRasterLayer, QgsVectorLayer

from qfieldcloud_plugin.client import Client
from qfieldcloud_plugin.core.layers import layer_file
from qfieldcloud_plugin.core.qfield_settings import CloudAction, set_cloud_action
from tests.test_core_project_check import write_grid, write_points


def test_each_cloud_action_is_honoured_by_the_local_packager(qfc_server, alice, tmp_path, unique_name):
    folder = tmp_path / "src"
    points = write_points(folder / "points.gpkg", names=("a", "b", "c", "d"))
    roads = write_points(folder / "roads.gpkg", layer_name="roads")
    lookup = write_points(folder / "lookup.gpkg", layer_name="lookup")
    csv = folder / "plots.csv"
    csv.write_text("name,x,y\nplot,7,46\n")
    write_grid(folder / "dem.asc")
    project = QgsProject()
    layers = {
        "points": QgsVectorLayer(str(points), "points", "ogr"),
        "roads": QgsVectorLayer(str(roads), "roads", "ogr"),
        "lookup": QgsVectorLayer(str(lookup), "lookup", "ogr"),
        "plots": QgsVectorLayer(
            "file://{}?type=csv&xField=x&yField=y&crs=EPSG:4326".format(csv), "plots", "delimitedtext"
        ),
        "dem": QgsRasterLayer(str(folder / "dem.asc"), "dem", "gdal"),
        "tiles": QgsRasterLayer("type=xyz&url=http://127.0.0.1:1/%7Bz%7D/%7Bx%7D/%7By%7D.png", "tiles", "wms"),
    }
    for layer in layers.values():
        assert layer.isValid(), layer.name()
        project.addMapLayer(layer)
    set_cloud_action(layers["roads"], CloudAction.REMOVE)
    layers["lookup"].setReadOnly(True)
    set_cloud_action(layers["lookup"], CloudAction.NO_ACTION)
    gone = QgsVectorLayer(str(folder / "gone.gpkg"), "gone", "ogr")  # its file is never uploaded
    project.addMapLayer(gone)
    project.setFileName(str(folder / "field.qgs"))
    assert project.write()
    (folder / "field.qml").write_text("<qgis/>")  # a companion file the packager carries
    (folder / "notes.txt").write_text("not used by the project")

    client = Client(url=qfc_server.url, token=alice.token)
    cloud = client.create_project(unique_name)
    client.upload_files(cloud["id"], "project", str(folder), throw_on_error=True)
    job = client.job_trigger(cloud["id"], "package", force=True)
    assert client.job_wait(job["id"], timeout=90, poll_interval=0.2)["status"] == "finished"

    # (QGIS 3.40 also writes <stem>_attachments.zip with every project it saves, the real worker's too)
    names = sorted(
        f["name"] for f in client.package_latest(cloud["id"])["files"] if "_attachments.zip" not in f["name"]
    )
    # No usable key: "plots" falls back to a plain copy, read-only in QField. "notes.txt" is not used.
    assert names == ["data.gpkg", "dem.asc", "field_qfield.qgs", "field_qfield.qml", "lookup.gpkg", "plots.csv"]
    target = tmp_path / "package"
    client.package_download(cloud["id"], str(target))

    packaged = QgsProject()
    assert packaged.read(str(target / "field_qfield.qgs"))
    by_name = {layer.name(): layer for layer in packaged.mapLayers().values()}
    assert sorted(by_name) == ["dem", "lookup", "plots", "points", "tiles"]  # "remove" and the invalid one gone
    assert all(layer.isValid() for layer in by_name.values())
    assert Path(layer_file(by_name["points"])) == target / "data.gpkg"
    assert sorted(f["name"] for f in by_name["points"].getFeatures()) == ["a", "b", "c", "d"]
    assert by_name["points"].customProperty("QFieldSync/remoteLayerId") == layers["points"].id()
    assert Path(layer_file(by_name["plots"])) == target / "plots.csv"
    assert by_name["plots"].customProperty("QFieldSync/unsupported_source_pk") == "1" and by_name["plots"].readOnly()
    assert Path(layer_file(by_name["lookup"])) == target / "lookup.gpkg"
    assert Path(layer_file(by_name["dem"])) == target / "dem.asc"
    assert by_name["tiles"].providerType() == "wms"
    packaged.clear()
