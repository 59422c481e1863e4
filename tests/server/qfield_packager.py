"""The local server's packager: the shape libqfieldsync gives a real QFieldCloud package, with QGIS.

    python -m tests.server.qfield_packager SOURCE_DIR PROJECT_NAME OUTPUT_DIR

SOURCE_DIR holds the project's files as uploaded. OUTPUT_DIR receives `<stem>_qfield.qgs`, a
`data.gpkg` with the features of every "offline" layer (one table per layer, named by the SHA-256
of its source as libqfieldsync's PythonMiniOffliner names it), the files of "no_action" file layers
and their side files, and the project's companion files. "remove" and invalid layers are left out.
Attachments are not copied: the server lists them from the project's files, as the real one does.

This is the test double's own reading of libqfieldsync (offline_converter.py, layer.py,
offliners.py), written independently of the plugin so that the plugin's settings are checked
against it rather than against themselves. It runs in a subprocess: QGIS wants its main thread.
"""

import hashlib
import json
import os
import shutil
import sys
from pathlib import Path


def _action(layer, is_file: bool) -> str:
    """The layer's `QFieldSync/cloud_action`, else libqfieldsync's default (its first available action)."""
    from qgis.core import QgsMapLayer

    stored = layer.customProperty("QFieldSync/cloud_action")
    if stored:
        return str(stored)
    if layer.dataProvider() is not None and layer.dataProvider().name() == "virtual":
        return "no_action"
    return "offline" if layer.type() == QgsMapLayer.LayerType.VectorLayer else "no_action"


def _file_of(layer) -> str:
    from qgis.core import QgsProviderRegistry

    provider = layer.dataProvider()
    metadata = QgsProviderRegistry.instance().providerMetadata(provider.name()) if provider else None
    return str(metadata.decodeUri(layer.source()).get("path") or "") if metadata else ""


def _has_primary_key(layer) -> bool:
    keys = layer.primaryKeyAttributes()
    if len(keys) == 1:
        return True
    index = layer.fields().lookupField("fid")
    return not keys and index >= 0 and layer.fields().at(index).name().lower() == "fid"


def _offline(layer, gpkg: Path, project) -> None:
    """Copy the layer's features into a table of `gpkg` and read the layer from there."""
    from qgis.core import QgsVectorFileWriter

    table = hashlib.sha256(layer.dataProvider().dataSourceUri().encode()).hexdigest()
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = table
    options.actionOnExistingFile = (
        QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteLayer
        if gpkg.exists()
        else QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteFile
    )
    error = QgsVectorFileWriter.writeAsVectorFormatV3(layer, str(gpkg), project.transformContext(), options)
    if error[0] != QgsVectorFileWriter.WriterError.NoError:
        raise RuntimeError("offline copy of {!r} failed: {}".format(layer.name(), error[1]))
    layer.setCustomProperty("isOfflineEditable", True)
    layer.setCustomProperty("remoteSource", layer.source())
    layer.setCustomProperty("remoteProvider", layer.providerType())
    layer.setCustomProperty("remoteLayerId", layer.id())
    layer.setDataSource("{}|layername={}".format(gpkg, table), layer.name(), "ogr")


def package(source: Path, name: str, output: Path) -> dict:
    from qgis.core import QgsFileUtils, QgsMapLayer, QgsProject

    project = QgsProject.instance()
    if not project.read(str(source / name)):
        raise RuntimeError("cannot read {}: {}".format(name, project.error()))
    output.mkdir(parents=True, exist_ok=True)
    gpkg = output / "data.gpkg"
    actions = {}
    for layer in list(project.mapLayers().values()):
        path = _file_of(layer)
        is_file = bool(path) and os.path.isfile(path)
        # A file outside the uploaded files exists only on the uploader's disk: on a server the layer is invalid.
        elsewhere = is_file and not Path(path).resolve().is_relative_to(source.resolve())
        action = _action(layer, is_file)
        if not layer.isValid() or elsewhere or action == "remove":
            actions[layer.id()] = "removed"
            project.removeMapLayer(layer)
            continue
        layer.setCustomProperty("QFieldSync/remoteLayerId", layer.id())
        if layer.type() == QgsMapLayer.LayerType.VectorLayer and action == "offline" and not _has_primary_key(layer):
            action = "no_action"  # the packager's rule: no usable key, so read-only in QField
            layer.setReadOnly(True)
            layer.setCustomProperty("QFieldSync/unsupported_source_pk", "1")
        if action == "offline":
            _offline(layer, gpkg, project)
        elif is_file:
            for side in {path, *QgsFileUtils.sidecarFilesForPath(path)}:
                relative = Path(side).resolve().relative_to(source.resolve())
                (output / relative).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(side, output / relative)
            layer.setDataSource(layer.source().replace(str(source), str(output)), layer.name(), layer.providerType())
        actions[layer.id()] = action
    stem = Path(name).stem
    for companion in list(source.glob(stem + ".qml")) + list(source.glob(stem + "_??.qm")):
        shutil.copy2(companion, output / (stem + "_qfield" + companion.name[len(stem) :]))
    project.writeEntry("Paths", "/Absolute", False)
    if not project.write(str(output / (stem + "_qfield.qgs"))):
        raise RuntimeError("cannot write the packaged project: {}".format(project.error()))
    project.clear()
    return actions


def main(argv) -> int:
    from qgis.core import QgsApplication

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QgsApplication([], False)
    app.initQgis()
    try:
        actions = package(Path(argv[1]), argv[2], Path(argv[3]))
    except Exception as error:  # the job's output says why, as the real worker's does
        print("Packaging failed: {}".format(error), file=sys.stderr)
        return 1
    finally:
        app.exitQgis()
    print(json.dumps(actions))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
