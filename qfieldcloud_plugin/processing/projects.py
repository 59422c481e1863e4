"""List the user's QFieldCloud projects into a table (a layer without geometry)."""

from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsVectorLayer,
    QgsWkbTypes,
)

from ..core.translation import tr
from .base import QfcAlgorithm

# (attribute, memory-provider type) of each column; the values come from the API's project JSON.
# The types go through a memory layer URI: QVariant.Type names differ between Qt 5 and Qt 6.
COLUMNS = (
    ("id", "string"),
    ("owner", "string"),
    ("name", "string"),
    ("description", "string"),
    ("is_public", "boolean"),
    ("user_role", "string"),
    ("status", "string"),
    ("created_at", "string"),
    ("updated_at", "string"),
    ("data_last_packaged_at", "string"),
    ("file_storage_bytes", "long"),
)


def project_fields():
    """The QgsFields of the project table."""
    uri = "None?" + "&".join("field={name}:{kind}".format(name=n, kind=k) for n, k in COLUMNS)
    return QgsVectorLayer(uri, "projects", "memory").fields()


class ListProjectsAlgorithm(QfcAlgorithm):
    INCLUDE_PUBLIC = "INCLUDE_PUBLIC"
    OUTPUT = "OUTPUT"
    COUNT = "COUNT"

    def name(self) -> str:
        return "list_projects"

    def displayName(self) -> str:
        return tr("List projects")

    def shortHelpString(self) -> str:
        return tr(
            "Writes the QFieldCloud projects you have a role on (and, if asked, the public ones) "
            "into a table: id, owner, name, description, your role, status, dates and storage."
        )

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(
            QgsProcessingParameterBoolean(self.INCLUDE_PUBLIC, tr("Include public projects"), defaultValue=False)
        )
        self.add_credential_parameters()
        self.addParameter(
            QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Projects"), QgsProcessing.SourceType.TypeVector)
        )
        self.addOutput(QgsProcessingOutputNumber(self.COUNT, tr("Number of projects")))

    def execute(self, client, parameters, context, feedback):
        fields = project_fields()
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields, QgsWkbTypes.Type.NoGeometry)
        count = 0
        include_public = self.parameterAsBool(parameters, self.INCLUDE_PUBLIC, context)
        for project in client.iter_projects(include_public):
            if feedback.isCanceled():
                break
            feature = QgsFeature(fields)
            feature.setAttributes([project.get(name) for name, _kind in COLUMNS])
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
            count += 1
        feedback.pushInfo(tr("{count} project(s).").format(count=count))
        return {self.OUTPUT: dest_id, self.COUNT: count}
