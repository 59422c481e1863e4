"""The QFieldCloud dock: projects (paged), and the selected project's jobs, files and collaborators."""

from typing import Any, Dict, Optional

from qgis.core import QgsProject
from qgis.gui import QgsDockWidget, QgsFilterLineEdit
from qgis.PyQt.QtCore import QModelIndex, Qt, QTimer
from qgis.PyQt.QtWidgets import (
    QAction,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ..client import JobTypes
from ..client.models import MANAGER_ROLES, UPLOAD_ROLES
from ..core.icons import plugin_icon, theme_icon
from ..core.project_link import read_link
from ..core.session import CloudSession
from ..core.settings import server_label
from .models import CollaboratorsModel, FilesModel, JobsModel, ProjectsModel
from .project_tabs import ProjectTabs, table
from .workflows import CloudActions


def _tool_button(icon, tooltip: str) -> QToolButton:
    button = QToolButton()
    button.setIcon(icon)
    button.setToolTip(tooltip)
    button.setAutoRaise(True)
    return button


class CloudDock(QgsDockWidget):
    """Presentation of the session state; every action goes through `CloudActions`."""

    MESSAGE_PAGE, MAIN_PAGE = range(2)

    def __init__(self, session: CloudSession, actions: CloudActions, parent: QWidget = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("QFieldCloud"))
        self.setObjectName("QFieldCloudDock")
        self.session = session
        self.actions = actions
        self.project: Optional[Dict[str, Any]] = None
        self._connections = []

        self.stack = QStackedWidget()
        self.setWidget(self.stack)
        self.stack.addWidget(self._build_message_page())
        self.stack.addWidget(self._build_main_page())

        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(350)
        self.search_timer.timeout.connect(self.reload_projects)

        self._connect(session.loggedIn, self.on_logged_in)
        self._connect(session.loggedOut, self.on_logged_out)
        self._connect(session.restoreFailed, self.show_unreachable)
        self._connect(actions.projectCreated, self._on_project_created)
        self._connect(actions.projectDeleted, self._on_project_deleted)
        self._connect(actions.jobsChanged, self._on_jobs_changed)
        self._connect(actions.projectLinked, lambda _p: self.refresh_files())
        self._connect(actions.uploadFinished, lambda _r: self.refresh_files())
        self._connect(actions.syncFinished, lambda _r: self.refresh_files())
        project = QgsProject.instance()
        for signal in (project.readProject, project.cleared, project.projectSaved):
            self._connect(signal, lambda *_: self.update_link_label())
        self._connect(actions.projectLinked, lambda _p: self.update_link_label())
        self.update_link_label()
        if session.is_logged_in:
            self.on_logged_in()
        else:
            self.on_logged_out()

    def _connect(self, signal, slot) -> None:
        signal.connect(slot)
        self._connections.append((signal, slot))

    def disconnect_all(self) -> None:
        """Drop the connections to the session and actions (plugin unload)."""
        for signal, slot in self._connections:
            signal.disconnect(slot)
        self._connections = []
        self.tabs.stop()
        self.search_timer.stop()
        self.projects_model.clear()

    # --- layout --------------------------------------------------------------------
    def _build_message_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        icon = QLabel()
        icon.setPixmap(plugin_icon("qfieldcloud").pixmap(64, 64))
        icon.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.message_button = QPushButton()
        self.message_button.clicked.connect(self._on_message_button)
        layout.addWidget(icon)
        layout.addWidget(self.message_label)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.message_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)
        self._message_action = None
        return page

    def _build_main_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(self._build_header())
        layout.addLayout(self._build_link_row())
        layout.addLayout(self._build_filters())
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self._build_projects_pane())
        splitter.addWidget(self._build_project_pane())
        splitter.setSizes([300, 300])
        layout.addWidget(splitter, 1)
        return page

    def _build_header(self) -> QHBoxLayout:
        """Who is logged in, and the log-out button."""
        header = QHBoxLayout()
        self.user_label = QLabel()
        self.logout_button = _tool_button(
            plugin_icon("logout"), self.tr("Log out (QFieldCloud ends your sessions on every device, QField included)")
        )
        self.logout_button.clicked.connect(self.session.logout)
        header.addWidget(self.user_label, 1)
        header.addWidget(self.logout_button)
        return header

    def _build_link_row(self) -> QHBoxLayout:
        """Which cloud project the open QGIS project is linked to, with Synchronize and Upload."""
        link_row = QHBoxLayout()
        self.link_label = QLabel()
        self.link_label.setWordWrap(True)
        self.upload_button = QPushButton(plugin_icon("upload"), self.tr("Upload"))
        self.upload_button.setToolTip(self.tr("Upload the open project's changed files to QFieldCloud"))
        self.upload_button.clicked.connect(self.actions.upload_current_project)
        self.sync_button = QPushButton(plugin_icon("sync"), self.tr("Synchronize"))
        self.sync_button.setToolTip(
            self.tr(
                "Compare the open project's folder with QFieldCloud, show what would "
                "change, then upload, download and delete as you confirm"
            )
        )
        self.sync_button.clicked.connect(self.actions.sync_current_project)
        link_row.addWidget(self.link_label, 1)
        link_row.addWidget(self.sync_button)
        link_row.addWidget(self.upload_button)
        return link_row

    def _build_filters(self) -> QHBoxLayout:
        """The search, the public switch, and refresh, new and delete."""
        filters = QHBoxLayout()
        self.search_edit = QgsFilterLineEdit()
        self.search_edit.setShowSearchIcon(True)
        self.search_edit.setPlaceholderText(self.tr("Search projects by name or owner"))
        self.search_edit.textChanged.connect(lambda _t: self.search_timer.start())
        self.public_check = QCheckBox(self.tr("Public"))
        self.public_check.setToolTip(self.tr("Also list the public projects of other users"))
        self.public_check.toggled.connect(lambda _c: self.reload_projects())
        self.refresh_button = _tool_button(theme_icon("mActionRefresh.svg"), self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.reload_projects)
        self.new_button = _tool_button(theme_icon("mActionAdd.svg"), self.tr("New cloud project"))
        self.new_button.clicked.connect(self.create_project)
        self.delete_button = _tool_button(
            theme_icon("mActionDeleteSelected.svg"), self.tr("Delete the selected project")
        )
        self.delete_button.clicked.connect(lambda: self.project and self.actions.delete_project(self.project))
        for widget in (self.search_edit, self.public_check, self.refresh_button, self.new_button, self.delete_button):
            filters.addWidget(widget, 1 if widget is self.search_edit else 0)
        return filters

    def _build_projects_pane(self) -> QWidget:
        """The projects, a page at a time, with the loading status and Load more."""
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        self.projects_model = ProjectsModel(self.session, self.session.settings.page_size, self)
        self.projects_view = table(self.projects_model)
        self.projects_view.selectionModel().currentRowChanged.connect(self._on_current_project)
        self.projects_view.doubleClicked.connect(
            lambda _index: self.project and self.actions.download_package(self.project)
        )
        self.projects_view.setToolTip(self.tr("Double-click a project to open its package in the map"))
        self.projects_model.loadingChanged.connect(lambda _l: self._update_status())
        self.projects_model.pageLoaded.connect(self._update_status)
        self.projects_model.pageLoaded.connect(self._fit_columns)
        self.projects_model.loadFailed.connect(lambda _m: self._update_status())
        self.projects_model.modelReset.connect(self._update_status)
        top_layout.addWidget(self.projects_view)
        status = QHBoxLayout()
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.more_button = QPushButton(self.tr("Load more"))
        self.more_button.clicked.connect(self._on_more_clicked)
        status.addWidget(self.status_label, 1)
        status.addWidget(self.more_button)
        top_layout.addLayout(status)
        return top

    def _build_project_pane(self) -> QWidget:
        """The selected project: its name, what can be done with it, and its jobs, files and collaborators."""
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        self.project_label = QLabel()
        self.project_label.setWordWrap(True)
        detail_layout.addWidget(self.project_label)
        detail_layout.addLayout(self._build_project_buttons())
        detail_layout.addWidget(self._build_tabs())
        return detail

    def _build_project_buttons(self) -> QHBoxLayout:
        """Open in map (or package again first), download the files, start a job."""
        buttons = QHBoxLayout()
        self.open_package_button = QToolButton()
        self.open_package_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.open_package_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        open_action = QAction(plugin_icon("download_package"), self.tr("Open in map"), self)
        open_action.setToolTip(self.tr("Download the latest package and open it in QGIS"))
        open_action.triggered.connect(lambda: self.project and self.actions.download_package(self.project))
        self.fresh_package_action = QAction(self.tr("Package again, then open in map"), self)
        self.fresh_package_action.triggered.connect(
            lambda: self.project and self.actions.download_package(self.project, fresh=True)
        )
        self.open_package_button.setDefaultAction(open_action)
        menu = QMenu(self.open_package_button)
        menu.addAction(self.fresh_package_action)
        self.open_package_button.setMenu(menu)
        self.download_button = QPushButton(theme_icon("mActionFileOpen.svg"), self.tr("Download files…"))
        self.download_button.clicked.connect(lambda: self.project and self.actions.download_files(self.project))
        self.package_button = QPushButton(self.tr("Package"))
        self.package_button.setToolTip(self.tr("Start a package job (what QField downloads)"))
        self.package_button.clicked.connect(lambda: self._trigger(JobTypes.PACKAGE.value))
        self.process_button = QPushButton(self.tr("Process"))
        self.process_button.setToolTip(self.tr("Start a process_projectfile job (re-reads the QGIS project)"))
        self.process_button.clicked.connect(lambda: self._trigger(JobTypes.PROCESS_PROJECTFILE.value))
        for button in (self.open_package_button, self.download_button, self.package_button, self.process_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        return buttons

    def _build_tabs(self) -> ProjectTabs:
        """The selected project's jobs (with their output), files and collaborators."""
        self.tabs = ProjectTabs(self.session, self.actions, self)
        return self.tabs

    # --- session state -------------------------------------------------------------
    def show_message(self, text: str, button_text: str, action) -> None:
        self.message_label.setText(text)
        self.message_button.setText(button_text)
        self._message_action = action
        self.stack.setCurrentIndex(self.MESSAGE_PAGE)

    def _on_message_button(self) -> None:
        if self._message_action is not None:
            self._message_action()

    def on_logged_out(self) -> None:
        self.job_timer.stop()
        self.projects_model.clear()
        self._set_project(None)
        self.show_message(
            self.tr("You are not logged in to QFieldCloud.\nLog in to see your projects, their jobs and files."),
            self.tr("Log in…"),
            lambda: self.session.authRequired.emit(""),
        )

    def show_unreachable(self, message: str) -> None:
        self.show_message(message, self.tr("Retry"), self._retry_restore)

    def _retry_restore(self) -> None:
        if not self.session.restore():
            self.session.authRequired.emit("")

    def on_logged_in(self) -> None:
        self.user_label.setText(
            self.tr("{user} on {server}").format(
                user=self.session.username, server=server_label(self.session.server_url)
            )
        )
        self.stack.setCurrentIndex(self.MAIN_PAGE)
        self.reload_projects()

    def update_link_label(self) -> None:
        """Say which cloud project the open QGIS project uploads to."""
        link = read_link()
        if link is not None:
            text = self.tr("Open project ↔ {name}").format(name=link.full_name)
        elif QgsProject.instance().fileName():
            text = self.tr("Open project: not linked yet (the upload button offers to link it)")
        else:
            text = self.tr("Open project: not saved")
        self.link_label.setText(text)
        self.upload_button.setEnabled(bool(QgsProject.instance().fileName()))
        self.sync_button.setEnabled(bool(QgsProject.instance().fileName()))

    # --- projects ------------------------------------------------------------------
    def reload_projects(self) -> None:
        if not self.session.is_logged_in:
            return
        self._set_project(None)
        self.projects_model.reload(include_public=self.public_check.isChecked(), search=self.search_edit.text())

    def _update_status(self) -> None:
        model = self.projects_model
        count = model.rowCount()
        if model.error:
            text = self.tr("Could not load the projects: {error}").format(error=model.error)
        elif model.loading:
            text = self.tr("Loading projects…") if count == 0 else self.tr("%n project(s), loading more…", "", count)
        elif count == 0 and model.search:
            text = self.tr('No project matches "{search}".').format(search=model.search)
        elif count == 0:
            text = self.tr(
                "You have no QFieldCloud projects yet. Create one with the + button, or upload the open "
                "QGIS project from the toolbar."
            )
        elif model.exhausted:
            text = self.tr("%n project(s)", "", count)
        else:
            text = self.tr("%n project(s) shown, more on the server", "", count)
        self.status_label.setText(text)
        self.status_label.setStyleSheet("QLabel { color: #b00020; }" if model.error else "")
        self.more_button.setVisible(bool(model.error) or (not model.exhausted and not model.loading))
        self.more_button.setText(self.tr("Retry") if model.error else self.tr("Load more"))

    def _fit_columns(self) -> None:
        """Size the columns to the first page once; later pages keep what the user set."""
        if self.projects_model.rowCount() <= self.projects_model.page_size:
            for column in range(self.projects_model.columnCount()):
                self.projects_view.resizeColumnToContents(column)

    def _on_more_clicked(self) -> None:
        if self.projects_model.error:
            self.reload_projects()
        else:
            self.projects_model.fetchMore(QModelIndex())

    def _on_current_project(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._set_project(self.projects_model.row_dict(current.row()) if current.isValid() else None)

    def select_project(self, project_id: str) -> bool:
        for row, project in enumerate(self.projects_model.rows):
            if project.get("id") == project_id:
                self.projects_view.setCurrentIndex(self.projects_model.index(row, 0))
                return True
        return False

    def _set_project(self, project: Optional[Dict[str, Any]]) -> None:
        self.project = project
        self.actions.selected_project = project
        self.tabs.set_project(project)
        if project is None:
            self.project_label.setText(self.tr("Select a project to see its jobs, files and collaborators."))
        else:
            self.project_label.setText(
                "<b>{owner}/{name}</b> — {description}".format(
                    owner=project.get("owner", ""),
                    name=project.get("name", ""),
                    description=project.get("description") or self.tr("no description"),
                )
            )
        self._update_buttons()

    def _update_buttons(self) -> None:
        role = (self.project or {}).get("user_role")
        selected = self.project is not None
        self.delete_button.setEnabled(selected and role in MANAGER_ROLES)
        self.open_package_button.setEnabled(selected)
        self.download_button.setEnabled(selected)
        self.package_button.setEnabled(selected)
        self.process_button.setEnabled(selected and role in UPLOAD_ROLES)

    def create_project(self) -> None:
        from .create_dialog import CreateProjectDialog  # small dialog, built on demand

        dialog = CreateProjectDialog(self.session.username, self)
        if dialog.exec():
            self.actions.create_project(**dialog.values())

    def _on_project_created(self, project: Dict[str, Any]) -> None:
        self.reload_projects()

    def _on_project_deleted(self, project_id: str) -> None:
        self.projects_model.remove_project(project_id)
        if self.project and self.project.get("id") == project_id:
            self._set_project(None)
        self._update_status()

    # --- jobs ----------------------------------------------------------------------
    def _trigger(self, job_type: str) -> None:
        if self.project:
            self.actions.trigger_job(self.project, job_type)

    def _on_jobs_changed(self, project_id: str) -> None:
        if self.project and self.project.get("id") == project_id:
            self.tabs.refresh_jobs()

    # --- the selected project's tabs (kept as the dock's own names for its callers) -----
    def refresh_files(self) -> None:
        self.tabs.refresh_files()

    @property
    def jobs_model(self) -> JobsModel:
        return self.tabs.jobs_model

    @property
    def jobs_view(self) -> QTreeView:
        return self.tabs.jobs_view

    @property
    def files_model(self) -> FilesModel:
        return self.tabs.files_model

    @property
    def collaborators_model(self) -> CollaboratorsModel:
        return self.tabs.collaborators_model

    @property
    def job_timer(self) -> QTimer:
        return self.tabs.job_timer
