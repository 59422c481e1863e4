"""A QFieldCloud client library and CLI, pure Python + requests (no Qt, no QGIS).

from qfieldcloud_plugin.client import Client
client = Client("https://app.qfield.cloud/")
client.login("user", "password")
client.list_projects()
"""

from .client import Client
from .errors import (
    AuthenticationError,
    ChecksumMismatchError,
    ConnectionFailedError,
    InvalidGlobError,
    InvalidResponseError,
    JobTimeoutError,
    NotAppliedError,
    NotFoundError,
    PermissionDeniedError,
    QfcException,
    QfcRequestException,
    ServerError,
    TransferCancelledError,
    TransferError,
    UnsafePathError,
)
from .hashing import calc_etag
from .models import (
    DEFAULT_CONCURRENCY,
    DEFAULT_PAGINATION_LIMIT,
    DEFAULT_URL,
    FileTransferStatus,
    FileTransferType,
    JobStatus,
    JobTypes,
    OrganizationMemberRole,
    Pagination,
    ProjectCollaboratorRole,
    ProjectType,
    TransferProgress,
)
from .transport import USER_AGENT
from .urls import normalize_url
from .version import __version__

__all__ = [
    "__version__",
    "Client",
    "USER_AGENT",
    "normalize_url",
    "calc_etag",
    "QfcException",
    "QfcRequestException",
    "AuthenticationError",
    "PermissionDeniedError",
    "NotFoundError",
    "ServerError",
    "InvalidResponseError",
    "ConnectionFailedError",
    "TransferError",
    "TransferCancelledError",
    "ChecksumMismatchError",
    "NotAppliedError",
    "UnsafePathError",
    "InvalidGlobError",
    "JobTimeoutError",
    "DEFAULT_CONCURRENCY",
    "DEFAULT_PAGINATION_LIMIT",
    "DEFAULT_URL",
    "FileTransferStatus",
    "FileTransferType",
    "JobStatus",
    "JobTypes",
    "OrganizationMemberRole",
    "Pagination",
    "ProjectCollaboratorRole",
    "ProjectType",
    "TransferProgress",
]
