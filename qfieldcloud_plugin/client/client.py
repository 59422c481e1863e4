"""The QFieldCloud client: one method per API endpoint, named like the official SDK.

Differences from the SDK, on purpose: timeouts and safe retries on every call, typed
exceptions (all subclasses of the SDK's `QfcException`), streamed uploads, verified and
atomic downloads, concurrent transfers with progress and cancel hooks, `patch_project`
sends every argument that is not None, and `throw_on_error` means "raise" everywhere.
"""

import functools
import errno
import logging
import os
import re
import time
from email.message import Message
from pathlib import Path
from typing import Any, Callable, Dict, Iterator, List, Mapping, Optional, Sequence, Set, Union, cast

import requests

from .checksums import ChecksumCache
from .download_record import DownloadRecord, holds_local_work
from .errors import (
    AuthenticationError,
    ChecksumMismatchError,
    FileChangedError,
    InvalidResponseError,
    JobTimeoutError,
    NotAppliedError,
    NotFoundError,
    QfcException,
    QfcRequestException,
    TransferCancelledError,
    TransferError,
    UnsafePathError,
    mask_secrets,
)
from .models import (
    DEFAULT_CONCURRENCY,
    DEFAULT_JOB_POLL_INTERVAL_S,
    DEFAULT_JOB_TIMEOUT_S,
    TERMINAL_JOB_STATUSES,
    CollaboratorModel,
    DeltaPushResponse,
    FileTransferStatus,
    FileTransferType,
    PROJECT_NAME_PATTERN,
    CancelCheck,
    JobTypes,
    OrganizationMemberModel,
    OrganizationMemberRole,
    Pagination,
    PathLike,
    ProgressCallback,
    ProjectCollaboratorRole,
    ProjectType,
    SubscriptionModel,
    TeamMemberModel,
    TeamModel,
)
from .names import (
    STATE_DIR,
    SafeJoiner,
    check_remote_name,
    is_qgis_project,
    is_state_name,
    match_glob,
    safe_join,
    url_path,
    url_segment,
    validate_glob,
)
from .batch import run_batch
from .disk import sync_files
from .download import fetch_resumable
from .local_files import list_local_files
from .multipart import SMALL_BODY_BYTES, MultipartFileBody
from .progress import ProgressTracker, StderrProgress
from .hashing import calc_etag, calc_sha256, same_content
from .staging import Staging
from .transport import Transport, VerifyType, env_verify_ssl

logger = logging.getLogger(__name__)


# What older servers may lack, named in the error they cause (see Transport.request's `feature`).
_TEAMS = "organization teams"
_seg = url_segment  # one URL path segment (ids, user names), checked and encoded


def _value(value: Any) -> Any:
    """Enum members go on the wire as their value."""
    return getattr(value, "value", value)


class Client:
    """A QFieldCloud API client (same methods and arguments as `qfieldcloud_sdk.sdk.Client`).

    Args:
        url: API URL; a server root such as `https://host/` is accepted. Defaults to env
            `QFIELDCLOUD_URL`, then `https://app.qfield.cloud/api/v1/`.
        verify_ssl: True (default; env `QFIELDCLOUD_VERIFY_SSL=0` disables), False, or the
            path of a CA bundle to trust.
        token: API token; defaults to env `QFIELDCLOUD_TOKEN`.
        connect_timeout, read_timeout: seconds; default env `QFC_SDK_CONNECT_TIMEOUT_S` /
            `QFC_SDK_READ_TIMEOUT_S`, then 10 / 300. 0 or less disables one.
        concurrency: parallel file transfers (default 4); can be overridden per call.
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
        self.concurrency = max(1, int(concurrency or DEFAULT_CONCURRENCY))
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
    def url(self) -> str:
        return self.transport.url

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

    def _workers(self, concurrency: Optional[int]) -> int:
        workers = max(1, int(concurrency or self.concurrency))
        if workers > self.concurrency and workers > 10:
            # Enough pooled connections that no worker opens a throwaway one.
            self.transport.resize_pool(workers)
        return workers

    # --- authentication and server -------------------------------------------------

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

    def create_user(
        self,
        username: str,
        password: str,
        email: str,
        exist_ok: bool = False,
    ) -> Optional[Dict[str, Any]]:
        """Create a user account (staff only); None if it exists and `exist_ok`."""
        try:
            return self.transport.request_json(
                "POST",
                "users/",
                json_body={"username": username, "password": password, "email": email},
            )
        except QfcRequestException as exc:
            if exist_ok and exc.status_code == 409:
                return None
            raise

    def check_server_status(self) -> Dict[str, Any]:
        """GET status/ without the token: `{database|geodb, storage, ...}`."""
        return self.transport.request_json("GET", "status/", skip_token=True)

    def get_user(self) -> Dict[str, Any]:
        """The logged-in user (`auth/user/`): the cheap "is my token still valid" call."""
        return self.transport.request_json("GET", "auth/user/")

    # --- projects ---------------------------------------------------------------------

    def list_projects(
        self,
        include_public: bool = False,
        pagination: Optional[Pagination] = None,
        **kwargs: Any,
    ) -> List[Dict[str, Any]]:
        """Projects the user has a role on (plus public ones if asked), all pages unless paginated."""
        return list(self.iter_projects(include_public, pagination, **kwargs))

    def iter_projects(
        self,
        include_public: bool = False,
        pagination: Optional[Pagination] = None,
        **kwargs: Any,
    ) -> Iterator[Dict[str, Any]]:
        """Like `list_projects`, yielding projects as each page (1,000 per request) arrives."""
        params = {"include-public": "1" if include_public else "0"}
        params.update({k: str(_value(v)) for k, v in kwargs.items() if v is not None})
        return self.transport.iter_pages("projects/", params, pagination)

    def get_project(self, project_id: str) -> Dict[str, Any]:
        return self.transport.request_json("GET", f"projects/{_seg(project_id)}/")

    def get_project_seed(self, project_id: str) -> Dict[str, Any]:
        return self.transport.request_json("GET", f"projects/{_seg(project_id)}/seed/", feature="project seeds")

    def get_project_seed_xlsform(self, project_id: str, destination_dir: str) -> Optional[str]:
        """Download the project's seed XLSForm into `destination_dir`; returns its path."""
        return self._download_seed_file(project_id, "xlsform", destination_dir, "xlsform.xlsx")

    def get_project_seed_json2qgis(self, project_id: str, destination_dir: str) -> Optional[str]:
        """Download the project's seed JSON2QGIS file into `destination_dir`; returns its path."""
        return self._download_seed_file(project_id, "json2qgis", destination_dir, "json2qgis.json")

    def _download_seed_file(self, project_id: str, kind: str, destination_dir: str, default: str) -> Optional[str]:
        response = self.transport.request(
            "GET", f"projects/{_seg(project_id)}/seed/{kind}/", feature="project seeds", stream=True
        )
        if response.status_code != 200:
            response.close()
            return None
        message = Message()
        message["Content-Disposition"] = response.headers.get("Content-Disposition", "")
        # Only the base name of the server's suggestion is used, never a path.
        filename = os.path.basename((message.get_filename() or "").replace("\\", "/")) or default
        if filename in (".", "..") or filename.startswith("."):
            filename = default
        target = safe_join(destination_dir, filename)
        # The answer is already open: the one "fetch" hands it over (no retry, no checksum listed).
        fetch_resumable(lambda _headers: response, target, display_name=filename)
        return str(target)

    def create_project(
        self,
        name: str,
        owner: Optional[str] = None,
        description: str = "",
        is_public: bool = False,
        public_collaborator_role: Optional[ProjectCollaboratorRole] = None,
        project_type: Optional[ProjectType] = None,
        clone_from_project: Optional[str] = None,
    ) -> Dict[str, Any]:
        """Create a project (owner defaults to the caller); the answer may lack `user_role`."""
        check_project_name(name)
        data: Dict[str, Any] = {"name": name, "description": description or "", "is_public": bool(is_public)}
        if owner:
            data["owner"] = owner
        if public_collaborator_role is not None:
            data["public_collaborator_role"] = _value(public_collaborator_role)
        if project_type is not None:
            data["project_type"] = _value(project_type)
        if clone_from_project is not None:
            data["clone_from_project"] = clone_from_project
        return self.transport.request_json("POST", "projects/", json_body=data)

    def patch_project(
        self,
        project_id: str,
        name: Optional[str] = None,
        owner: Optional[str] = None,
        description: Optional[str] = None,
        is_public: Optional[bool] = None,
        public_collaborator_role: Optional[ProjectCollaboratorRole] = None,
        project_type: Optional[ProjectType] = None,
    ) -> Dict[str, Any]:
        """Change the given fields; every argument that is not None is sent, even False or ""."""
        if name is not None:
            check_project_name(name)
        fields = {
            "name": name,
            "owner": owner,
            "description": description,
            "is_public": is_public,
            "public_collaborator_role": public_collaborator_role,
            "project_type": project_type,
        }
        data = {key: _value(value) for key, value in fields.items() if value is not None}
        return self.transport.request_json("PATCH", f"projects/{_seg(project_id)}/", json_body=data)

    def delete_project(self, project_id: str) -> requests.Response:
        """Delete a project and all its files (204)."""
        return self.transport.request("DELETE", f"projects/{_seg(project_id)}/")

    def upload_project_thumbnail(self, project_id: str, local_filename: str) -> requests.Response:
        """Upload a png/jpg thumbnail (multipart part `thumbnail`)."""
        content_type = "image/png" if str(local_filename).lower().endswith(".png") else "image/jpeg"
        body = MultipartFileBody(local_filename, field_name="thumbnail", content_type=content_type)
        return self.transport.request(
            "POST",
            f"projects/{_seg(project_id)}/thumbnail/",
            feature="project thumbnails",
            data=body,
            headers={"Content-Type": body.content_type, "Accept": "application/json"},
            retry=True,
        )

    # --- files ------------------------------------------------------------------------

    def list_remote_files(self, project_id: str, skip_metadata: bool = True) -> List[Dict[str, Any]]:
        """The project's files (latest version metadata + `versions`), with `etag` = `md5sum`."""
        return list(self.iter_remote_files(project_id, skip_metadata))

    def iter_remote_files(self, project_id: str, skip_metadata: bool = True) -> Iterator[Dict[str, Any]]:
        """Like `list_remote_files`, yielding files as each page (1,000 per request) arrives."""
        params = {"skip_metadata": "1" if skip_metadata else "0"}
        for file in self.transport.iter_pages(f"files/{_seg(project_id)}/", params):
            problem = _listing_entry_problem(file)
            if problem:
                raise InvalidResponseError(
                    f"The server's file listing is not usable: {problem}",
                    url=self.url + f"files/{_seg(project_id)}/",
                    method="GET",
                )
            yield {"etag": file.get("md5sum"), **file}

    def list_local_files(self, root_path: str, filter_glob: str = "*") -> List[Dict[str, Any]]:
        """Local files to upload: POSIX `name`, `absolute_filename`, `size`; QGIS files last.

        Paths with a segment starting with '.' or ending with '~' are skipped, and so are
        those matched by `root_path/.qfieldcloudignore` (gitignore syntax).
        """
        return list_local_files(root_path, filter_glob)

    def upload_files(
        self,
        project_id: str,
        upload_type: FileTransferType,
        project_path: str,
        filter_glob: str = "*",
        throw_on_error: bool = False,
        show_progress: bool = False,
        force: bool = False,
        job_id: str = "",
        *,
        progress_callback: Optional[ProgressCallback] = None,
        is_cancelled: Optional[CancelCheck] = None,
        concurrency: Optional[int] = None,
        verify: bool = True,
        names: Optional[Sequence[str]] = None,
        still_as_planned: Optional[Callable[[str, Path, Optional[Dict[str, Any]]], Optional[str]]] = None,
    ) -> List[Dict[str, Any]]:
        """Upload the local files of `project_path` matching `filter_glob`; QGIS files go last.

        The one upload engine of the CLI, the plugin, Processing and Synchronize. Files listed
        in `.qfieldcloudignore` are left out; `names` (POSIX names in the folder) uploads
        exactly those instead. Files whose local etag equals the remote `md5sum` are skipped
        unless `force` (`skipped: True`). `still_as_planned(name, local path, server entry or
        None)`, asked just before each file is sent, re-checks a plan the user approved: a
        reason it returns fails that file unsent. QGIS project files are sent last, and not
        at all when a data file failed: the server's project job must see complete data.

        With `verify` (project uploads), each uploaded file is then checked against the
        server's listing (size and sha256 of exactly what was sent); a file the server stored
        wrongly is sent once more, then reported FAILED with ChecksumMismatchError. A verified
        file carries the server's entry for it in `remote`. Returns every local file dict with
        `status` (FileTransferStatus) and `error`. `throw_on_error` raises the first failure.
        A 401 stops the batch (the other files stay PENDING). Files that are not sent because
        of their name or a link out of the folder are listed last, FAILED with
        UnsafePathError (`refused`); the others still go. `progress_callback` and
        `is_cancelled()` are called from worker threads; a cancel raises TransferCancelledError.
        """
        upload_type = FileTransferType(_value(upload_type))
        local_files, refused = _files_to_upload(project_path, filter_glob, names)
        if upload_type == FileTransferType.PACKAGE:
            force = True
            verify = False  # package files are listed by the package job, not by files/
            if not job_id:
                raise QfcException('When the upload type is "package", you must pass the "job_id" parameter.')
        remote: Dict[str, Dict[str, Any]] = {}
        if (not force or still_as_planned is not None) and local_files:
            remote = {f["name"]: f for f in self.list_remote_files(project_id, skip_metadata=False)}
        for file in local_files:
            file["skipped"] = False
        tracker = ProgressTracker(
            progress_callback or (StderrProgress() if show_progress else None),
            len(local_files),
            sum(f["size"] for f in local_files),
        )
        checksums = ChecksumCache(project_path)

        def work(file: Dict[str, Any], report: Callable[[int, int], None], should_stop: CancelCheck) -> None:
            name, path = file["name"], Path(file["absolute_filename"])
            if still_as_planned is not None:
                changed = still_as_planned(name, path, remote.get(name))
                if changed:
                    raise TransferError(f'"{name}" {changed}; not sent')
            remote_etag = None if force else (remote.get(name) or {}).get("md5sum")
            if remote_etag and checksums.etag(name, path) == remote_etag:
                file["skipped"] = True
                return
            file["sha256"], file["size"] = self._upload_one(
                project_id,
                upload_type,
                path,
                name,
                job_id,
                report,
                should_stop,
            )

        data_files = [f for f in local_files if not is_qgis_project(f["name"])]
        project_files = [f for f in local_files if is_qgis_project(f["name"])]
        workers = self._workers(concurrency)
        try:
            for batch in (data_files, project_files):
                if batch is project_files and any(f["status"] == FileTransferStatus.FAILED for f in data_files):
                    for file in batch:
                        _fail(file, TransferError(f'"{file["name"]}" not sent: some data files failed to upload'))
                    break
                run_batch(
                    batch,
                    work,
                    tracker=tracker,
                    concurrency=workers,
                    is_cancelled=is_cancelled,
                    throw_on_error=throw_on_error,
                    on_interrupt=self.transport.abort_transfers,
                )
                if verify:
                    self._verify_uploads(project_id, upload_type, batch, job_id, throw_on_error, remote)
                if any(isinstance(f.get("error"), AuthenticationError) for f in batch):
                    break
        finally:
            checksums.save()
        if throw_on_error and refused:
            raise refused[0]["error"]
        return local_files + refused

    def _upload_one(
        self,
        project_id: str,
        upload_type: FileTransferType,
        local_path: Path,
        remote_name: str,
        job_id: str,
        report: Optional[Callable[[int, int], None]],
        should_stop: Optional[CancelCheck],
    ) -> "tuple[Optional[str], int]":
        """POST one file (retried with the whole body on transient failures); SHA-256 and size of what was sent."""
        if upload_type == FileTransferType.PROJECT:
            path = f"files/{_seg(project_id)}/{url_path(remote_name)}/"
        else:
            path = f"packages/{_seg(project_id)}/{_seg(job_id)}/files/{url_path(remote_name)}/"
        _response, body = self._send_file(path, local_path, remote_name, report, should_stop)
        return body.sent_sha256, body.size

    def _send_file(
        self,
        path: str,
        local_path: PathLike,
        remote_name: str,
        report: Optional[Callable[[int, int], None]],
        should_stop: Optional[CancelCheck],
        attempts: int = 3,
    ) -> "tuple[requests.Response, MultipartFileBody]":
        """POST a file as multipart; the answer and the body sent (`sent_sha256`, `size`: exactly what was sent).

        A file that changes while it is read is never stored torn (see MultipartFileBody): it
        is read and sent again from the start, `attempts` times in all, then FileChangedError.
        Retrying a POST is safe here: a duplicate is only one more version, and the caller
        verifies by reading the listing back. An HTML page instead of the JSON answer is retried too.
        """
        for attempt in range(attempts):
            body = MultipartFileBody(
                local_path, filename=os.path.basename(remote_name), on_progress=report, should_stop=should_stop
            )
            try:
                data: Any = body.to_bytes() if body.size <= SMALL_BODY_BYTES else body
                response, _payload = self.transport.request_decoded(
                    "POST",
                    path,
                    data=data,
                    headers={"Content-Type": body.content_type, "Accept": "application/json"},
                    retry=True,
                )
                return response, body
            except FileChangedError:
                if attempt == attempts - 1:
                    raise
                self.transport.stats.add("bytes_resent", body.size)
                logger.info('"%s" changed while it was being uploaded; sending it again', remote_name)
        raise AssertionError("unreachable")  # pragma: no cover

    def _verify_uploads(
        self,
        project_id: str,
        upload_type: FileTransferType,
        files: List[Dict[str, Any]],
        job_id: str,
        throw_on_error: bool,
        known: Dict[str, Dict[str, Any]],
    ) -> None:
        """Read the listing back; send again what the server does not hold as sent, then give up.

        Each verified file gets the server's entry in `remote`; so does a skipped one, from `known`.
        """
        for file in files:
            if file.get("skipped") and file["name"] in known:
                file["remote"] = known[file["name"]]
        sent = [f for f in files if f.get("status") == FileTransferStatus.SUCCESS and not f.get("skipped")]
        wrong: List[Dict[str, Any]] = []
        listing: Dict[str, Dict[str, Any]] = {}
        for attempt in range(self.transport.max_retries + 2):
            if not sent:
                break
            try:
                listing = {f["name"]: f for f in self.list_remote_files(project_id, skip_metadata=False)}
            except QfcRequestException as exc:
                for file in sent:
                    _fail(file, QfcException(f'"{file["name"]}" was sent but could not be verified: {exc}'))
                if throw_on_error:
                    raise
                return
            wrong = []
            for file in sent:
                if _stored_as_sent(file, listing.get(file["name"])):
                    file["remote"] = listing[file["name"]]
                else:
                    wrong.append(file)
            if wrong and attempt == 0:
                # A listing can be wrong on its own (a proxy, a race): ask once more before re-sending.
                sent = wrong
                continue
            if not wrong or attempt > self.transport.max_retries:
                break
            self._send_again(project_id, upload_type, wrong, job_id, throw_on_error)
            sent = [f for f in wrong if f.get("status") == FileTransferStatus.SUCCESS]
            wrong = sent
        _fail_not_stored_as_sent(wrong, listing, throw_on_error)

    def _send_again(
        self,
        project_id: str,
        upload_type: FileTransferType,
        files: List[Dict[str, Any]],
        job_id: str,
        throw_on_error: bool,
    ) -> None:
        """Upload `files` once more, one after the other; a failure fails that file."""
        for file in files:
            self.transport.stats.add("checksum_retries")
            self.transport.stats.add("bytes_resent", file["size"])
            try:
                file["sha256"], file["size"] = self._upload_one(
                    project_id,
                    upload_type,
                    Path(file["absolute_filename"]),
                    file["name"],
                    job_id,
                    None,
                    None,
                )
            except (QfcException, OSError) as exc:
                _fail(file, exc)
                if throw_on_error:
                    raise

    def verify_upload(self, project_id: str, local_filename: PathLike, remote_filename: str) -> Dict[str, Any]:
        """Check that the server's latest `remote_filename` has the local file's size and sha256.

        Returns the server's file dict; raises ChecksumMismatchError if it differs or is missing.
        """
        local = {
            "size": os.path.getsize(local_filename),
            "sha256": calc_sha256(local_filename),
            "absolute_filename": os.fspath(local_filename),
        }
        for _attempt in range(2):
            remote = self._fresh_file_info(project_id, FileTransferType.PROJECT, remote_filename)
            if _stored_as_sent(local, remote):
                return cast(Dict[str, Any], remote)
        raise ChecksumMismatchError(
            f'"{remote_filename}" on the server does not match the local file '
            f"({local['size']} bytes, sha256 {local['sha256']})"
        )

    def upload_file(
        self,
        project_id: str,
        upload_type: FileTransferType,
        local_filename: PathLike,
        remote_filename: PathLike,
        show_progress: bool = False,
        job_id: str = "",
        *,
        progress_callback: Optional[ProgressCallback] = None,
        is_cancelled: Optional[CancelCheck] = None,
        verify: bool = False,
        _report: Optional[Callable[[int, int], None]] = None,
        _should_stop: Optional[CancelCheck] = None,
    ) -> requests.Response:
        """Upload one file, streamed from disk; `remote_filename` is its POSIX name in the project.

        With `verify`, the server's listing is read back afterwards (see `verify_upload`);
        a mismatch raises ChecksumMismatchError.
        """
        remote_name = Path(remote_filename).as_posix() if not isinstance(remote_filename, str) else remote_filename
        check_remote_name(remote_name)
        upload_type = FileTransferType(_value(upload_type))
        if upload_type == FileTransferType.PROJECT:
            path = f"files/{_seg(project_id)}/{url_path(remote_name)}/"
        else:
            if not job_id:
                raise QfcException('When the upload type is "package", you must pass the "job_id" parameter.')
            path = f"packages/{_seg(project_id)}/{_seg(job_id)}/files/{url_path(remote_name)}/"
        report = _report
        if report is None and (progress_callback or show_progress):
            size = os.path.getsize(local_filename)
            tracker = ProgressTracker(progress_callback or StderrProgress(), 1, size)
            report = functools.partial(tracker.update, remote_name)
        should_stop = _should_stop or is_cancelled
        response, _sent = self._send_file(path, local_filename, remote_name, report, should_stop)
        if verify and upload_type == FileTransferType.PROJECT:
            self.verify_upload(project_id, local_filename, remote_name)
        return response

    def download_project(
        self,
        project_id: str,
        local_dir: str,
        filter_glob: str = "*",
        throw_on_error: bool = False,
        show_progress: bool = False,
        force_download: bool = False,
        *,
        progress_callback: Optional[ProgressCallback] = None,
        is_cancelled: Optional[CancelCheck] = None,
        concurrency: Optional[int] = None,
        keep_local_versions: bool = True,
    ) -> List[Dict[str, Any]]:
        """Download the project's files matching `filter_glob` into `local_dir` (see download_files)."""
        validate_glob(filter_glob)
        files = self.list_remote_files(project_id, skip_metadata=False)
        return self.download_files(
            files,
            project_id,
            FileTransferType.PROJECT,
            local_dir,
            filter_glob,
            throw_on_error,
            show_progress,
            force_download,
            progress_callback=progress_callback,
            is_cancelled=is_cancelled,
            concurrency=concurrency,
            keep_local_versions=keep_local_versions,
        )

    def download_files(
        self,
        files: List[Dict[str, Any]],
        project_id: str,
        download_type: FileTransferType,
        local_dir: str,
        filter_glob: str = "*",
        throw_on_error: bool = False,
        show_progress: bool = False,
        force_download: bool = False,
        *,
        progress_callback: Optional[ProgressCallback] = None,
        is_cancelled: Optional[CancelCheck] = None,
        concurrency: Optional[int] = None,
        keep_local_versions: Union[bool, Callable[[str, Path], bool]] = True,
        still_as_planned: Optional[Callable[[str, Path], bool]] = None,
    ) -> List[Dict[str, Any]]:
        """Download the given remote file dicts that match `filter_glob` into `local_dir`.

        A name that cannot be written safely is refused before any request: one that would
        land outside `local_dir` or has control characters, one in the plugin's own
        `.qfieldcloud/` folder, and one where a local folder (or a file, for a name inside a
        folder) is in the way. That file is FAILED with UnsafePathError (`refused: True`);
        the others still download. A local file whose etag equals the remote `md5sum` is
        skipped unless `force_download` (`skipped: True`).

        The files are staged in `local_dir/.qfieldcloud/staging/`, each resumed with `Range`
        after a broken connection and verified against its sha256 (or etag) and size, and
        moved into `local_dir` only when every file arrived and verified, crash-safely (see
        `staging.py`). When some file failed, nothing in `local_dir` changes: the others are
        reported FAILED with NotAppliedError, and their verified staged copies are reused by
        the next call. A replaced local file that differs from what was last downloaded is
        kept in `.qfieldcloud/trash/<time>/` (its path in `kept_local_version`), unless
        `keep_local_versions` is False; a callable `(name, local path) -> bool` decides instead.
        `still_as_planned(name, local path)`, asked just before the files move, re-checks a
        plan the user approved: a file for which it is False is left as it is and reported
        FAILED ("changed since the plan was shown"), the others are applied. `verified` says
        whether a checksum or size proved the content. Returns the matched dicts with `status`
        and `error`; `throw_on_error` raises the first failure. A 401 stops the batch.
        """
        download_type = FileTransferType(_value(download_type))
        pattern = validate_glob(filter_glob)
        selected = [f for f in files if isinstance(f, dict) and match_glob(str(f.get("name", "")), pattern)]
        for file in selected:
            file.update(status=FileTransferStatus.PENDING, error=None, skipped=False, verified=False)
        staging = Staging(local_dir)
        staging.recover()
        targets = _download_targets(selected, local_dir)
        batch = [f for f in selected if id(f) in targets]
        tracker = ProgressTracker(
            progress_callback or (StderrProgress() if show_progress else None),
            len(batch),
            sum(_size_of(f) or 0 for f in batch),
        )
        checksums = ChecksumCache(local_dir)
        verified: Dict[int, Dict[str, Any]] = {}

        def work(file: Dict[str, Any], report: Callable[[int, int], None], should_stop: CancelCheck) -> None:
            current, headers = _local_copy(file, targets[id(file)], checksums, force_download)
            if current:
                file["skipped"] = file["verified"] = True
                return
            staged = staging.path_for(file["name"])
            if staging.reusable(staged, file):
                file["staged"], file["verified"] = staged, True
                return
            checks = verified[id(file)] = {}
            try:
                response = self._download_one(
                    project_id,
                    download_type,
                    file["name"],
                    staged,
                    headers,
                    file,
                    report,
                    should_stop,
                    verified=checks,
                    durable=False,
                )
            except OSError as exc:
                if exc.errno not in _NAME_ERRNOS:
                    raise
                raise _refused_name(file, exc) from None
            if response is None:
                file["skipped"] = file["verified"] = True  # 304: the local file is current
            else:
                file["staged"] = staged
                file["verified"] = bool(checks.get("etag") or checks.get("sha256") or checks.get("size") is not None)

        try:
            run_batch(
                batch,
                work,
                tracker=tracker,
                concurrency=self._workers(concurrency),
                is_cancelled=is_cancelled,
                throw_on_error=throw_on_error,
                on_interrupt=self.transport.abort_transfers,
            )
        except TransferCancelledError:
            staging.finish(keep=False)
            checksums.save()
            raise
        except BaseException as exc:
            staging.finish(keep=not _disk_full(exc))
            checksums.save()
            raise
        failed = [f for f in batch if f["status"] != FileTransferStatus.SUCCESS and not f.get("refused")]
        to_apply = [f for f in batch if f.get("staged") is not None and f["status"] == FileTransferStatus.SUCCESS]
        if failed:
            _fail_not_applied(to_apply, failed)
            # A full disk must not stay full with staged copies; other failures keep them for the next call.
            staging.finish(keep=not any(_disk_full(f.get("error")) for f in failed))
            checksums.save()
            self._raise_first_refusal(selected, throw_on_error)
            return selected
        if still_as_planned is not None:
            to_apply = _still_as_planned(to_apply, targets, still_as_planned)
        record = DownloadRecord(local_dir)
        try:
            # Staged files were not fsync'ed one by one (see sync_files); one sync covers them all.
            sync_files(staging.dir, [f["staged"] for f in to_apply])
            kept = staging.apply(
                [(f["name"], f["staged"], targets[id(f)]) for f in to_apply],
                keep=_keep_rule(keep_local_versions, record, checksums),
            )
        except TransferError as exc:
            for file in to_apply:
                _fail(file, exc)
            staging.finish(keep=not _disk_full(exc))
            checksums.save()
            if throw_on_error:
                raise
            return selected
        staging.finish(keep=False)
        record.update(_arrived(batch, verified, kept, targets, checksums))
        checksums.save()
        self._raise_first_refusal(selected, throw_on_error)
        return selected

    @staticmethod
    def _raise_first_refusal(files: List[Dict[str, Any]], throw_on_error: bool) -> None:
        refused = next((f for f in files if f.get("refused")), None)
        if throw_on_error and refused is not None:
            raise refused["error"]

    def _download_one(
        self,
        project_id: str,
        download_type: FileTransferType,
        remote_name: str,
        write_to: Path,
        headers: Dict[str, str],
        remote: Dict[str, Any],
        report: Optional[Callable[[int, int], None]],
        should_stop: Optional[CancelCheck],
        verified: Optional[Dict[str, Any]] = None,
        durable: bool = True,
    ) -> Optional[requests.Response]:
        """GET one file into `write_to`, resumed and verified; a mismatch is fetched again.

        Before fetching again, the file's listing entry is read afresh: the one we had may
        have been wrong or out of date. Returns the last (closed) response, None for a 304.
        `verified` receives the checksums the written file was checked against (`etag`, `sha256`).
        `durable=False`: small files are not fsync'ed; the caller must `sync_files` them.
        """
        if download_type == FileTransferType.PROJECT:
            path = f"files/{_seg(project_id)}/{url_path(remote_name)}/"
        else:
            path = f"packages/{_seg(project_id)}/latest/files/{url_path(remote_name)}/"
        expected = dict(remote)
        transport = self.transport
        for attempt in range(transport.max_retries + 1):
            if should_stop and should_stop():
                raise TransferCancelledError(f'Download of "{remote_name}" cancelled')
            size = expected.get("size")
            if verified is not None:
                verified.clear()
                verified.update(etag=expected.get("md5sum") or expected.get("etag"), sha256=expected.get("sha256"))
            try:
                return fetch_resumable(
                    lambda extra: transport.request("GET", path, headers=extra, stream=True),
                    write_to,
                    first_headers=headers,
                    expected_size=_size_of(expected),
                    expected_sha256=expected.get("sha256"),
                    expected_etag=expected.get("md5sum") or expected.get("etag"),
                    max_retries=transport.max_retries,
                    stats=transport.stats,
                    on_progress=report,
                    should_stop=should_stop,
                    display_name=remote_name,
                    backoff=lambda n: transport.watch.sleep(transport._backoff(n)),
                    durable=durable,
                    watch=transport.watch,
                )
            except ChecksumMismatchError:
                if attempt == transport.max_retries:
                    raise
                transport.stats.add("checksum_retries")
                transport.stats.add("bytes_refetched", int(size or 0))
                fresh = self._fresh_file_info(project_id, download_type, remote_name)
                if attempt >= 1 and (not fresh or _same_checks(fresh, expected)):
                    raise  # the same listing a second time: fetching again would only fail again
                if fresh:
                    expected = fresh
                headers = {}
        raise AssertionError("unreachable")  # pragma: no cover

    def _fresh_file_info(
        self,
        project_id: str,
        download_type: FileTransferType,
        remote_name: str,
    ) -> Optional[Dict[str, Any]]:
        """The file's current listing entry (size, md5sum, sha256), or None if it has none."""
        try:
            if download_type == FileTransferType.PACKAGE:
                files = self.package_latest(project_id).get("files") or []
            else:
                try:
                    info = self.transport.request_json(
                        "GET", f"files/metadata/{_seg(project_id)}/{url_path(remote_name)}/"
                    )
                    return info if isinstance(info, dict) else None
                except (NotFoundError, InvalidResponseError):
                    files = self.list_remote_files(project_id, skip_metadata=False)  # servers without metadata/
            return next((f for f in files if f.get("name") == remote_name), None)
        except QfcRequestException as exc:
            logger.info('Could not read the listing of "%s" again: %s', remote_name, exc)
            return None

    def download_file(
        self,
        project_id: str,
        download_type: FileTransferType,
        local_filename: PathLike,
        remote_filename: PathLike,
        show_progress: bool = False,
        remote_etag: Optional[str] = None,
        *,
        remote_sha256: Optional[str] = None,
        remote_md5sum: Optional[str] = None,
        remote_size: Optional[int] = None,
        progress_callback: Optional[ProgressCallback] = None,
        is_cancelled: Optional[CancelCheck] = None,
    ) -> Optional[requests.Response]:
        """Download one file to `local_filename` atomically; None when it was already up to date.

        With `remote_etag`, a local file with that etag is kept without a request, and a
        differing one is sent as `If-None-Match` (a 304 keeps it). A broken connection is
        resumed with `Range`. The result is checked against `remote_size` and
        `remote_sha256`, else `remote_md5sum`/`remote_etag` (etag rule); on a mismatch the
        file is fetched again, then ChecksumMismatchError is raised. Returns the last
        (closed) response.
        """
        remote_name = Path(remote_filename).as_posix() if not isinstance(remote_filename, str) else remote_filename
        check_remote_name(remote_name)
        local_path = Path(local_filename)
        download_type = FileTransferType(_value(download_type))
        headers: Dict[str, str] = {}
        if remote_etag and local_path.is_file():
            local_etag = calc_etag(local_path)
            if local_etag == remote_etag:
                logger.info('Skipping "%s": the local file is up to date', remote_name)
                return None
            headers["If-None-Match"] = local_etag
        tracker = (
            ProgressTracker(progress_callback or StderrProgress(), 1, remote_size or 0)
            if progress_callback or show_progress
            else None
        )  # the batch size: 0 when unknown
        report = functools.partial(tracker.update, remote_name) if tracker else None
        if is_cancelled and is_cancelled():
            raise TransferCancelledError(f'Download of "{remote_name}" cancelled')
        remote = {"size": remote_size, "sha256": remote_sha256, "md5sum": remote_md5sum or remote_etag}
        response = self._download_one(
            project_id, download_type, remote_name, local_path, headers, remote, report, is_cancelled
        )
        if tracker:
            tracker.finish(remote_name, local_path.stat().st_size)  # the file's line on stderr, or the last event
        return response

    def delete_files(
        self,
        project_id: str,
        glob_patterns: List[str],
        throw_on_error: bool = False,
        finished_cb: Optional[Callable[[Dict[str, Any]], None]] = None,
    ) -> Dict[str, List[Dict[str, Any]]]:
        """Delete every remote file matching one of the patterns; results grouped by pattern.

        `throw_on_error=True` raises the first failure (the SDK inverts this; we do not).
        """
        if isinstance(glob_patterns, str):
            glob_patterns = [glob_patterns]
        patterns = [validate_glob(p) for p in glob_patterns]
        project_files = self.list_remote_files(project_id)
        results: Dict[str, List[Dict[str, Any]]] = {}
        claimed = set()
        for pattern in patterns:
            results[pattern] = []
            for file in project_files:
                if file["name"] in claimed or not match_glob(file["name"], pattern):
                    continue
                claimed.add(file["name"])
                file["status"] = FileTransferStatus.PENDING
                file["error"] = None
                results[pattern].append(file)
        for files in results.values():
            for file in files:
                try:
                    self.transport.request("DELETE", f"files/{_seg(project_id)}/{url_path(file['name'])}/")
                    file["status"] = FileTransferStatus.SUCCESS
                except QfcException as exc:  # a refusal, a refused name (UnsafePathError)
                    file["status"] = FileTransferStatus.FAILED
                    file["error"] = exc
                    logger.info('Could not delete "%s": %s', file["name"], exc)
                    if throw_on_error:
                        raise
                finally:
                    if callable(finished_cb):
                        finished_cb(file)
        return results

    def delete_file(self, project_id: str, filename: str, version_id: Optional[str] = None) -> requests.Response:
        """Delete a file with all its versions, or only `version_id` (204, 200 on 2024-09)."""
        headers = {"x-file-version": str(version_id)} if version_id else {}
        return self.transport.request(
            "DELETE",
            f"files/{_seg(project_id)}/{url_path(filename)}/",
            headers=headers,
        )

    # --- jobs, deltas, packages -------------------------------------------------------

    def list_jobs(
        self,
        project_id: str,
        job_type: Optional[JobTypes] = None,
        pagination: Optional[Pagination] = None,
    ) -> List[Dict[str, Any]]:
        """The project's jobs, filtered by `job_type` here because the server ignores `type`."""
        # project_id also goes in the body: servers of 2024-09 read it from there.
        jobs = self.transport.paginate(
            "jobs/",
            {"project_id": project_id},
            pagination,
            json_body={"project_id": project_id},
        )
        if job_type is not None:
            wanted = _value(job_type)
            jobs = [job for job in jobs if job.get("type") == wanted]
        return jobs

    def job_trigger(self, project_id: str, job_type: JobTypes, force: bool = False) -> Dict[str, Any]:
        """Start a job (201), or get the active `package` job back (200) unless `force`."""
        return self.transport.request_json(
            "POST",
            "jobs/",
            json_body={"project_id": project_id, "type": _value(job_type), "force": int(bool(force))},
        )

    def job_status(self, job_id: str) -> Dict[str, Any]:
        """The job with `status`, `feedback` and `output` (403 for an unknown id)."""
        return self.transport.request_json("GET", f"jobs/{_seg(job_id)}/")

    def job_wait(
        self,
        job_id: str,
        timeout: float = DEFAULT_JOB_TIMEOUT_S,
        poll_interval: float = DEFAULT_JOB_POLL_INTERVAL_S,
        *,
        is_cancelled: Optional[CancelCheck] = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> Dict[str, Any]:
        """Poll the job until it is finished, failed or stopped; returns the last job dict.

        Raises JobTimeoutError after `timeout` seconds, TransferCancelledError if
        `is_cancelled()` becomes true. A failed job is returned, not raised.
        """
        deadline = time.monotonic() + max(0.0, timeout)
        while True:
            job = self.job_status(job_id)
            if job.get("status") in TERMINAL_JOB_STATUSES:
                return job
            if is_cancelled and is_cancelled():
                raise TransferCancelledError(f'Stopped waiting for job "{job_id}"')
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise JobTimeoutError(
                    f'Job "{job_id}" is still "{job.get("status")}" after {timeout:g} s',
                    job=job,
                )
            sleep(min(max(0.0, poll_interval), remaining))

    def push_delta(self, project_id: str, delta_filename: str) -> DeltaPushResponse:
        """Upload a deltafile (multipart `file`); returns the JSON answer, `{}` when empty."""
        body = MultipartFileBody(delta_filename, field_name="file", content_type="application/json")
        payload = self.transport.request_json(
            "POST",
            f"deltas/{_seg(project_id)}/",
            data=body,
            headers={"Content-Type": body.content_type, "Accept": "application/json"},
        )
        return cast(DeltaPushResponse, payload if payload is not None else {})

    def list_deltas(self, project_id: str) -> List[Dict[str, Any]]:
        """The project's deltas (QField's edits), each with `created_by`, `created_at` and `status` (our addition)."""
        return self.transport.paginate(f"deltas/{_seg(project_id)}/")

    def package_latest(self, project_id: str) -> Dict[str, Any]:
        """The latest package: `{files, layers, status, package_id, ...}` (400 before any)."""
        return self.transport.request_json("GET", f"packages/{_seg(project_id)}/latest/")

    def package_download(
        self,
        project_id: str,
        local_dir: str,
        filter_glob: str = "*",
        throw_on_error: bool = False,
        show_progress: bool = False,
        force_download: bool = False,
        *,
        progress_callback: Optional[ProgressCallback] = None,
        is_cancelled: Optional[CancelCheck] = None,
        concurrency: Optional[int] = None,
        keep_local_versions: bool = True,
    ) -> List[Dict[str, Any]]:
        """Download the latest package's files; raises QfcException unless it is `finished`."""
        validate_glob(filter_glob)
        try:
            package = self.package_latest(project_id)
        except QfcRequestException as exc:
            if exc.status_code != 400 or exc.code not in (None, "invalid_job"):
                raise
            raise QfcException(
                f'The project has no package yet. Trigger one with job_trigger("{project_id}", "package") '
                f"(CLI: job-trigger {project_id} package, then job-wait) and download it when it is finished"
            ) from None
        if package.get("status") != "finished":
            raise QfcException(
                f'The project has no finished package (status "{package.get("status")}"). '
                f'Trigger one with job_trigger("{project_id}", "package") and wait for it.'
            )
        return self.download_files(
            list(package.get("files") or []),
            project_id,
            FileTransferType.PACKAGE,
            local_dir,
            filter_glob,
            throw_on_error,
            show_progress,
            force_download,
            progress_callback=progress_callback,
            is_cancelled=is_cancelled,
            concurrency=concurrency,
            keep_local_versions=keep_local_versions,
        )

    # --- collaborators ------------------------------------------------------------------

    def get_project_collaborators(self, project_id: str) -> List[CollaboratorModel]:
        return cast(List[CollaboratorModel], self.transport.paginate(f"collaborators/{_seg(project_id)}/"))

    def add_project_collaborator(
        self,
        project_id: str,
        username: str,
        role: ProjectCollaboratorRole,
    ) -> CollaboratorModel:
        return self.transport.request_json(
            "POST",
            f"collaborators/{_seg(project_id)}/",
            json_body={"collaborator": username, "role": _value(role)},
        )

    def remove_project_collaborator(self, project_id: str, username: str) -> None:
        self.transport.request("DELETE", f"collaborators/{_seg(project_id)}/{_seg(username)}/")

    def patch_project_collaborators(
        self,
        project_id: str,
        username: str,
        role: ProjectCollaboratorRole,
    ) -> CollaboratorModel:
        return self.transport.request_json(
            "PATCH",
            f"collaborators/{_seg(project_id)}/{_seg(username)}/",
            json_body={"role": _value(role)},
        )

    # --- organization members -------------------------------------------------------------

    def get_organization_members(self, organization: str) -> List[OrganizationMemberModel]:
        return cast(List[OrganizationMemberModel], self.transport.paginate(f"members/{_seg(organization)}/"))

    def add_organization_member(
        self,
        organization: str,
        username: str,
        role: OrganizationMemberRole,
        is_public: bool = False,
    ) -> OrganizationMemberModel:
        return self.transport.request_json(
            "POST",
            f"members/{_seg(organization)}/",
            json_body={"member": username, "role": _value(role), "is_public": bool(is_public)},
        )

    def remove_organization_members(
        self,
        organization: Optional[str] = None,
        username: Optional[str] = None,
        *,
        project_id: Optional[str] = None,
    ) -> None:
        """Remove a member. `project_id=` is accepted as the SDK's (mis)name for the organization."""
        organization = _organization_arg(organization, project_id, username)
        self.transport.request("DELETE", f"members/{_seg(organization)}/{_seg(username)}/")

    def patch_organization_members(
        self,
        organization: Optional[str] = None,
        username: Optional[str] = None,
        role: Optional[OrganizationMemberRole] = None,
        *,
        project_id: Optional[str] = None,
    ) -> OrganizationMemberModel:
        """Change a member's role. `project_id=` is accepted as the SDK's (mis)name for the organization."""
        organization = _organization_arg(organization, project_id, username)
        if role is None:
            raise TypeError("patch_organization_members() needs a role")
        return self.transport.request_json(
            "PATCH",
            f"members/{_seg(organization)}/{_seg(username)}/",
            json_body={"role": _value(role)},
        )

    # --- teams ---------------------------------------------------------------------------

    def get_organization_teams(self, organization: str) -> List[TeamModel]:
        return self.transport.request_json("GET", f"organizations/{_seg(organization)}/teams/", feature=_TEAMS)

    def create_organization_team(self, organization: str, team_name: str) -> TeamModel:
        return self.transport.request_json(
            "POST",
            f"organizations/{_seg(organization)}/teams/",
            feature=_TEAMS,
            json_body={"team": team_name},
        )

    def get_organization_team(self, organization: str, team_name: str) -> TeamModel:
        return self.transport.request_json(
            "GET", f"organizations/{_seg(organization)}/teams/{_seg(team_name)}/", feature=_TEAMS
        )

    def patch_organization_team(self, organization: str, team_name: str, new_team_name: str) -> TeamModel:
        """Rename a team (PUT, as the SDK does)."""
        return self.transport.request_json(
            "PUT",
            f"organizations/{_seg(organization)}/teams/{_seg(team_name)}/",
            feature=_TEAMS,
            json_body={"team": new_team_name},
        )

    def delete_organization_team(self, organization: str, team_name: str) -> None:
        self.transport.request("DELETE", f"organizations/{_seg(organization)}/teams/{_seg(team_name)}/", feature=_TEAMS)

    def get_organization_team_members(self, organization: str, team_name: str) -> List[TeamMemberModel]:
        return self.transport.request_json(
            "GET",
            f"organizations/{_seg(organization)}/teams/{_seg(team_name)}/members/",
            feature=_TEAMS,
        )

    def add_organization_team_member(self, organization: str, team_name: str, member_username: str) -> TeamMemberModel:
        return self.transport.request_json(
            "POST",
            f"organizations/{_seg(organization)}/teams/{_seg(team_name)}/members/",
            feature=_TEAMS,
            json_body={"member": member_username},
        )

    def remove_organization_team_member(self, organization: str, team_name: str, member_username: str) -> None:
        self.transport.request(
            "DELETE",
            f"organizations/{_seg(organization)}/teams/{_seg(team_name)}/members/{_seg(member_username)}/",
            feature=_TEAMS,
        )

    # --- accounts -------------------------------------------------------------------------

    def current_subscription(self, account: str) -> SubscriptionModel:
        return self.transport.request_json("GET", f"subscriptions/{_seg(account)}/current/", feature="subscriptions")

    def get_user_organizations(self, username: str) -> List[Dict[str, Any]]:
        """The organizations of `username` (yourself only; 403 for others)."""
        return self.transport.request_json("GET", f"users/{_seg(username)}/organizations/")


def _fail(file: Dict[str, Any], error: BaseException) -> None:
    file["status"] = FileTransferStatus.FAILED
    file["error"] = error


def check_project_name(name: Any) -> str:
    """`name` if the server would accept it as a project name, else QfcException saying what is allowed."""
    if not isinstance(name, str) or len(name) > 255 or not re.match(PROJECT_NAME_PATTERN, name):
        raise QfcException(
            f"Invalid project name {name!r}: use 1 to 255 letters (a-z, A-Z), digits, '-', '_' or '.', "
            f"without spaces (pattern {PROJECT_NAME_PATTERN})"
        )
    return name


def _same_checks(a: Dict[str, Any], b: Dict[str, Any]) -> bool:
    return all(a.get(key) == b.get(key) for key in ("size", "sha256", "md5sum"))


def _listing_entry_problem(entry: Any) -> Optional[str]:
    """What is wrong with one item of a file listing (wrong JSON types), or None."""
    if not isinstance(entry, dict):
        return f"an item is a {type(entry).__name__}, not an object"
    name = entry.get("name")
    if not isinstance(name, str):
        return f"an item has the name {name!r}"
    size = entry.get("size")
    if size is not None and (isinstance(size, bool) or not isinstance(size, int) or size < 0):
        return f'"{name}" has the size {size!r}'
    for key in ("md5sum", "sha256"):
        if entry.get(key) is not None and not isinstance(entry[key], str):
            return f'"{name}" has the {key} {entry[key]!r}'
    if not isinstance(entry.get("versions", []), list):
        return f'"{name}" has versions that are not a list'
    return None


def _size_of(file: Dict[str, Any]) -> Optional[int]:
    """A listing entry's size as an int, or None when it is missing or not a whole number."""
    size = file.get("size")
    if isinstance(size, bool):
        return None
    if isinstance(size, int):
        return size if size >= 0 else None
    if isinstance(size, str) and size.isdigit():
        return int(size)
    return None


def _disk_full(error: Any) -> bool:
    """Whether `error`, or an error it was raised from or while handling, is a full disk or quota.

    By the errno, not the message, which each OS words its own way; an error re-raised `from None`
    still keeps the OSError as its `__context__`."""
    while error is not None:
        if isinstance(error, OSError) and error.errno in (errno.ENOSPC, errno.EDQUOT):
            return True
        error = error.__cause__ or error.__context__
    return False


# What a file system answers for a name it cannot hold (too long, characters it refuses).
_NAME_ERRNOS = frozenset({errno.ENAMETOOLONG, errno.EINVAL, errno.EILSEQ})


def _name_max(folder: Path) -> int:
    """The longest file name (bytes) the file system of `folder` (or of its nearest existing parent) allows."""
    probe = folder
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    try:
        return int(os.pathconf(probe, "PC_NAME_MAX"))
    except (OSError, ValueError, AttributeError):  # no pathconf on Windows
        return 255  # NTFS, APFS, ext4 and most others


def _download_targets(files: List[Dict[str, Any]], local_dir: PathLike) -> Dict[int, Path]:
    """The local path of each listed file that may be written (by `id` of its dict).

    Every other file is marked FAILED with UnsafePathError and `refused`: its name is unsafe
    or in `.qfieldcloud/`, it names a folder that the listing also has files in, or a local
    folder (or, for a file inside a folder, a local file) is in the way. Nothing that is
    there is ever moved or deleted to make room.
    """
    join = SafeJoiner(local_dir)
    root = Path(os.path.abspath(local_dir))
    name_max = _name_max(root)
    listed_folders: Set[str] = set()
    for file in files:
        parts = str(file.get("name", "")).split("/")
        listed_folders.update("/".join(parts[:i]) for i in range(1, len(parts)))
    blocked_parents: Dict[str, Optional[str]] = {}

    def parent_in_the_way(name: str) -> Optional[str]:
        parts = name.split("/")
        for i in range(1, len(parts)):
            prefix = "/".join(parts[:i])
            if prefix not in blocked_parents:
                path = root.joinpath(*parts[:i])
                blocked_parents[prefix] = prefix if os.path.lexists(path) and not os.path.isdir(path) else None
            if blocked_parents[prefix]:
                return prefix
        return None

    targets: Dict[int, Path] = {}
    for file in files:
        # a listing entry without a name is refused by join (check_remote_name) like an unsafe one
        name = cast(str, file.get("name"))
        try:
            target = join(name)  # also refuses unsafe names
            problem = None
            too_long = next((part for part in name.split("/") if len(part.encode("utf-8")) > name_max), None)
            if is_state_name(name):
                problem = f"it is inside {STATE_DIR}, the plugin's own folder"
            elif too_long is not None:
                problem = f"a name part is longer than the {name_max} bytes this file system allows"
            elif name in listed_folders:
                problem = "the server also lists files inside a folder of that name"
            elif os.path.isdir(target) and not os.path.islink(target):
                problem = "a local folder of that name is in the way; it was left as it is"
            else:
                blocker = parent_in_the_way(name)
                if blocker:
                    problem = f'the local file "{blocker}" is in the way; it was left as it is'
            if problem:
                raise UnsafePathError(f'Skipped "{name}": {problem}')
        except UnsafePathError as exc:
            _fail(file, exc)
            file["refused"] = True
            continue
        targets[id(file)] = target
    return targets


def _stored_as_sent(sent: Dict[str, Any], remote: Optional[Dict[str, Any]]) -> bool:
    """Whether the server's listing entry proves it holds what was sent (the one "same content" rule).

    A server that lists no SHA-256 (an older one, asked without metadata) is compared by ETag,
    computed from the local file. An entry with neither size nor checksum proves nothing.
    """
    if not remote or remote.get("size") is None:
        return False
    described = {"size": sent.get("size"), "sha256": sent.get("sha256")}
    if not remote.get("sha256") and remote.get("md5sum") and sent.get("absolute_filename"):
        described["md5sum"] = calc_etag(sent["absolute_filename"])
    return same_content(described, remote)


def _local_copy(
    file: Dict[str, Any], target: Path, checksums: ChecksumCache, force_download: bool
) -> "tuple[bool, Dict[str, str]]":
    """(True when the local file already is the listed one, else the headers of the GET: an
    `If-None-Match` on the local file's ETag, so that a server behind nginx can answer 304)."""
    remote_etag = None if force_download else (file.get("etag") or file.get("md5sum"))
    if not remote_etag or not target.is_file():
        return False, {}
    local_etag = checksums.etag(file["name"], target)
    if local_etag == remote_etag:
        return True, {}
    return False, {"If-None-Match": local_etag}


def _refused_name(file: Dict[str, Any], exc: OSError) -> UnsafePathError:
    """The error of a file whose name this file system cannot hold: only that file is refused."""
    file["refused"] = True  # the name, not the transfer: the other files still go in
    return UnsafePathError(f'Skipped "{file["name"]}": this file system cannot hold that name ({exc.strerror or exc})')


def _keep_rule(
    keep_local_versions: Any, record: DownloadRecord, checksums: ChecksumCache
) -> Callable[[str, Path], bool]:
    """Which replaced local files go to the trash: the caller's rule, or (True) each one that holds
    local work, that is differs from what was last downloaded here; False keeps none."""
    if callable(keep_local_versions):
        return keep_local_versions
    previous = record.load() if keep_local_versions is True else {}
    return lambda name, path: bool(keep_local_versions) and holds_local_work(name, path, previous, checksums)


def _fail_not_applied(to_apply: List[Dict[str, Any]], failed: List[Dict[str, Any]]) -> None:
    """Fail the files that arrived, because others did not: a download applies all or nothing."""
    first = next((f for f in failed if f.get("error") is not None), failed[0])
    for file in to_apply:
        _fail(
            file,
            NotAppliedError(
                f'"{file["name"]}" was downloaded but not applied: {len(failed)} other file(s) failed, '
                f'first "{first["name"]}"'
            ),
        )


def _still_as_planned(
    to_apply: List[Dict[str, Any]], targets: Dict[int, Path], still_as_planned: Callable[[str, Path], bool]
) -> List[Dict[str, Any]]:
    """The files whose local copy is still as the approved plan saw it; the others fail, untouched."""
    changed = [f for f in to_apply if not still_as_planned(f["name"], targets[id(f)])]
    for file in changed:
        _fail(file, TransferError(f'"{file["name"]}" changed here since the plan was shown; it was left as it is'))
    return [f for f in to_apply if f["status"] == FileTransferStatus.SUCCESS]


def _arrived(
    batch: List[Dict[str, Any]],
    verified: Dict[int, Dict[str, Any]],
    kept: Mapping[str, Path],
    targets: Dict[int, Path],
    checksums: ChecksumCache,
) -> Dict[str, Dict[str, Any]]:
    """What now sits in the folder after an apply (for the download record), each file's checksums
    filed in the cache and the trash copy of its local version named in `kept_local_version`."""
    now_here: Dict[str, Dict[str, Any]] = {}
    for file in batch:
        if file["status"] != FileTransferStatus.SUCCESS:
            continue
        checks = verified.get(id(file)) or {
            "etag": file.get("md5sum") or file.get("etag"),
            "sha256": file.get("sha256"),
        }
        now_here[file["name"]] = dict(checks, size=_size_of(file))
        if file["name"] in kept:
            file["kept_local_version"] = str(kept[file["name"]])
        if file.get("staged") is not None and (checks.get("etag") or checks.get("sha256")):
            # Verified against these checksums when it arrived; recorded now, after the move.
            checksums.record(file["name"], targets[id(file)], checks.get("etag"))
        file.pop("staged", None)
    return now_here


def _fail_not_stored_as_sent(
    files: List[Dict[str, Any]], listing: Dict[str, Dict[str, Any]], throw_on_error: bool
) -> None:
    """Fail each file still sent but not listed as sent: ChecksumMismatchError naming both copies."""
    for file in files:
        if file.get("status") != FileTransferStatus.SUCCESS:
            continue
        entry = listing.get(file["name"])
        found = "is missing" if entry is None else f"holds {entry.get('size')} bytes, sha256 {entry.get('sha256')}"
        error = ChecksumMismatchError(
            f'"{file["name"]}" was not stored as sent ({file["size"]} bytes, sha256 {file.get("sha256")}): '
            f"the server's copy {found}"
        )
        _fail(file, error)
        if throw_on_error:
            raise error


def _files_to_upload(
    project_path: str, filter_glob: str, names: Optional[Sequence[str]]
) -> "tuple[List[Dict[str, Any]], List[Dict[str, Any]]]":
    """(the files to send, the files refused for their name), from the glob or from `names`."""
    refused: List[Dict[str, Any]] = []
    if names is None:
        local_files = list_local_files(project_path, filter_glob, refused=refused)
    else:
        local_files = _named_local_files(project_path, names, refused)
    for file in refused:
        logger.info("%s", file["error"])
    return local_files, refused


def _named_local_files(root: PathLike, names: Sequence[str], refused: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
    """The local file dicts of `names` in `root` (as `list_local_files` makes them), checked the same way."""
    # named files are sent even when .qfieldcloudignore lists them: the caller chose them
    listed = {f["name"]: f for f in list_local_files(root, ignore_file=None, refused=refused)}
    files = []
    for name in names:
        if name in listed:
            files.append(listed[name])
        elif not any(r["name"] == name for r in refused):
            refused.append(
                {
                    "name": name,
                    "status": FileTransferStatus.FAILED,
                    "refused": True,
                    "error": TransferError(f'Not uploaded: "{name}" is not a file in {root} any more'),
                }
            )
    files.sort(key=lambda f: is_qgis_project(f["name"]))
    return files


def _organization_arg(organization: Optional[str], project_id: Optional[str], username: Optional[str]) -> str:
    name = organization if organization is not None else project_id
    if not name or not username:
        raise TypeError("an organization and a username are required")
    return name
