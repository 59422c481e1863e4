"""Exception hierarchy of the QFieldCloud client.

`QfcException` and `QfcRequestException` keep the official SDK's names, so code written
for the SDK (`except QfcException`) keeps working. Every message is a single line and
never contains the token.
"""

import json
import re
from typing import Any, Iterable, Optional

# `Authorization: Token abc`, `"Authorization": "Bearer abc"`, `token=abc`: the value after them.
_SECRET_FIELDS = re.compile(
    r"""(?i)(authorization["']?\s*[:=]\s*["']?(?:token|bearer|basic)?\s*|\btoken["']?\s*[:=]\s*["']?)"""
    r"""[^\s"',;}&]+"""
)
# The password in a URL's user information (after the user name's `:`, before the `@`), to be masked.
_URL_PASSWORD = re.compile(r"(\b[a-z][a-z0-9+.-]*://[^/\s:@]*:)[^/\s@]*@", re.IGNORECASE)
MASK = "***"


def mask_secrets(text: str, secrets: Iterable[str] = ()) -> str:
    """`text` with the given secrets, authorization values and URL passwords replaced by ***."""
    for secret in secrets:
        if secret and len(secret) >= 6:
            text = text.replace(secret, MASK)
    text = _SECRET_FIELDS.sub(lambda m: m.group(1) + MASK, text)
    return _URL_PASSWORD.sub(lambda m: m.group(1) + MASK + "@", text)


class QfcException(Exception):
    """Base class of every error raised by the client (SDK name)."""


class QfcRequestException(QfcException):
    """A request failed: the server answered an error, or could not be reached.

    Attributes: `status_code` (None when no HTTP answer came), `code` and `message`
    (the server's `{code, message}` when it sent one), `detail` (the server's
    `debug.detail`, DEBUG servers only), `url` and `method` of the request.
    `response` is the `requests.Response` when there was one (SDK compatibility).
    """

    def __init__(
        self,
        message: str,
        status_code: Optional[int] = None,
        code: Optional[str] = None,
        url: str = "",
        method: str = "",
        detail: Any = None,
        response: Any = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.status_code = status_code
        self.code = code
        self.url = url
        self.method = method
        self.detail = detail
        self.response = response

    def __str__(self) -> str:
        text = self.message
        if self.detail:
            text = f"{text}: {_one_line(self.detail)}"
        where = []
        if self.status_code is not None:
            where.append(f"HTTP {self.status_code}" + (f" {self.code}" if self.code else ""))
        if self.url:
            where.append(f"{self.method} {self.url}".strip())
        if where:
            text = f"{text} ({', '.join(where)})"
        return text

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(status_code={self.status_code!r}, code={self.code!r}, "
            f"message={self.message!r}, url={self.url!r})"
        )


class AuthenticationError(QfcRequestException):
    """HTTP 401: wrong credentials, or a missing, unknown or expired token."""


class PermissionDeniedError(QfcRequestException):
    """HTTP 403: the object exists but the user lacks the needed role."""


class NotFoundError(QfcRequestException):
    """HTTP 404 (or 400 `object_not_found` on 2024-09 servers): no such object."""


class ServerError(QfcRequestException):
    """HTTP 5xx: the server or a proxy in front of it failed."""


class InvalidResponseError(QfcRequestException):
    """The server answered something that is not the expected JSON (e.g. an HTML page)."""


class ConnectionFailedError(QfcRequestException):
    """The server could not be reached: DNS failure, refused connection, TLS error or timeout."""


class TransferError(QfcException):
    """Base class of the errors specific to file transfers."""


class TransferCancelledError(TransferError):
    """The caller's `is_cancelled()` returned True; partial downloads were cleaned up."""


class ChecksumMismatchError(TransferError):
    """A downloaded file does not match the checksum or size the server announced."""


class NotAppliedError(TransferError):
    """The file arrived and verified, but was not moved into place because another file failed."""


class FileChangedError(TransferError):
    """A local file changed while it was read for an upload; the torn copy was not stored."""


class UnsafePathError(TransferError, ValueError):
    """A remote file name would be written outside the target folder; nothing was written."""


class InvalidGlobError(QfcException, ValueError):
    """A `filter_glob` or delete pattern is not a usable relative shell-style pattern."""


class JobTimeoutError(QfcException, TimeoutError):
    """`job_wait` gave up before the job reached a terminal status."""

    def __init__(self, message: str, job: Optional[dict] = None) -> None:
        super().__init__(message)
        self.job = job


def _one_line(value: Any) -> str:
    text = value if isinstance(value, str) else json.dumps(value, sort_keys=True, default=str)
    return " ".join(text.split())
