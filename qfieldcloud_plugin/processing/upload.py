"""Upload a local folder to a QFieldCloud project (changed files only unless FORCE; project file last)."""

from pathlib import Path
from typing import List, Optional

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFile,
    QgsProcessingParameterString,
    QgsProject,
)

from ..client import FileTransferType
from ..core.findings import BLOCKS, INFORMS, Finding
from ..core.project_check import check_project
from ..core.sync import checkpoint_geopackages, is_project_file
from ..core.translation import tr
from .base import QfcAlgorithm, transfer_outcome


class UploadProjectAlgorithm(QfcAlgorithm):
    FOLDER = "FOLDER"
    FILTER = "FILTER"
    FORCE = "FORCE"
    ACCEPT_BLOCKING = "ACCEPT_BLOCKING"
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
            "QGIS project file last. Hidden files and those in .qfieldcloudignore stay local. The QGIS "
            "project in the folder is checked first, as the toolbar's Upload does: what would reach QField "
            "broken stops the upload unless accepted."
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
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.ACCEPT_BLOCKING, tr("Upload even when the project check finds what blocks it"), defaultValue=False
            )
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
        self.check(folder, self.parameterAsBool(parameters, self.ACCEPT_BLOCKING, context), feedback)
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

    @staticmethod
    def check(folder: Path, accept_blocking: bool, feedback) -> None:
        """Run the project check on each QGIS project at the top of `folder` and report its findings;
        raise when one blocks the upload and that was not accepted."""
        blocking = []
        for path in sorted(p for p in folder.iterdir() if p.is_file() and is_project_file(p.name)):
            findings = _findings_of(path)
            if findings is None:
                feedback.pushWarning(tr("Could not read {file} to check it.").format(file=path.name))
                continue
            for finding in findings:
                text = "{}: {}".format(path.name, finding.message)
                if finding.severity == BLOCKS:
                    blocking.append(text)
                    feedback.reportError(text)
                elif finding.severity == INFORMS:
                    feedback.pushInfo(text)
                else:
                    feedback.pushWarning(text)
        if blocking and not accept_blocking:
            raise QgsProcessingException(
                tr(
                    "The project check found what would reach QField broken: {findings}. Fix it (the toolbar's "
                    'Upload offers the fixes), or run again with "Upload even when the project check finds '
                    'what blocks it".'
                ).format(findings="; ".join(blocking))
            )


def _findings_of(path: Path) -> Optional[List[Finding]]:
    """The check's findings for the project file at `path`, or None when it cannot be read.

    The project lives only in this frame: an exception raised later (its traceback keeps the
    caller's locals alive) must not keep a QgsProject past QGIS's exit, where deleting it crashes.
    """
    project = QgsProject()
    try:
        return check_project(project) if project.read(str(path)) else None
    finally:
        project.clear()
