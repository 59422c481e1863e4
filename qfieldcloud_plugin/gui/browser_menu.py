"""Context menu of the QFieldCloud items in the Browser panel: open or download a project's data."""

from qgis.gui import QgsDataItemGuiProvider
from qgis.PyQt import sip
from qgis.PyQt.QtWidgets import QAction

from ..core.browser import PackageItem, ProjectItem
from ..core.icons import plugin_icon
from ..core.translation import tr


class CloudItemGuiProvider(QgsDataItemGuiProvider):
    """Adds "Open the latest package" and "Download project files…" to project and package items."""

    def __init__(self, cloud_actions) -> None:
        super().__init__()
        self.cloud_actions = cloud_actions

    def name(self) -> str:
        return "QFieldCloud"

    def populateContextMenu(self, item, menu, selected_items, context) -> None:  # QGIS API
        if not isinstance(item, (ProjectItem, PackageItem)):
            return
        project = item.project
        open_action = QAction(plugin_icon("download_package"), tr("Open the latest package"), menu)
        open_action.triggered.connect(lambda: self.open_package(project, item))
        menu.addAction(open_action)
        download_action = QAction(tr("Download project files…"), menu)
        download_action.triggered.connect(lambda: self.cloud_actions.download_files(project))
        menu.addAction(download_action)

    def open_package(self, project, item) -> None:
        """Download (if needed) and open the package; then show its layers under the item."""
        package_item = item if isinstance(item, PackageItem) else None

        def opened(_path: str) -> None:
            self.cloud_actions.packageOpened.disconnect(opened)
            if package_item is not None and not sip.isdeleted(package_item):
                package_item.refresh()

        if package_item is not None:
            self.cloud_actions.packageOpened.connect(opened)
        self.cloud_actions.download_package(project)
