"""A QFieldCloud client library and CLI, pure Python + requests (no Qt, no QGIS).

    from qfieldcloud_plugin.client import Client
    client = Client("https://app.qfield.cloud/")
    client.login("user", "password")
    client.list_projects()
"""

__version__ = "0.1.0"

from .client import Client  # noqa: E402
from .errors import (  # noqa: E402
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
from .models import (  # noqa: E402
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
from .hashing import calc_etag  # noqa: E402
from .transport import USER_AGENT, normalize_url  # noqa: E402

__all__ = [
    "__version__", "Client", "USER_AGENT", "normalize_url", "calc_etag",
    "QfcException", "QfcRequestException", "AuthenticationError", "PermissionDeniedError",
    "NotFoundError", "ServerError", "InvalidResponseError", "ConnectionFailedError",
    "TransferError", "TransferCancelledError", "ChecksumMismatchError", "NotAppliedError", "UnsafePathError",
    "InvalidGlobError", "JobTimeoutError",
    "DEFAULT_CONCURRENCY", "DEFAULT_PAGINATION_LIMIT", "DEFAULT_URL",
    "FileTransferStatus", "FileTransferType", "JobStatus", "JobTypes", "OrganizationMemberRole",
    "Pagination", "ProjectCollaboratorRole", "ProjectType", "TransferProgress",
]
