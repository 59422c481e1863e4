"""Wires the plugin into QGIS: actions, toolbar, Web menu, dock, login dialog. Nothing else."""

from typing import List, Optional

from qgis.core import Qgis, QgsApplication
from qgis.gui import QgsGui
from qgis.PyQt.QtCore import Qt, QTimer
from qgis.PyQt.QtWidgets import QAction

from .core.browser import BrowserSource, CloudDataItemProvider
from .core.icons import plugin_icon
from .core.project_link import read_link
from .core.session import CloudSession
from .core.translation import install_translator, remove_translator, tr
from .gui.asker import MessageBoxAsker
from .gui.browser_menu import CloudItemGuiProvider
from .gui.dock import CloudDock
from .gui.login_dialog import LoginDialog
from .gui.settings_dialog import SettingsDialog
from .gui.workflows import CloudActions
from .processing.provider import QFieldCloudProvider


class QFieldCloudPlugin:
    """The object QGIS loads; `unload()` removes everything `initGui()` added."""

    def __init__(self, iface) -> None:
        self.iface = iface
        # Before any widget exists: tr() runs when widgets are built.
        self.translator = install_translator()
        self.session: Optional[CloudSession] = None
        self.cloud_actions: Optional[CloudActions] = None
        self.dock: Optional[CloudDock] = None
        self.toolbar = None
        self.actions: List[QAction] = []
        self.login_dialog: Optional[LoginDialog] = None
        self.menu = tr("&QFieldCloud")
        self.processing_provider: Optional[QFieldCloudProvider] = None
        self.browser_source: Optional[BrowserSource] = None
        self.browser_providers = ()

    def initProcessing(self) -> None:  # QGIS API; qgis_process calls only this
        if self.processing_provider is None:
            self.processing_provider = QFieldCloudProvider()
            QgsApplication.processingRegistry().addProvider(self.processing_provider)

    def initGui(self) -> None:  # QGIS API
        main_window = self.iface.mainWindow()
        self.session = CloudSession(parent=main_window)
        self.cloud_actions = CloudActions(self.iface, self.session, MessageBoxAsker(main_window), main_window)
        self.dock = CloudDock(self.session, self.cloud_actions, main_window)
        self.initProcessing()
        self.processing_provider.credentials.session = self.session
        self.browser_source = BrowserSource(self.session, main_window)
        self.browser_providers = (CloudDataItemProvider(self.browser_source), CloudItemGuiProvider(self.cloud_actions))
        QgsApplication.dataItemProviderRegistry().addProvider(self.browser_providers[0])
        QgsGui.dataItemGuiProviderRegistry().addProvider(self.browser_providers[1])
        self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)

        self.toolbar = self.iface.addToolBar(tr("QFieldCloud"))
        self.toolbar.setObjectName("QFieldCloudToolbar")
        self.dock_action = self.dock.toggleViewAction()
        self.dock_action.setIcon(plugin_icon("qfieldcloud"))
        self.dock_action.setText(tr("QFieldCloud projects"))
        self.upload_action = QAction(plugin_icon("upload"), tr("Upload the open project to QFieldCloud"), main_window)
        self.upload_action.triggered.connect(self.cloud_actions.upload_current_project)
        self.sync_action = QAction(
            plugin_icon("sync"), tr("Synchronize the open project with QFieldCloud…"), main_window
        )
        self.sync_action.triggered.connect(self.cloud_actions.sync_current_project)
        self.package_action = QAction(
            plugin_icon("download_package"), tr("Open the QFieldCloud package in the map"), main_window
        )
        self.package_action.triggered.connect(self.open_package)
        self.login_action = QAction(tr("Log in to QFieldCloud…"), main_window)
        self.login_action.triggered.connect(lambda: self.show_login(""))
        self.settings_action = QAction(tr("Settings…"), main_window)
        self.settings_action.triggered.connect(self.show_settings)
        self.qfield_settings_action = QAction(tr("QField settings of the project…"), main_window)
        self.qfield_settings_action.triggered.connect(self.cloud_actions.edit_qfield_settings)
        self.actions = [
            self.dock_action,
            self.sync_action,
            self.upload_action,
            self.package_action,
            self.qfield_settings_action,
            self.login_action,
            self.settings_action,
        ]
        for action in self.actions:
            self.iface.addPluginToWebMenu(self.menu, action)
            if action not in (self.qfield_settings_action, self.login_action, self.settings_action):
                self.toolbar.addAction(action)

        self.session.authRequired.connect(self.show_login)
        self.session.errorOccurred.connect(self.show_error)
        # Once QGIS's event loop runs (after the main window is shown at startup): reading the
        # remembered token may make QGIS ask for its master password.
        QTimer.singleShot(0, self.session.restore)

    def unload(self) -> None:
        if self.processing_provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.processing_provider)
            self.processing_provider = None
        if self.session is None:
            return
        if self.browser_providers:
            QgsApplication.dataItemProviderRegistry().removeProvider(self.browser_providers[0])
            QgsGui.dataItemGuiProviderRegistry().removeProvider(self.browser_providers[1])
            self.browser_providers = ()
            self.browser_source.disconnect_session()
            self.browser_source.deleteLater()
            self.browser_source = None
        self.session.shutdown()
        self.cloud_actions.stop()
        self.session.authRequired.disconnect(self.show_login)
        self.session.errorOccurred.disconnect(self.show_error)
        if self.login_dialog is not None:
            self.login_dialog.reject()  # _login_closed() deletes it
        for action in self.actions:
            self.iface.removePluginWebMenu(self.menu, action)
        self.actions = []
        self.upload_action.deleteLater()
        self.sync_action.deleteLater()
        self.package_action.deleteLater()
        self.login_action.deleteLater()
        self.settings_action.deleteLater()
        self.qfield_settings_action.deleteLater()
        self.iface.mainWindow().removeToolBar(self.toolbar)
        self.toolbar.deleteLater()
        self.toolbar = None
        self.dock.disconnect_all()
        self.iface.removeDockWidget(self.dock)
        self.dock.deleteLater()
        self.dock = None
        self.cloud_actions.deleteLater()
        self.cloud_actions = None
        self.session.deleteLater()
        self.session = None
        remove_translator(self.translator)
        self.translator = None

    # --- slots -----------------------------------------------------------------------
    def show_login(self, message: str = "") -> LoginDialog:
        """Show the login dialog (window-modal, not blocking); reuse it if it is already open."""
        if self.login_dialog is None:
            self.login_dialog = LoginDialog(self.session, message, self.iface.mainWindow())
            self.login_dialog.finished.connect(self._login_closed)
            self.login_dialog.open()
        else:
            self.login_dialog.show_message(message)
            self.login_dialog.raise_()
        return self.login_dialog

    def _login_closed(self, result: int) -> None:
        if not result and self.session is not None:
            self.session.drop_retries()
        if self.login_dialog is not None:
            self.login_dialog.deleteLater()
            self.login_dialog = None

    def show_settings(self) -> None:
        SettingsDialog(self.session.settings, self.iface.mainWindow()).exec()

    def show_error(self, title: str, message: str) -> None:
        self.iface.messageBar().pushMessage(title, message, Qgis.MessageLevel.Critical, 10)

    def open_package(self) -> None:
        """Open the package of the project selected in the dock, else of the linked project."""
        project = self.dock.project
        if project is None:
            link = read_link()
            if link is not None:
                project = {"id": link.project_id, "owner": link.owner, "name": link.name}
        if project is None:
            self.cloud_actions.notify(tr("Select a project in the QFieldCloud dock first."), Qgis.MessageLevel.Warning)
            self.dock.show()
            return
        self.cloud_actions.download_package(project)
