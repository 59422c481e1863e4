"""Constants, enums and typed shapes of the QFieldCloud API, and the bounds on them (one place for them)."""

import datetime
import os
from dataclasses import dataclass
from enum import Enum
from typing import Any, Callable, Dict, List, Optional, Union

try:  # Python 3.9+ has TypedDict in typing; kept in one place for clarity.
    from typing import TypedDict
except ImportError:  # pragma: no cover
    from typing_extensions import TypedDict

DEFAULT_URL = "https://app.qfield.cloud/api/v1/"
DEFAULT_PAGINATION_LIMIT = 20
# Page size when a list call walks every page itself. QFieldCloud sets no max page size, and a
# server that caps it anyway says so in its X-Next-Page link, which is followed as given. Each
# page costs a round trip: a project of up to 5,000 files is listed in one (about 2 MB of JSON).
LIST_PAGE_SIZE = 5000
DEFAULT_CONNECT_TIMEOUT_S = 10.0
DEFAULT_READ_TIMEOUT_S = 300.0
# Files of one batch transferred at once, at most (the per-server cap): on a real network round
# trips bound many small files, so many must be in flight; a fast server, large files and a busy
# server get fewer (flight.py). MAX_CONCURRENCY bounds what a user may ask for.
DEFAULT_CONCURRENCY = 64
MAX_CONCURRENCY = 128
DEFAULT_JOB_TIMEOUT_S = 600.0
DEFAULT_JOB_POLL_INTERVAL_S = 2.0
# Polling a job more often than this only loads the server; the CLI refuses shorter intervals.
MIN_JOB_POLL_INTERVAL_S = 1.0
# A project name as the server accepts it (contract §4).
PROJECT_NAME_PATTERN = r"^[a-zA-Z0-9-_.]+$"

# S3-style ETag part size used by the server, the SDK and QFieldSync.
ETAG_PART_SIZE = 8 * 1024 * 1024
QGIS_PROJECT_SUFFIXES = (".qgs", ".qgz")


def bounded_concurrency(value: int) -> int:
    """`value` files at once, within 1 and MAX_CONCURRENCY."""
    return min(MAX_CONCURRENCY, max(1, int(value)))


class FileTransferStatus(str, Enum):
    PENDING = "PENDING"
    SUCCESS = "SUCCESS"
    FAILED = "FAILED"


class FileTransferType(str, Enum):
    """Where files go: project files, or (QFieldCloud workers only) package files."""

    PROJECT = "project"
    PACKAGE = "package"


class JobTypes(str, Enum):
    PACKAGE = "package"
    APPLY_DELTAS = "delta_apply"
    PROCESS_PROJECTFILE = "process_projectfile"
    CREATE_PROJECT = "create_project"


class JobStatus(str, Enum):
    PENDING = "pending"
    QUEUED = "queued"
    STARTED = "started"
    FINISHED = "finished"
    FAILED = "failed"
    STOPPED = "stopped"


TERMINAL_JOB_STATUSES = frozenset({JobStatus.FINISHED.value, JobStatus.FAILED.value, JobStatus.STOPPED.value})


class ProjectType(str, Enum):
    REGULAR = "regular"
    SHARED_DATASETS = "shared_datasets"
    TEMPLATE = "template"


class ProjectCollaboratorRole(str, Enum):
    ADMIN = "admin"
    MANAGER = "manager"
    EDITOR = "editor"
    REPORTER = "reporter"
    READER = "reader"


# The roles that may change or delete a project, and those that may upload to it.
MANAGER_ROLES = (ProjectCollaboratorRole.ADMIN.value, ProjectCollaboratorRole.MANAGER.value)
UPLOAD_ROLES = MANAGER_ROLES + (ProjectCollaboratorRole.EDITOR.value, ProjectCollaboratorRole.REPORTER.value)


class OrganizationMemberRole(str, Enum):
    ADMIN = "admin"
    CREATOR = "creator"
    MEMBER = "member"


class CollaboratorModel(TypedDict):
    collaborator: str
    role: ProjectCollaboratorRole
    project_id: str
    created_by: str
    updated_by: str
    created_at: datetime.datetime
    updated_at: datetime.datetime


class OrganizationMemberModel(TypedDict):
    member: str
    role: OrganizationMemberRole
    organization: str
    is_public: bool


class TeamModel(TypedDict):
    team: str
    organization: str
    members: List[str]


class TeamMemberModel(TypedDict):
    member: str


class SubscriptionModel(TypedDict):
    uuid: str
    plan_display_name: str
    plan_code: str
    plan_is_premium: bool
    status: str
    active_since: Optional[str]
    active_until: Optional[str]
    storage_used_bytes: int
    active_storage_total_bytes: int
    plan_storage_threshold_warning_bytes: int
    plan_storage_threshold_critical_bytes: int


class DeltaPushResponse(TypedDict, total=False):
    status: str
    message: Optional[str]
    details: Optional[Dict[str, Any]]


class Pagination:
    """Explicit paging: with a limit or offset, a list call returns that one page only."""

    limit: Optional[int] = None
    offset: Optional[int] = None

    def __init__(self, limit: Optional[int] = None, offset: Optional[int] = None) -> None:
        self.limit = limit
        self.offset = offset

    @property
    def is_empty(self) -> bool:
        """True when neither limit nor offset is set: the client then fetches every page."""
        return self.limit is None and self.offset is None

    def __repr__(self) -> str:
        return f"Pagination(limit={self.limit!r}, offset={self.offset!r})"


@dataclass(frozen=True)
class TransferProgress:
    """Progress of a multi-file transfer, passed to `progress_callback`.

    `name` is the file the event is about; `file_bytes_*` count that file, `bytes_*`
    and `files_*` the whole batch. Callbacks run in worker threads.
    """

    name: str
    file_bytes_done: int
    file_bytes_total: int
    bytes_done: int
    bytes_total: int
    files_done: int
    files_total: int

    @property
    def fraction(self) -> float:
        """Overall completion between 0.0 and 1.0."""
        if self.bytes_total > 0:
            return min(1.0, self.bytes_done / self.bytes_total)
        if self.files_total > 0:
            return min(1.0, self.files_done / self.files_total)
        return 1.0


# A local path as the client's functions accept it.
PathLike = Union[str, "os.PathLike[str]"]
# Called from worker threads with each progress event of a transfer.
ProgressCallback = Callable[[TransferProgress], None]
# Asked between chunks: True stops the transfer (TransferCancelledError).
CancelCheck = Callable[[], bool]
