"""Trigger a QFieldCloud job (package, process the project file, apply deltas) and wait for its end."""

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterNumber,
)

from ..client import JobTypes
from ..client.errors import JobTimeoutError
from ..core.settings import Settings
from ..core.translation import tr
from .base import QfcAlgorithm

JOB_TYPES = (JobTypes.PACKAGE, JobTypes.PROCESS_PROJECTFILE, JobTypes.APPLY_DELTAS)


class TriggerJobAlgorithm(QfcAlgorithm):
    JOB_TYPE = "JOB_TYPE"
    FORCE = "FORCE"
    WAIT = "WAIT"
    TIMEOUT = "TIMEOUT"
    JOB_ID = "JOB_ID"
    STATUS = "STATUS"

    def name(self) -> str:
        return "trigger_job"

    def displayName(self) -> str:
        return tr("Trigger a job and wait for it")

    def shortHelpString(self) -> str:
        return tr(
            "Starts a job on QFieldCloud (package for QField, process the project file, or apply "
            "the deltas sent from QField) and, unless Wait is unchecked, waits until it has finished. "
            "A failed job makes the algorithm fail. A running package job is reused unless Force is "
            "checked."
        )

    def initAlgorithm(self, config=None) -> None:
        self.add_project_parameter()
        self.addParameter(
            QgsProcessingParameterEnum(
                self.JOB_TYPE,
                tr("Job"),
                options=[tr("Package for QField"), tr("Process the project file"), tr("Apply deltas")],
                defaultValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(self.FORCE, tr("Start a new job even if one runs"), defaultValue=False)
        )
        self.addParameter(
            QgsProcessingParameterBoolean(self.WAIT, tr("Wait until the job has finished"), defaultValue=True)
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.TIMEOUT,
                tr("Give up waiting after (seconds)"),
                type=QgsProcessingParameterNumber.Type.Integer,
                defaultValue=600,
                minValue=1,
            )
        )
        self.add_credential_parameters()
        self.addOutput(QgsProcessingOutputString(self.JOB_ID, tr("Job id")))
        self.addOutput(QgsProcessingOutputString(self.STATUS, tr("Job status")))

    def execute(self, client, parameters, context, feedback):
        project = self.project(client, parameters, context)
        job_type = JOB_TYPES[self.parameterAsEnum(parameters, self.JOB_TYPE, context)]
        job = client.job_trigger(project["id"], job_type, self.parameterAsBool(parameters, self.FORCE, context))
        feedback.pushInfo(
            tr("Job {job_id} ({job_type}) is {status}.").format(
                job_id=job["id"], job_type=job_type.value, status=job.get("status")
            )
        )
        if self.parameterAsBool(parameters, self.WAIT, context):
            timeout = self.parameterAsInt(parameters, self.TIMEOUT, context)
            try:
                job = client.job_wait(
                    job["id"],
                    timeout=timeout,
                    poll_interval=Settings().job_poll_interval_ms / 1000.0,
                    is_cancelled=feedback.isCanceled,
                )
            except JobTimeoutError as error:
                raise QgsProcessingException(
                    tr("Job {job_id} has not finished after {seconds} s.").format(job_id=job["id"], seconds=timeout)
                ) from error
            feedback.setProgress(100)
            if job.get("status") != "finished":
                for line in _feedback_lines(job):
                    feedback.reportError(line)
                raise QgsProcessingException(
                    tr("Job {job_id} ended with status {status}.").format(job_id=job["id"], status=job.get("status"))
                )
            feedback.pushInfo(tr("Job {job_id} has finished.").format(job_id=job["id"]))
        return {self.JOB_ID: job["id"], self.STATUS: job.get("status")}


def _feedback_lines(job):
    """The error lines a failed job reports in its `feedback` (QFieldCloud's layout), if any."""
    feedback = job.get("feedback") or {}
    if isinstance(feedback, dict) and feedback.get("error"):
        return [str(feedback["error"])]
    return []
