"""The "QFieldCloud" Processing provider (id `qfieldcloud`)."""

from qgis.core import QgsProcessingProvider

from ..core.icons import plugin_icon
from ..core.translation import tr
from .base import Credentials
from .download import DownloadProjectAlgorithm
from .job import TriggerJobAlgorithm
from .package import DownloadPackageAlgorithm
from .projects import ListProjectsAlgorithm
from .upload import UploadProjectAlgorithm

ALGORITHMS = (
    UploadProjectAlgorithm,
    DownloadProjectAlgorithm,
    TriggerJobAlgorithm,
    DownloadPackageAlgorithm,
    ListProjectsAlgorithm,
)


class QFieldCloudProvider(QgsProcessingProvider):
    """Algorithms that talk to QFieldCloud; `session` (the plugin's login) is optional."""

    def __init__(self, session=None) -> None:
        super().__init__()
        self.credentials = Credentials(session)

    def id(self) -> str:
        return "qfieldcloud"

    def name(self) -> str:
        return "QFieldCloud"

    def longName(self) -> str:
        return tr("QFieldCloud projects, files, jobs and packages")

    def icon(self):
        return plugin_icon("qfieldcloud")

    def loadAlgorithms(self) -> None:
        for algorithm in ALGORITHMS:
            self.addAlgorithm(algorithm(self.credentials))
