"""Upload a local folder to a QFieldCloud project (changed files only unless FORCE; project file last)."""

from pathlib import Path

from qgis.core import (
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFile,
    QgsProcessingParameterString,
)

from ..client import FileTransferType
from ..core.sync import checkpoint_geopackages
from ..core.translation import tr
from .base import QfcAlgorithm, transfer_outcome


class UploadProjectAlgorithm(QfcAlgorithm):
    FOLDER = "FOLDER"
    FILTER = "FILTER"
    FORCE = "FORCE"
    UPLOADED = "UPLOADED"
    SKIPPED = "SKIPPED"
    FILES = "FILES"
    PROJECT_ID = "PROJECT_ID"

    def name(self) -> str:
        return "upload_project"

    def displayName(self) -> str:
        return tr("Upload project folder")

    def shortHelpString(self) -> str:
        return tr(
            "Uploads the files of a local folder to a QFieldCloud project: only the files that "
            "differ from the server's unless Force is checked, GeoPackages flushed first, the "
            "QGIS project file last. Hidden files and those in .qfieldcloudignore stay local."
        )

    def initAlgorithm(self, config=None) -> None:
        self.add_project_parameter()
        self.addParameter(
            QgsProcessingParameterFile(
                self.FOLDER, tr("Local folder"), behavior=QgsProcessingParameterFile.Behavior.Folder
            )
        )
        self.addParameter(QgsProcessingParameterString(self.FILTER, tr("Only files matching (glob)"), defaultValue="*"))
        self.addParameter(
            QgsProcessingParameterBoolean(self.FORCE, tr("Upload unchanged files too"), defaultValue=False)
        )
        self.add_credential_parameters()
        self.addOutput(QgsProcessingOutputString(self.PROJECT_ID, tr("Project id")))
        self.addOutput(QgsProcessingOutputNumber(self.UPLOADED, tr("Files uploaded")))
        self.addOutput(QgsProcessingOutputNumber(self.SKIPPED, tr("Files unchanged")))
        self.addOutput(QgsProcessingOutputString(self.FILES, tr("Uploaded files (one per line)")))

    def execute(self, client, parameters, context, feedback):
        folder = Path(self.parameterAsFile(parameters, self.FOLDER, context))
        if not folder.is_dir():
            raise FileNotFoundError(2, "Not a folder", str(folder))
        project = self.project(client, parameters, context)
        for name in checkpoint_geopackages(folder):
            feedback.pushWarning(tr("{name} is in use elsewhere; its latest edits may be missing.").format(name=name))
        files = client.upload_files(
            project["id"],
            FileTransferType.PROJECT,
            str(folder),
            filter_glob=self.parameterAsString(parameters, self.FILTER, context) or "*",
            force=self.parameterAsBool(parameters, self.FORCE, context),
            progress_callback=self.progress(feedback),
            is_cancelled=feedback.isCanceled,
        )
        uploaded, skipped = transfer_outcome(files, feedback)
        feedback.pushInfo(
            tr("Uploaded {uploaded} file(s) to {owner}/{name}, {skipped} unchanged.").format(
                uploaded=len(uploaded), skipped=len(skipped), owner=project["owner"], name=project["name"]
            )
        )
        return {
            self.PROJECT_ID: project["id"],
            self.UPLOADED: len(uploaded),
            self.SKIPPED: len(skipped),
            self.FILES: "\n".join(uploaded),
        }
