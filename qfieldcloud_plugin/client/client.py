"""The QFieldCloud client: one method per API endpoint, named like the official SDK.

Differences from the SDK, on purpose: timeouts and safe retries on every call, typed
exceptions (all subclasses of the SDK's `QfcException`), streamed uploads, verified and
atomic downloads, concurrent transfers with progress and cancel hooks, `patch_project`
sends every argument that is not None, and `throw_on_error` means "raise" everywhere.

The endpoints are grouped by resource, one module each, and mixed into `Client`: projects.py,
files.py, uploads.py, downloads.py (with file_download.py), jobs.py and people.py. The transfer
engine they drive is described in docs/architecture.md.
"""

import os
from typing import Any, Dict, Mapping, Optional

import requests

from .downloads import DownloadsApi
from .errors import InvalidResponseError, mask_secrets
from .files import FilesApi
from .jobs import JobsApi
from .models import DEFAULT_CONCURRENCY, Pagination, bounded_concurrency
from .people import PeopleApi
from .projects import ProjectsApi, check_project_name
from .transport import Transport, VerifyType, env_verify_ssl
from .uploads import UploadsApi

__all__ = ["Client", "Pagination", "check_project_name"]


class Client(ProjectsApi, UploadsApi, DownloadsApi, FilesApi, JobsApi, PeopleApi):
    """A QFieldCloud API client (same methods and arguments as `qfieldcloud_sdk.sdk.Client`).

    Args:
        url: API URL; a server root such as `https://host/` is accepted. Defaults to env
            `QFIELDCLOUD_URL`, then `https://app.qfield.cloud/api/v1/`.
        verify_ssl: True (default; env `QFIELDCLOUD_VERIFY_SSL=0` disables), False, or the
            path of a CA bundle to trust.
        token: API token; defaults to env `QFIELDCLOUD_TOKEN`.
        connect_timeout, read_timeout: seconds; default env `QFC_SDK_CONNECT_TIMEOUT_S` /
            `QFC_SDK_READ_TIMEOUT_S`, then 10 / 300. 0 or less disables one.
        concurrency: files transferred at once, at most (default DEFAULT_CONCURRENCY, at most
            MAX_CONCURRENCY); can be overridden per call.
        proxies: a requests proxies mapping, e.g. `{"https": "http://proxy:3128"}`.
        max_retries: retries of idempotent requests on 502/503/504 and connection errors.

    Raises QfcException for an invalid URL or timeout.
    """

    def __init__(
        self,
        url: Optional[str] = None,
        verify_ssl: Optional[VerifyType] = None,
        token: Optional[str] = None,
        connect_timeout: Optional[float] = None,
        read_timeout: Optional[float] = None,
        *,
        concurrency: Optional[int] = None,
        proxies: Optional[Mapping[str, str]] = None,
        max_retries: int = 3,
    ) -> None:
        if verify_ssl is None:
            verify_ssl = env_verify_ssl()
        self.concurrency = bounded_concurrency(concurrency or DEFAULT_CONCURRENCY)
        self.transport = Transport(
            url=url,
            token=token if token is not None else os.environ.get("QFIELDCLOUD_TOKEN", ""),
            verify=verify_ssl,
            connect_timeout=connect_timeout,
            read_timeout=read_timeout,
            proxies=proxies,
            pool_size=max(10, self.concurrency),
            max_retries=max_retries,
        )

    def close(self) -> None:
        """Close the pooled connections (the client can still be used: it reconnects)."""
        self.transport.session.close()

    def __enter__(self) -> "Client":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<Client url={mask_secrets(self.url)!r} authenticated={bool(self.token)}>"

    @property
    def token(self) -> str:
        return self.transport.token

    @token.setter
    def token(self, value: Optional[str]) -> None:
        self.transport.token = value or ""

    @property
    def verify_ssl(self) -> VerifyType:
        return self.transport.verify

    @property
    def session(self) -> requests.Session:
        return self.transport.session

    @property
    def connect_timeout(self) -> Optional[float]:
        return self.transport.connect_timeout

    @property
    def read_timeout(self) -> Optional[float]:
        return self.transport.read_timeout

    def login(self, username: str, password: str) -> Dict[str, Any]:
        """Log in and keep the new token; returns the login payload (token, username...)."""
        payload = self.transport.request_json(
            "POST",
            "auth/login/",
            json_body={"username": username, "password": password},
            skip_token=True,
        )
        if not isinstance(payload, dict) or not payload.get("token"):
            raise InvalidResponseError("The server's login answer has no token", url=self.url + "auth/login/")
        self.token = payload["token"]
        return payload

    def logout(self) -> Dict[str, Any]:
        """Expire all the user's tokens on the server (every client type) and forget ours."""
        payload = self.transport.request_json("POST", "auth/logout/")
        self.token = ""  # nosec B105: forgetting the token, not a hard-coded password
        return payload or {}

    def check_server_status(self) -> Dict[str, Any]:
        """GET status/ without the token: `{database|geodb, storage, ...}`."""
        return self.transport.request_json("GET", "status/", skip_token=True)

    def get_user(self) -> Dict[str, Any]:
        """The logged-in user (`auth/user/`): the cheap "is my token still valid" call."""
        return self.transport.request_json("GET", "auth/user/")
