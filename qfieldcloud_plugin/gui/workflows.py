"""User-level actions (upload, package into the map, create, delete, jobs) as small flows.

A flow asks its questions through an injectable asker (see `asker.py`), runs the network
part in tasks through `CloudSession`, and reports in the QGIS message bar.
"""

from typing import Any, Dict, List, Optional

from qgis.core import Qgis
from qgis.PyQt.QtCore import QObject, QTimer, pyqtSignal

from ..core.log import log
from ..core.session import CloudSession
from .asker import MessageBoxAsker
from .download_flows import DownloadFlows
from .projects_flows import ProjectFlows
from .sync_flows import SyncFlows
from .upload_review import UploadReview


class CloudActions(QObject, ProjectFlows, DownloadFlows, SyncFlows, UploadReview):
    """The plugin's actions; the dock, the Browser menu and the toolbar call these.

    The flows live in the mixins, one module per kind: projects and jobs (projects_flows.py),
    downloads (download_flows.py), upload and synchronize (sync_flows.py), and the project check and
    upload list before an upload (upload_review.py).
    """

    projectCreated = pyqtSignal(dict)
    projectDeleted = pyqtSignal(str)
    projectLinked = pyqtSignal(dict)
    jobsChanged = pyqtSignal(str)
    uploadFinished = pyqtSignal(object)
    packageOpened = pyqtSignal(str)
    filesDownloaded = pyqtSignal(str, object)
    syncFinished = pyqtSignal(object)

    def __init__(self, iface, session: CloudSession, asker=None, parent: QObject = None) -> None:
        super().__init__(parent)
        self.iface = iface
        self.session = session
        self.asker = asker or MessageBoxAsker(iface.mainWindow())
        self.selected_project: Optional[Dict[str, Any]] = None
        self._job_watchers: List[QTimer] = []

    def notify(self, text: str, level=Qgis.MessageLevel.Info, duration: int = 8) -> None:
        self.iface.messageBar().pushMessage(self.tr("QFieldCloud"), text, level, duration)
        log(text, level)

    def stop(self) -> None:
        """Stop following jobs (plugin unload)."""
        for timer in self._job_watchers:
            timer.stop()
        self._job_watchers = []
