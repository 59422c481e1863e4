"""The selected project's jobs (followed live while one runs), files and collaborators, in tabs."""

from typing import Any, Dict, Optional

from qgis.PyQt.QtCore import Qt, QTimer
from qgis.PyQt.QtWidgets import QAbstractItemView, QHeaderView, QPushButton, QTabWidget, QTreeView, QVBoxLayout, QWidget

from ..client.models import MANAGER_ROLES
from ..core.project_link import project_folder, read_link
from ..core.session import CloudSession
from .models import CollaboratorsModel, FilesModel, JobsModel
from .workflows import CloudActions


def table(model) -> QTreeView:
    """A read-only, sortable list view over `model`, one row selected at a time."""
    view = QTreeView()
    view.setModel(model)
    view.setRootIsDecorated(False)
    view.setUniformRowHeights(True)
    view.setAlternatingRowColors(True)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.header().setStretchLastSection(True)
    return view


class ProjectTabs(QTabWidget):
    """Jobs, Files and Collaborators of one project, loaded through `CloudActions`."""

    JOBS, FILES, COLLABORATORS = range(3)

    def __init__(self, session: CloudSession, actions: CloudActions, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.session = session
        self.actions = actions
        self.project: Optional[Dict[str, Any]] = None
        self._jobs_loading = False
        self.job_timer = QTimer(self)
        self.job_timer.setInterval(session.settings.job_poll_interval_ms)
        self.job_timer.timeout.connect(self.refresh_jobs)

        jobs_page = QWidget()
        jobs_layout = QVBoxLayout(jobs_page)
        jobs_layout.setContentsMargins(0, 0, 0, 0)
        self.jobs_model = JobsModel(self)
        self.jobs_view = table(self.jobs_model)
        self.jobs_view.selectionModel().currentRowChanged.connect(lambda *_: self._update_output_button())
        self.output_button = QPushButton(self.tr("Show output"))
        self.output_button.clicked.connect(self._show_output)
        jobs_layout.addWidget(self.jobs_view)
        jobs_layout.addWidget(self.output_button, 0, Qt.AlignmentFlag.AlignRight)
        self.files_model = FilesModel(self)
        self.files_view = table(self.files_model)
        self.collaborators_model = CollaboratorsModel(self)
        self.collaborators_view = table(self.collaborators_model)
        self.addTab(jobs_page, self.tr("Jobs"))
        self.addTab(self.files_view, self.tr("Files"))
        self.addTab(self.collaborators_view, self.tr("Collaborators"))
        self._update_output_button()

    def set_project(self, project: Optional[Dict[str, Any]]) -> None:
        """Show `project` (None: nothing); only managers see the collaborators."""
        self.project = project
        self.job_timer.stop()
        self.jobs_model.set_rows([])
        self.files_model.set_rows([])
        self.collaborators_model.set_rows([])
        manager = project is not None and project.get("user_role") in MANAGER_ROLES
        self.setTabEnabled(self.COLLABORATORS, manager)
        if project is not None:
            self.refresh_jobs()
            self.refresh_files()
            if manager:
                self.refresh_collaborators()
        self._update_output_button()

    def stop(self) -> None:
        self.job_timer.stop()

    # --- jobs ----------------------------------------------------------------------
    def refresh_jobs(self) -> None:
        """Reload the jobs of the project; polls while any job is not terminal."""
        if self.project is None or self._jobs_loading or not self.session.is_logged_in:
            return
        project_id = self.project["id"]
        self._jobs_loading = True

        def loaded(jobs) -> None:
            self._jobs_loading = False
            if self.project is None or self.project.get("id") != project_id:
                return
            current = self.current_job()
            self.jobs_model.set_rows(jobs)
            for column in range(self.jobs_model.columnCount() - 1):
                self.jobs_view.resizeColumnToContents(column)
            if current is not None:
                for row, job in enumerate(self.jobs_model.rows):
                    if job.get("id") == current.get("id"):
                        self.jobs_view.setCurrentIndex(self.jobs_model.index(row, 0))
            if self.jobs_model.has_running_jobs():
                self.job_timer.start()
            else:
                self.job_timer.stop()
            self._update_output_button()

        def failed() -> None:
            self._jobs_loading = False
            self.job_timer.stop()
            self.jobs_model.set_rows([])

        self.actions.load_jobs(project_id, loaded, failed)

    def current_job(self) -> Optional[Dict[str, Any]]:
        index = self.jobs_view.currentIndex()
        job = self.jobs_model.row_dict(index.row()) if index.isValid() else None
        return job if job and job.get("id") else None

    def _update_output_button(self) -> None:
        job = self.current_job()
        self.output_button.setEnabled(job is not None and job.get("status") in ("failed", "finished"))

    def _show_output(self) -> None:
        job = self.current_job()
        if job is not None:
            self.actions.show_job_output(job)

    # --- files and collaborators -----------------------------------------------------
    def refresh_files(self) -> None:
        """Reload the file list; the checksums of the linked local copy are computed in the task."""
        if self.project is None or not self.session.is_logged_in:
            return
        project_id = self.project["id"]
        link = read_link()
        folder = project_folder() if link is not None and link.project_id == project_id else None

        def loaded(files) -> None:
            if self.project is not None and self.project.get("id") == project_id:
                self.files_model.set_rows(files)
                self.files_view.resizeColumnToContents(0)

        self.actions.load_file_states(project_id, folder, loaded, lambda: self.files_model.set_rows([]))

    def refresh_collaborators(self) -> None:
        if self.project is None:
            return
        project_id = self.project["id"]

        def loaded(rows) -> None:
            if self.project is not None and self.project.get("id") == project_id:
                self.collaborators_model.set_rows(rows)

        self.actions.load_collaborators(project_id, loaded, lambda: self.collaborators_model.set_rows([]))
