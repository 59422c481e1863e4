"""Download a QFieldCloud project's files into a folder (unchanged local files are kept)."""

from pathlib import Path

from qgis.core import QgsProcessingOutputNumber, QgsProcessingOutputString, QgsProcessingParameterFolderDestination

from ..core.downloads import download_project
from ..core.translation import tr
from .base import FeedbackTask, QfcAlgorithm, report_backup, transfer_outcome


class DownloadProjectAlgorithm(QfcAlgorithm):
    OUTPUT = "OUTPUT"
    DOWNLOADED = "DOWNLOADED"
    SKIPPED = "SKIPPED"
    FILES = "FILES"

    def name(self) -> str:
        return "download_project"

    def displayName(self) -> str:
        return tr("Download project files")

    def shortHelpString(self) -> str:
        return tr(
            "Downloads the files of a QFieldCloud project into a folder. Files that are already "
            "identical locally are not downloaded again unless Force is checked; nothing in the "
            "folder changes when a file fails."
        )

    def initAlgorithm(self, config=None) -> None:
        self.add_project_parameter()
        self.add_download_parameters()
        self.add_credential_parameters()
        self.addParameter(QgsProcessingParameterFolderDestination(self.OUTPUT, tr("Destination folder")))
        self.addOutput(QgsProcessingOutputNumber(self.DOWNLOADED, tr("Files downloaded")))
        self.addOutput(QgsProcessingOutputNumber(self.SKIPPED, tr("Files unchanged")))
        self.addOutput(QgsProcessingOutputString(self.FILES, tr("Downloaded files (one per line)")))

    def execute(self, client, parameters, context, feedback):
        project = self.project(client, parameters, context)
        folder = self.parameterAsString(parameters, self.OUTPUT, context)
        result = download_project(
            client,
            FeedbackTask(feedback),
            project["id"],
            Path(folder),
            **self.download_options(parameters, context),
        )
        report_backup(result, feedback)
        files = result.files
        downloaded, skipped = transfer_outcome(files, feedback)
        feedback.pushInfo(
            tr("Downloaded {downloaded} file(s) of {owner}/{name}, {skipped} unchanged.").format(
                downloaded=len(downloaded), skipped=len(skipped), owner=project["owner"], name=project["name"]
            )
        )
        return {
            self.OUTPUT: folder,
            self.DOWNLOADED: len(downloaded),
            self.SKIPPED: len(skipped),
            self.FILES: "\n".join(downloaded),
        }
