"""Download the latest finished package of a project (what QField gets), and optionally load its layers."""

from pathlib import Path
from typing import List

from qgis.core import (
    QgsProcessingContext,
    QgsProcessingOutputMultipleLayers,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFolderDestination,
    QgsProject,
    QgsVectorLayer,
)

from ..core.downloads import download_package
from ..core.file_states import find_project_file
from ..core.geopackage import geopackage_tables
from ..core.settings import Settings
from ..core.translation import tr
from .base import FeedbackTask, QfcAlgorithm, report_backup, transfer_outcome


class DownloadPackageAlgorithm(QfcAlgorithm):
    LOAD = "LOAD"
    OUTPUT = "OUTPUT"
    PROJECT_FILE = "PROJECT_FILE"
    DOWNLOADED = "DOWNLOADED"
    LAYERS = "LAYERS"

    def name(self) -> str:
        return "download_package"

    def displayName(self) -> str:
        return tr("Download the latest package")

    def shortHelpString(self) -> str:
        return tr(
            "Downloads the files of the project's latest finished package, the offline copy QField "
            "uses. Without a destination folder it goes where the plugin keeps packages. With Load "
            "layers checked, the package's GeoPackage layers are added to the open project when the "
            "algorithm ends. Outputs the path of the package's QGIS project file."
        )

    def initAlgorithm(self, config=None) -> None:
        self.add_project_parameter()
        self.add_download_parameters()
        self.addParameter(QgsProcessingParameterBoolean(self.LOAD, tr("Load the package's layers"), defaultValue=False))
        self.add_credential_parameters()
        self.addParameter(
            QgsProcessingParameterFolderDestination(
                self.OUTPUT, tr("Destination folder"), optional=True, createByDefault=False
            )
        )
        self.addOutput(QgsProcessingOutputString(self.PROJECT_FILE, tr("Package project file")))
        self.addOutput(QgsProcessingOutputNumber(self.DOWNLOADED, tr("Files downloaded")))
        self.addOutput(QgsProcessingOutputMultipleLayers(self.LAYERS, tr("Package layers")))

    def execute(self, client, parameters, context, feedback):
        project = self.project(client, parameters, context)
        folder = self.parameterAsString(parameters, self.OUTPUT, context)
        if not folder or parameters.get(self.OUTPUT) is None:
            folder = str(Settings().package_dir(project["owner"], project["name"]))
        result = download_package(
            client,
            FeedbackTask(feedback),
            project["id"],
            Path(folder),
            **self.download_options(parameters, context),
            throw_on_error=False,  # each failed file is reported below
        )
        report_backup(result, feedback)
        files = result.files
        downloaded, _skipped = transfer_outcome(files, feedback)
        names = [f["name"] for f in files]
        project_file = find_project_file(Path(folder), names)
        layers = []
        if self.parameterAsBool(parameters, self.LOAD, context):
            layers = (
                self._load_project_layers(project_file, context)
                if project_file
                else self._load_tables(Path(folder), names, context)
            )
        feedback.pushInfo(
            tr("Package of {owner}/{name} in {folder}.").format(
                owner=project["owner"], name=project["name"], folder=folder
            )
        )
        return {
            self.OUTPUT: folder,
            self.PROJECT_FILE: str(project_file) if project_file else "",
            self.DOWNLOADED: len(downloaded),
            self.LAYERS: layers,
        }

    def _load_project_layers(self, project_file: Path, context) -> List[str]:
        """The packaged project's layers, with their names and styles, for the project to get when the
        algorithm ends (a real package names its GeoPackage tables by hash, not by layer)."""
        packaged = QgsProject()
        ids = []
        if packaged.read(str(project_file)):
            for tree_layer in packaged.layerTreeRoot().findLayers():
                layer = packaged.takeMapLayer(tree_layer.layer()) if tree_layer.layer() is not None else None
                if layer is not None and layer.isValid():
                    ids.append(self._load(layer, layer.name(), context))
        packaged.clear()
        return ids

    def _load_tables(self, folder: Path, names, context) -> List[str]:
        """Without a project file: each GeoPackage table of the package as a layer."""
        ids = []
        for name in sorted(n for n in names if n.lower().endswith(".gpkg")):
            for table in geopackage_tables(folder / name):
                layer = QgsVectorLayer("{path}|layername={table}".format(path=folder / name, table=table), table, "ogr")
                if layer.isValid():
                    ids.append(self._load(layer, table, context))
        return ids

    @staticmethod
    def _load(layer, name: str, context) -> str:
        context.temporaryLayerStore().addMapLayer(layer)
        context.addLayerToLoadOnCompletion(layer.id(), QgsProcessingContext.LayerDetails(name, context.project(), name))
        return layer.id()
