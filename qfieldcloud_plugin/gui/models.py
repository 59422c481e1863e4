"""Qt item models for projects, jobs, files and collaborators.

`ProjectsModel` loads page by page through `canFetchMore`/`fetchMore`: each page is one
`list_projects(pagination=Pagination(limit, offset))` call in a task, so scrolling through
thousands of projects never blocks the GUI.
"""

from datetime import datetime
from typing import Any, Dict, List, Optional

from qgis.PyQt.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt, pyqtSignal
from qgis.PyQt.QtGui import QBrush, QColor

from ..client.models import TERMINAL_JOB_STATUSES, Pagination
from ..client.units import format_size
from ..core.session import CloudSession, user_message

DisplayRole = Qt.ItemDataRole.DisplayRole
ToolTipRole = Qt.ItemDataRole.ToolTipRole
ForegroundRole = Qt.ItemDataRole.ForegroundRole
UserRole = Qt.ItemDataRole.UserRole
TextAlignmentRole = Qt.ItemDataRole.TextAlignmentRole

STATUS_COLORS = {
    "failed": "#b00020",
    "finished": "#2e7d32",
    "ok": "#2e7d32",
    "busy": "#e65100",
    "started": "#e65100",
    "queued": "#1565c0",
    "pending": "#1565c0",
}


def format_datetime(value: Optional[str]) -> str:
    """An ISO date from the API as local `YYYY-MM-DD HH:MM`, or `""`."""
    if not value:
        return ""
    try:
        return datetime.fromisoformat(value).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return value


class RowsModel(QAbstractTableModel):
    """A read-only table of dicts; subclasses define `columns()` and `cell()`."""

    def __init__(self, parent: QObject = None) -> None:
        super().__init__(parent)
        self.rows: List[Dict[str, Any]] = []

    def columns(self) -> List[str]:
        raise NotImplementedError

    def cell(self, row: Dict[str, Any], column: int) -> str:
        raise NotImplementedError

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns())

    def headerData(self, section: int, orientation, role=DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == DisplayRole:
            return self.columns()[section]
        return None

    def data(self, index: QModelIndex, role=DisplayRole):
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == ToolTipRole:
            return self.tooltip(row, index.column()) or self.cell(row, index.column())
        if role == DisplayRole:
            return self.cell(row, index.column())
        if role == UserRole:
            return row
        if role == ForegroundRole:
            color = self.color(row, index.column())
            return QBrush(QColor(color)) if color else None
        return None

    def color(self, row: Dict[str, Any], column: int) -> Optional[str]:
        return None

    def tooltip(self, row: Dict[str, Any], column: int) -> Optional[str]:
        return None

    def set_rows(self, rows: List[Dict[str, Any]]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_dict(self, row: int) -> Optional[Dict[str, Any]]:
        return self.rows[row] if 0 <= row < len(self.rows) else None


class ProjectsModel(RowsModel):
    """The user's projects, fetched page by page in background tasks."""

    loadingChanged = pyqtSignal(bool)
    pageLoaded = pyqtSignal()
    loadFailed = pyqtSignal(str)

    NAME, OWNER, ROLE, STATUS, UPDATED, VISIBILITY = range(6)

    def __init__(self, session: CloudSession, page_size: int = 50, parent: QObject = None) -> None:
        super().__init__(parent)
        self.session = session
        self.page_size = page_size
        self.include_public = False
        self.search = ""
        self.loading = False
        self.exhausted = True
        self.error = ""
        self._generation = 0
        self._offset = 0

    def columns(self) -> List[str]:
        return [
            self.tr("Name"),
            self.tr("Owner"),
            self.tr("Role"),
            self.tr("Status"),
            self.tr("Updated"),
            self.tr("Visibility"),
        ]

    def cell(self, row: Dict[str, Any], column: int) -> str:
        if column == self.NAME:
            return row.get("name", "")
        if column == self.OWNER:
            return row.get("owner", "")
        if column == self.ROLE:
            return row.get("user_role") or ""
        if column == self.STATUS:
            return row.get("status") or ""
        if column == self.UPDATED:
            return format_datetime(row.get("updated_at"))
        return self.tr("Public") if row.get("is_public") else self.tr("Private")

    def color(self, row: Dict[str, Any], column: int) -> Optional[str]:
        return STATUS_COLORS.get(row.get("status", "")) if column == self.STATUS else None

    def tooltip(self, row: Dict[str, Any], column: int) -> Optional[str]:
        if column == self.STATUS:
            return {
                "ok": self.tr("Ready: the QGIS project was processed."),
                "busy": self.tr("A job is pending or running on this project."),
                "failed": self.tr(
                    "No processed QGIS project file yet (upload one), or too many collaborators for the plan."
                ),
            }.get(row.get("status", ""))
        if column == self.NAME:
            return row.get("description") or None
        return None

    def reload(self, include_public: Optional[bool] = None, search: Optional[str] = None) -> None:
        """Forget the loaded pages and fetch the first one again."""
        if include_public is not None:
            self.include_public = include_public
        if search is not None:
            self.search = search.strip()
        self._generation += 1
        self._offset = 0
        self.set_rows([])
        self.exhausted = False
        self.error = ""
        self._set_loading(False)
        self.fetchMore(QModelIndex())

    def clear(self) -> None:
        self._generation += 1
        self.exhausted = True
        self._set_loading(False)
        self.set_rows([])

    def canFetchMore(self, parent: QModelIndex = QModelIndex()) -> bool:
        return not parent.isValid() and not self.exhausted and not self.loading and not self.error

    def fetchMore(self, parent: QModelIndex = QModelIndex()) -> None:
        if parent.isValid() or self.exhausted or self.loading or not self.session.is_logged_in:
            return
        generation = self._generation
        pagination = Pagination(limit=self.page_size, offset=self._offset)
        include_public, search = self.include_public, self.search
        self._set_loading(True)

        def fetch(client, _task) -> List[Dict[str, Any]]:
            return client.list_projects(include_public=include_public, pagination=pagination, search=search)

        self.session.call(
            self.tr("Loading QFieldCloud projects"),
            fetch,
            on_success=lambda page: self._on_page(generation, page),
            on_error=lambda error: self._on_error(generation, error),
        )

    def _on_page(self, generation: int, page: List[Dict[str, Any]]) -> None:
        if generation != self._generation:
            return
        self._set_loading(False)
        self.exhausted = len(page) < self.page_size
        self._offset += len(page)
        if self.search:
            # Servers older than 2025 ignore `search`: filter here too, same rule (icontains).
            needle = self.search.lower()
            page = [p for p in page if needle in p.get("name", "").lower() or needle in p.get("owner", "").lower()]
        if page:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(page) - 1)
            self.rows.extend(page)
            self.endInsertRows()
        self.pageLoaded.emit()

    def _on_error(self, generation: int, error: BaseException) -> bool:
        if generation != self._generation:
            return True
        self._set_loading(False)
        self.error = user_message(error, self.session.server_url)
        self.loadFailed.emit(self.error)
        return True

    def _set_loading(self, loading: bool) -> None:
        if self.loading != loading:
            self.loading = loading
            self.loadingChanged.emit(loading)

    def update_project(self, project: Dict[str, Any]) -> None:
        """Replace the row of `project` (same id) after a change."""
        for i, row in enumerate(self.rows):
            if row.get("id") == project.get("id"):
                self.rows[i] = {**row, **project}
                self.dataChanged.emit(self.index(i, 0), self.index(i, self.columnCount() - 1))
                return

    def remove_project(self, project_id: str) -> None:
        for i, row in enumerate(self.rows):
            if row.get("id") == project_id:
                self._offset = max(0, self._offset - 1)
                self.beginRemoveRows(QModelIndex(), i, i)
                del self.rows[i]
                self.endRemoveRows()
                return


class JobsModel(RowsModel):
    """Jobs of one project, newest first."""

    TYPE, STATUS, CREATED, FINISHED = range(4)

    def columns(self) -> List[str]:
        return [self.tr("Type"), self.tr("Status"), self.tr("Created"), self.tr("Finished")]

    def job_type_label(self, job_type: str) -> str:
        return {
            "package": self.tr("Package"),
            "process_projectfile": self.tr("Process project file"),
            "delta_apply": self.tr("Apply changes"),
            "create_project": self.tr("Create project"),
        }.get(job_type, job_type)

    def cell(self, row: Dict[str, Any], column: int) -> str:
        if column == self.TYPE:
            return self.job_type_label(row.get("type", ""))
        if column == self.STATUS:
            return row.get("status", "")
        if column == self.CREATED:
            return format_datetime(row.get("created_at"))
        return format_datetime(row.get("finished_at"))

    def color(self, row: Dict[str, Any], column: int) -> Optional[str]:
        return STATUS_COLORS.get(row.get("status", "")) if column == self.STATUS else None

    def set_rows(self, rows: List[Dict[str, Any]]) -> None:
        super().set_rows(sorted(rows, key=lambda job: job.get("created_at") or "", reverse=True))

    def has_running_jobs(self) -> bool:
        return any(job.get("status") not in TERMINAL_JOB_STATUSES for job in self.rows)


class FilesModel(RowsModel):
    """Files of one project, with their state against the linked local copy."""

    NAME, SIZE, STATE = range(3)

    def columns(self) -> List[str]:
        return [self.tr("Name"), self.tr("Size"), self.tr("Local copy")]

    def cell(self, row: Dict[str, Any], column: int) -> str:
        if column == self.NAME:
            return row.get("name", "")
        if column == self.SIZE:
            return format_size(row.get("size"))
        return self.state_label(row.get("local_state", ""))

    def state_label(self, state: str) -> str:
        return {
            "same": self.tr("up to date"),
            "changed": self.tr("differs"),
            "missing": self.tr("not downloaded"),
            "unlinked": self.tr("project not linked"),
            "checking": self.tr("checking…"),
        }.get(state, state)

    def color(self, row: Dict[str, Any], column: int) -> Optional[str]:
        if column != self.STATE:
            return None
        return {"same": "#2e7d32", "changed": "#e65100"}.get(row.get("local_state", ""))

    def set_rows(self, rows: List[Dict[str, Any]]) -> None:
        super().set_rows(sorted(rows, key=lambda f: f.get("name", "")))


class CollaboratorsModel(RowsModel):
    COLLABORATOR, ROLE = range(2)

    def columns(self) -> List[str]:
        return [self.tr("Collaborator"), self.tr("Role")]

    def cell(self, row: Dict[str, Any], column: int) -> str:
        return row.get("collaborator", "") if column == self.COLLABORATOR else row.get("role", "")
