"""HTTP transport: one session, User-Agent, timeouts, retries, paging, errors.

Everything that touches `requests` directly lives here, so the rest of the client deals
only in JSON values and the exceptions of `errors.py`. The token is sent in a header and
never appears in exception text, reprs or log records.
"""

import json
import logging
import os
import re
import threading
import time
from typing import Any, Callable, Dict, Iterable, Iterator, List, Mapping, Optional, Tuple, Type, Union
from urllib.parse import parse_qs, urlsplit, urlunsplit

import requests
from requests.adapters import HTTPAdapter
from urllib3.exceptions import LocationParseError
from urllib3.util import parse_url

from .version import __version__
from .errors import (
    AuthenticationError,
    ConnectionFailedError,
    InvalidResponseError,
    NotFoundError,
    PermissionDeniedError,
    QfcException,
    QfcRequestException,
    ServerError,
    TransferCancelledError,
    mask_secrets,
)
from .watchdog import STALL_MARGIN_S, TransferWatch
from .models import (
    DEFAULT_CONNECT_TIMEOUT_S,
    DEFAULT_PAGINATION_LIMIT,
    DEFAULT_READ_TIMEOUT_S,
    DEFAULT_URL,
    LIST_PAGE_SIZE,
    Pagination,
)

logger = logging.getLogger(__name__)

# "sdk|" makes the server treat our tokens as the multi-token `sdk` type, so logging in
# here never logs QField or QFieldSync out (contract §1).
USER_AGENT = f"sdk|py|{requests.__version__} qfc-plugin/{__version__}"

IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS"})
# 429: the server asks us to come back later (Retry-After); it did not process the request.
RETRY_STATUSES = frozenset({429, 502, 503, 504})
DEFAULT_MAX_RETRIES = 3
DEFAULT_BACKOFF_S = 0.5
MAX_RETRY_AFTER_S = 60.0
# No wait between two attempts is longer than this, whatever the attempt number.
MAX_BACKOFF_S = 10.0
# A JSON answer (a listing, a job) is read into memory up to this size, after decompression:
# a huge or gzip-bomb answer is refused instead of filling memory.
MAX_JSON_BYTES = 256 * 1024 * 1024
# A name that does not resolve will not resolve a second later either.
_DNS_FAILURES = (
    "Name or service not known",
    "nodename nor servname",
    "getaddrinfo failed",
    "Temporary failure in name resolution",
    "No address associated",
)
_FALSE_WORDS = frozenset({"0", "false", "no", "off", "n", "f"})

VerifyType = Union[bool, str]
Timeout = Tuple[Optional[float], Optional[float]]


API_PATH = "api/v1/"


def normalize_url(url: Optional[str]) -> str:
    """Return the API base URL ending with `/api/v1/`; a server root or `.../api/v1` is accepted."""
    url = (url or "").strip() or os.environ.get("QFIELDCLOUD_URL", "").strip() or DEFAULT_URL
    try:
        parts = urlsplit(url)
        _port = parts.port  # reading it raises ValueError for a port that is no number up to 65535
        parse_url(url)
    except (ValueError, LocationParseError):
        raise QfcException(
            f'Invalid QFieldCloud URL "{mask_secrets(url)}": its host or port cannot be read, e.g. {DEFAULT_URL}'
        ) from None
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise QfcException(
            f'Invalid QFieldCloud URL "{mask_secrets(url)}": it must start with http:// or https://, e.g. {DEFAULT_URL}'
        )
    path = parts.path.rstrip("/")
    if path.endswith("/api/v1"):
        pass
    elif path.endswith("/api"):
        path += "/v1"
    else:
        path += "/" + API_PATH.rstrip("/")
    return urlunsplit((parts.scheme, parts.netloc, path + "/", "", ""))


def server_root(url: Optional[str]) -> str:
    """The server's root URL (ending with `/`, without `api/v1/`), by the rules of `normalize_url`."""
    return normalize_url(url)[: -len(API_PATH)]


def env_verify_ssl(default: bool = True) -> bool:
    """Read QFIELDCLOUD_VERIFY_SSL: 0/false/no/off disable TLS verification."""
    value = os.environ.get("QFIELDCLOUD_VERIFY_SSL")
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() not in _FALSE_WORDS


def resolve_timeout(value: Optional[float], envvar: str, default: float) -> Optional[float]:
    """Explicit value, else the environment variable, else the default; 0 or less disables it."""
    configured: Any = value if value is not None else os.environ.get(envvar)
    if configured is None or configured == "":
        return default
    try:
        seconds = float(configured)
    except ValueError:
        raise QfcException(f'Invalid timeout "{configured}" for {envvar}: expected a number of seconds.') from None
    return seconds if seconds > 0 else None


def _origin(url: str) -> Tuple[str, str, Optional[int]]:
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    port = parts.port or {"http": 80, "https": 443}.get(scheme)
    return scheme, (parts.hostname or "").lower(), port


class TransferStats:
    """Counters of what the transport had to do, for reports and tests (thread-safe).

    `requests`: HTTP requests sent; `retries`: requests sent again after a transient
    failure; `resumes`: downloads continued with `Range`; `restarts`: downloads started
    over; `bytes_resent`: upload bytes sent again; `bytes_refetched`: downloaded bytes
    that were thrown away and fetched again; `checksum_retries`: files transferred again
    after a checksum or size mismatch.
    """

    FIELDS = ("requests", "retries", "resumes", "restarts", "bytes_resent", "bytes_refetched", "checksum_retries")

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._values: Dict[str, int] = {name: 0 for name in self.FIELDS}

    def add(self, name: str, amount: int = 1) -> None:
        with self._lock:
            self._values[name] += amount

    def snapshot(self) -> Dict[str, int]:
        with self._lock:
            return dict(self._values)

    def __getitem__(self, name: str) -> int:
        with self._lock:
            return self._values[name]


class _Session(requests.Session):
    """A session that drops `Authorization` on any redirect to another origin.

    requests keeps the header on an http→https upgrade of the same host; we do not:
    scheme, host and port must all match.
    """

    # How long the environment's proxy settings for one origin are reused (see below).
    ENV_PROXY_TTL_S = 5.0

    def __init__(self) -> None:
        super().__init__()
        self._env_proxies: Dict[Tuple[str, str, Optional[str]], Tuple[float, Dict[str, str]]] = {}

    def should_strip_auth(self, old_url: str, new_url: str) -> bool:
        return _origin(old_url) != _origin(new_url)

    def merge_environment_settings(self, url, proxies, stream, verify, cert):
        """requests' version, with the environment's proxies for an origin reused for a few seconds.

        requests reads every environment variable (and the system proxy settings) on each
        request to find `*_proxy`/`no_proxy`: a seventh of the client's CPU time per small file.
        The answer depends only on the origin and the environment, which a transfer does not
        change; it is re-read after ENV_PROXY_TTL_S.
        """
        if not self.trust_env:
            return super().merge_environment_settings(url, proxies, stream, verify, cert)
        parts = urlsplit(url)
        no_proxy = proxies.get("no_proxy") if proxies is not None else None
        key = (parts.scheme, parts.netloc, no_proxy)
        now = time.monotonic()
        cached = self._env_proxies.get(key)
        if cached is None or now - cached[0] > self.ENV_PROXY_TTL_S:
            if len(self._env_proxies) > 64:
                self._env_proxies.clear()
            cached = (now, requests.utils.get_environ_proxies(url, no_proxy=no_proxy))
            self._env_proxies[key] = cached
        proxies = dict(proxies or {})
        for name, value in cached[1].items():
            proxies.setdefault(name, value)
        if verify is True or verify is None:
            verify = os.environ.get("REQUESTS_CA_BUNDLE") or os.environ.get("CURL_CA_BUNDLE") or verify
        return {
            "proxies": requests.sessions.merge_setting(proxies, self.proxies),
            "stream": requests.sessions.merge_setting(stream, self.stream),
            "verify": requests.sessions.merge_setting(verify, self.verify),
            "cert": requests.sessions.merge_setting(cert, self.cert),
        }


class Transport:
    """Sends requests to one QFieldCloud API and turns failures into exceptions."""

    def __init__(
        self,
        url: Optional[str] = None,
        token: Optional[str] = None,
        verify: VerifyType = True,
        connect_timeout: Optional[float] = None,
        read_timeout: Optional[float] = None,
        proxies: Optional[Mapping[str, str]] = None,
        pool_size: int = 10,
        max_retries: int = DEFAULT_MAX_RETRIES,
        backoff_factor: float = DEFAULT_BACKOFF_S,
    ) -> None:
        self.url = normalize_url(url)
        self.token = token or ""
        self.verify = verify
        self.proxies = dict(proxies or {})
        self.connect_timeout = resolve_timeout(connect_timeout, "QFC_SDK_CONNECT_TIMEOUT_S", DEFAULT_CONNECT_TIMEOUT_S)
        self.read_timeout = resolve_timeout(read_timeout, "QFC_SDK_READ_TIMEOUT_S", DEFAULT_READ_TIMEOUT_S)
        self.max_retries = max(0, int(max_retries))
        self.backoff_factor = backoff_factor
        self.stats = TransferStats()
        self.watch = TransferWatch(None if self.read_timeout is None else self.read_timeout + STALL_MARGIN_S)
        self.session = _Session()
        self.session.headers["User-Agent"] = USER_AGENT
        self.resize_pool(pool_size)
        if verify is False:
            import urllib3

            urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)

    def abort_transfers(self, reason: str = "cancelled") -> None:
        """Cut every running download now and refuse every later request (Ctrl-C, shutting down)."""
        self.watch.abort_all(reason)

    def resize_pool(self, pool_size: int) -> None:
        """Mount adapters whose pools hold `pool_size` connections, for http and https alike."""
        # Retries are done in `request`, where we know whether the body can be re-sent.
        for prefix in ("http://", "https://"):
            adapter = HTTPAdapter(pool_connections=4, pool_maxsize=max(1, pool_size), max_retries=0)
            self.session.mount(prefix, adapter)

    @property
    def timeout(self) -> Timeout:
        return (self.connect_timeout, self.read_timeout)

    def build_url(self, path: str) -> str:
        """Join `path` (already percent-encoded) to the base URL and add the trailing slash."""
        url = path if path.startswith(("http://", "https://")) else self.url + path.lstrip("/")
        parts = urlsplit(url)
        if not parts.path.endswith("/"):
            url = urlunsplit(parts._replace(path=parts.path + "/"))
        return url

    def request(
        self,
        method: str,
        path: str,
        *,
        params: Optional[Mapping[str, Any]] = None,
        json_body: Any = None,
        data: Any = None,
        headers: Optional[Mapping[str, str]] = None,
        stream: bool = False,
        skip_token: bool = False,
        allow_redirects: Optional[bool] = None,
        retry: Optional[bool] = None,
        sleep: Optional[Callable[[float], None]] = None,
        feature: Optional[str] = None,
    ) -> requests.Response:
        """Send one request (retrying when safe); return the response or raise QfcRequestException.

        `retry` defaults to True for idempotent methods. A caller may set it for a POST
        whose `data` can be iterated again from the start (a re-opened file). `feature` names
        what the endpoint offers (e.g. "teams"), for the error when a server answers it with
        its HTML "page not found": an older server that does not have it.
        """
        method = method.upper()
        url = self.build_url(path)
        sleep = sleep or self.watch.sleep
        if retry is None:
            retry = method in IDEMPOTENT_METHODS
        if allow_redirects is None:
            # A followed redirect turns a POST into a GET and loses the body.
            allow_redirects = method in ("GET", "HEAD")
        all_headers: Dict[str, str] = dict(headers or {})
        if self.token and not skip_token:
            all_headers["Authorization"] = f"Token {self.token}"
        attempts = 1 + (self.max_retries if retry else 0)
        for attempt in range(attempts):
            if self.watch.aborted is not None:
                raise TransferCancelledError(f"{method} {_safe_url(url)} not sent: {self.watch.aborted}")
            last = attempt == attempts - 1
            if attempt:
                self.stats.add("retries")
                if data is not None and hasattr(data, "__len__"):
                    self.stats.add("bytes_resent", len(data))
            self.stats.add("requests")
            logger.debug("%s %s (attempt %d)", method, url, attempt + 1)
            try:
                response = self.session.request(
                    method,
                    url,
                    params=params,
                    json=json_body,
                    data=data,
                    headers=all_headers,
                    stream=stream,
                    allow_redirects=allow_redirects,
                    timeout=self.timeout,  # type: ignore[arg-type]  # requests takes None for either
                    verify=self.verify,
                    proxies=self.proxies or None,
                )
            except (requests.exceptions.RequestException, LocationParseError) as exc:
                if not last and isinstance(exc, requests.exceptions.RequestException) and _is_retryable(exc):
                    if isinstance(exc, requests.exceptions.ReadTimeout):  # a silent wait: say so
                        logger.warning(
                            "Retrying %s %s after no data for %.0f s", method, _safe_url(url), self.read_timeout or 0
                        )
                    else:
                        logger.info("%s %s failed (%s); retrying", method, _safe_url(url), _reason(exc))
                    sleep(self._backoff(attempt))
                    continue
                raise self.connection_error(exc, method, url) from None
            if not last and response.status_code in RETRY_STATUSES:
                delay = _retry_after(response)
                logger.info("%s %s answered %d; retrying", method, _safe_url(url), response.status_code)
                response.close()
                sleep(self._backoff(attempt) if delay is None else delay)
                continue
            break
        if response.status_code >= 400:
            error = error_from_response(response, method, bool(self.token and not skip_token), secrets=(self.token,))
            if feature and isinstance(error, NotFoundError) and error.code is None and _looks_like_html(response, b""):
                raise NotFoundError(
                    f"This QFieldCloud server does not offer {feature}; it may be an older version",
                    status_code=error.status_code,
                    url=error.url,
                    method=method,
                ) from None
            raise error
        if response.is_redirect and not allow_redirects:
            # A POST or DELETE answered with a redirect was not carried out; never report it as done.
            location = _safe_url(response.headers.get("Location", ""))
            response.close()
            raise QfcRequestException(
                f"The server redirected this {method} to {location or 'another address'} instead of carrying it "
                "out; nothing was changed. Check the QFieldCloud URL (http:// instead of https://?)",
                status_code=response.status_code,
                url=_safe_url(url),
                method=method,
            )
        return response

    def request_json(self, method: str, path: str, **kwargs: Any) -> Any:
        """Like `request`, returning the decoded JSON body (None for an empty body).

        An answer that is cut short or is not JSON (an HTML page from a proxy) is asked
        again when the request may be retried, like a connection error would be.
        """
        return self.request_decoded(method, path, **kwargs)[1]

    def request_decoded(self, method: str, path: str, **kwargs: Any) -> Tuple[requests.Response, Any]:
        """`request` plus `decode_json`, retrying an undecodable answer when the request may be retried."""
        method = method.upper()
        retry = kwargs.get("retry")
        if retry is None:
            retry = method in IDEMPOTENT_METHODS
        sleep = kwargs.get("sleep") or self.watch.sleep
        kwargs.setdefault("stream", True)  # read through decode_json, which bounds the size
        attempts = 1 + (self.max_retries if retry else 0)
        for attempt in range(attempts):
            response = self.request(method, path, **kwargs)
            try:
                return response, decode_json(response, method)
            except (InvalidResponseError, ConnectionFailedError) as exc:
                if attempt == attempts - 1 or exc.code == "too_large":  # a flood is not asked for again
                    raise
                logger.info("%s %s: the answer was not usable JSON; retrying", method, _safe_url(response.url))
                self.stats.add("retries")
                sleep(self._backoff(attempt))
        raise AssertionError("unreachable")  # pragma: no cover

    def paginate(
        self,
        path: str,
        params: Optional[Mapping[str, Any]] = None,
        pagination: Optional[Pagination] = None,
        json_body: Any = None,
    ) -> List[Any]:
        """GET a list endpoint: one page for an explicit Pagination, else every page flattened."""
        return list(self.iter_pages(path, params, pagination, json_body))

    def iter_pages(
        self,
        path: str,
        params: Optional[Mapping[str, Any]] = None,
        pagination: Optional[Pagination] = None,
        json_body: Any = None,
        page_size: int = LIST_PAGE_SIZE,
    ) -> Iterator[Any]:
        """Yield the items of a list endpoint as its pages arrive (one request per page).

        An explicit Pagination asks for that one page (limit 20 when only an offset is given,
        like the SDK). Otherwise pages of `page_size` are asked for, following `X-Next-Page` by
        reading its limit/offset and re-asking our own base URL (a proxy may rewrite the
        absolute link; a server with a smaller max page size sets a smaller limit there). A
        server that does not paginate simply returns the whole list with no next link.
        """
        base_params = dict(params or {})
        explicit = pagination if pagination is not None and not pagination.is_empty else None
        if explicit is not None:
            limit = explicit.limit or DEFAULT_PAGINATION_LIMIT
            offset = explicit.offset or 0
        else:
            limit, offset = max(1, int(page_size)), 0
        while True:
            page_params = {**base_params, "limit": str(limit), "offset": str(offset)}
            response, payload = self.request_decoded("GET", path, params=page_params, json_body=json_body)
            if not isinstance(payload, list):
                raise InvalidResponseError(
                    f"The server answered {response.status_code} with a {type(payload).__name__} "
                    "where a list was expected",
                    status_code=response.status_code,
                    url=_safe_url(response.url),
                    method="GET",
                )
            next_link = response.headers.get("X-Next-Page")
            total = _total_count(response)
            yield from payload
            received = offset + len(payload)
            if explicit is not None:
                return
            if not next_link or not payload:
                if total is not None and received < total:
                    # A shorter listing taken as the truth would make files look deleted.
                    raise InvalidResponseError(
                        f"The server's listing ended after {received} of the {total} items it announced; "
                        "try again later",
                        status_code=response.status_code,
                        url=_safe_url(response.url),
                        method="GET",
                    )
                return
            query = parse_qs(urlsplit(next_link).query)
            try:
                next_offset = int(query.get("offset", ["0"])[0])
                limit = int(query.get("limit", [str(limit)])[0]) or limit
            except ValueError:
                return
            if next_offset <= offset:
                return
            offset = next_offset

    def _backoff(self, attempt: int) -> float:
        return min(MAX_BACKOFF_S, self.backoff_factor * (2**attempt))

    def connection_error(self, exc: BaseException, method: str, url: str) -> ConnectionFailedError:
        """A one-line ConnectionFailedError naming the server and what to check."""
        parts = urlsplit(_safe_url(url))
        where = f"{parts.scheme}://{parts.netloc}"
        if isinstance(exc, requests.exceptions.SSLError):
            text = (
                f"TLS verification failed for {where}: {_reason(exc)}. Check the server's certificate, "
                "give a CA bundle, or disable verification for a trusted test server"
            )
        elif isinstance(exc, requests.exceptions.ConnectTimeout):
            text = f"Could not connect to {where} within {self.connect_timeout} s. Check the URL and your network"
        elif isinstance(exc, requests.exceptions.ReadTimeout):
            text = f"The server at {where} did not answer within {self.read_timeout} s"
        elif isinstance(exc, requests.exceptions.ChunkedEncodingError):
            text = f"The server's answer was cut short: {_cut_short(exc)} ({where})"
        elif isinstance(
            exc,
            (
                requests.exceptions.InvalidURL,
                requests.exceptions.MissingSchema,
                requests.exceptions.InvalidSchema,
                LocationParseError,
            ),
        ):
            # a host name urllib3 cannot encode ("a..b"), or a redirect to a malformed URL
            text = f"Invalid URL {_safe_url(url)}. Check the QFieldCloud URL"
        else:
            text = f"Could not connect to {where}: {_reason(exc)}. Check the URL and that the server is reachable"
        return ConnectionFailedError(text, url=_safe_url(url), method=method)


def _total_count(response: requests.Response) -> Optional[int]:
    value = response.headers.get("X-Total-Count", "").strip()
    return int(value) if value.isdigit() else None


def _is_retryable(exc: requests.exceptions.RequestException) -> bool:
    """Transient: a dropped or stalled connection, or a body cut short. Not TLS, DNS or bad URLs."""
    if isinstance(exc, requests.exceptions.SSLError):
        return False
    if isinstance(
        exc,
        (
            requests.exceptions.ReadTimeout,
            requests.exceptions.ChunkedEncodingError,
            requests.exceptions.ContentDecodingError,
        ),
    ):
        return True
    text = str(exc)
    if any(marker in text for marker in _DNS_FAILURES):
        return False
    return isinstance(exc, requests.exceptions.ConnectionError)


def _retry_after(response: requests.Response) -> Optional[float]:
    value = response.headers.get("Retry-After")
    if not value:
        return None
    try:
        return min(MAX_RETRY_AFTER_S, max(0.0, float(value)))
    except ValueError:
        from email.utils import parsedate_to_datetime

        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        return min(MAX_RETRY_AFTER_S, max(0.0, when.timestamp() - time.time()))


_ERRNO_REASON = re.compile(r"\[Errno -?\d+\] ([^'\")\]]+)")


def _reason(exc: BaseException) -> str:
    text = str(exc)
    match = _ERRNO_REASON.search(text)
    if match:
        return match.group(1).strip().rstrip(".")
    lowered = text.lower()
    if "remotedisconnected" in lowered or "connection aborted" in lowered:
        return "the server closed the connection without answering"
    if "connection reset" in lowered:
        return "the connection was reset"
    if "certificate" in lowered:
        found = re.search(r"certificate verify failed: ([^()'\"]+)", text)
        return ("certificate verify failed: " + found.group(1).strip()) if found else "certificate verify failed"
    return type(exc).__name__


_INCOMPLETE_READ = re.compile(r"(\d+) bytes read, (\d+) more expected")


def _cut_short(exc: BaseException) -> str:
    """How much of a body arrived, from urllib3's IncompleteRead (urllib3 2 raises where 1 returned it short)."""
    counts = _INCOMPLETE_READ.search(str(exc))
    if not counts:
        return "the connection broke before its end"
    return f"got {counts.group(1)} of {int(counts.group(1)) + int(counts.group(2))} bytes"


def _safe_url(url: Optional[str]) -> str:
    """The URL without userinfo, in case someone put credentials in it."""
    if not url:
        return ""
    parts = urlsplit(url)
    if "@" in parts.netloc:
        parts = parts._replace(netloc=parts.netloc.rsplit("@", 1)[1])
    return urlunsplit(parts)


def _looks_like_html(response: requests.Response, body: bytes) -> bool:
    ctype = response.headers.get("Content-Type", "").lower()
    return "html" in ctype or body.lstrip()[:1] == b"<"


def _read_body(response: requests.Response, limit: int = 1 << 20) -> bytes:
    try:
        if response.raw is not None and not response._content_consumed:  # type: ignore[attr-defined]
            return response.raw.read(limit, decode_content=True) or b""
        return response.content or b""
    except Exception:  # the body of an error answer is best effort
        return b""


def error_from_response(
    response: requests.Response, method: str, sent_token: bool = False, secrets: Iterable[str] = ()
) -> QfcRequestException:
    """Build the exception for an HTTP error answer, from its `{code, message}` if any.

    Whatever the server echoed of the token or of an Authorization header is masked.
    """
    status = response.status_code
    url = _safe_url(response.url)
    body = _read_body(response)
    response.close()
    code: Optional[str] = None
    detail: Any = None
    message = ""
    payload: Any = None
    try:
        payload = json.loads(body.decode("utf-8")) if body.strip() else None
    except (ValueError, UnicodeDecodeError):
        payload = None
    if isinstance(payload, dict) and ("code" in payload or "message" in payload):
        code = str(payload["code"]) if payload.get("code") is not None else None
        message = str(payload.get("message") or code or "")
        debug = payload.get("debug")
        if isinstance(debug, dict):
            detail = debug.get("detail")
    elif isinstance(payload, dict) and "detail" in payload:
        message = str(payload["detail"])
    elif payload is not None:
        message = f"The server answered {status} with unexpected JSON: {json.dumps(payload)[:120]}"
    elif _looks_like_html(response, body):
        message = f"The server answered {status} with an HTML page instead of JSON"
        if status == 404:
            message += ": is the URL a QFieldCloud API URL?"
        elif status >= 500:
            message += ": the server or a proxy in front of it failed"
    elif body.strip():
        snippet = " ".join(body[:120].decode("utf-8", "replace").split())
        message = f"The server answered {status} with a non-JSON body: {snippet}"
    else:
        message = f"The server answered {status} {response.reason or ''}".rstrip() + " with an empty body"
    if status == 401 and sent_token and code != "too_many_failed_login_attempts":
        message += ": the server refused the session token (expired, logged out or revoked); log in again"
    cls = _error_class(status, code)
    message = mask_secrets(message, secrets)
    if detail is not None:
        detail = mask_secrets(
            detail if isinstance(detail, str) else json.dumps(detail, sort_keys=True, default=str), secrets
        )
    return cls(message, status_code=status, code=code, url=url, method=method, detail=detail, response=response)


def _error_class(status: int, code: Optional[str]) -> Type[QfcRequestException]:
    if status == 401:
        return AuthenticationError
    if status == 403:
        return PermissionDeniedError
    if status == 404 or (status == 400 and code == "object_not_found"):
        return NotFoundError
    if status >= 500:
        return ServerError
    return QfcRequestException


def _read_bounded(response: requests.Response, method: str, limit: Optional[int] = None) -> bytes:
    """The whole (decompressed) body, or InvalidResponseError once it passes `limit` (MAX_JSON_BYTES) bytes."""
    limit = MAX_JSON_BYTES if limit is None else limit
    if getattr(response, "_content_consumed", False) or response.raw is None:
        return response.content or b""
    body = bytearray()
    for chunk in response.iter_content(chunk_size=1024 * 1024):
        body += chunk
        if len(body) > limit:
            response.close()
            raise InvalidResponseError(
                f"The server's answer is larger than {limit // (1024 * 1024)} MB; it was not read",
                status_code=response.status_code,
                code="too_large",
                url=_safe_url(response.url),
                method=method,
            )
    response._content = bytes(body)
    response._content_consumed = True  # type: ignore[attr-defined]
    return response._content


def decode_json(response: requests.Response, method: str = "GET") -> Any:
    """The JSON body of a successful answer; None when it is empty (older servers)."""
    announced = response.headers.get("Content-Length", "")
    try:
        body = _read_bounded(response, method)
    except requests.exceptions.ChunkedEncodingError as exc:
        raise ConnectionFailedError(
            f"The server's answer was cut short: {_cut_short(exc)}",
            status_code=response.status_code,
            url=_safe_url(response.url),
            method=method,
        ) from None
    except requests.exceptions.RequestException as exc:  # the body stalled past the read timeout, or a reset
        raise ConnectionFailedError(
            f"The server's answer stopped before its end: {_reason(exc)}",
            status_code=response.status_code,
            url=_safe_url(response.url),
            method=method,
        ) from None
    if announced.isdigit() and "Content-Encoding" not in response.headers and len(body) < int(announced):
        raise ConnectionFailedError(
            f"The server's answer was cut short: got {len(body)} of {announced} bytes",
            status_code=response.status_code,
            url=_safe_url(response.url),
            method=method,
        )
    if not body or not body.strip():
        return None
    try:
        return json.loads(body.decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        if _looks_like_html(response, body):
            message = (
                f"The server answered {response.status_code} with an HTML page instead of JSON: "
                "is the URL a QFieldCloud API URL?"
            )
        else:
            snippet = " ".join(body[:120].decode("utf-8", "replace").split())
            message = f"The server answered {response.status_code} with a non-JSON body: {snippet}"
        raise InvalidResponseError(
            message,
            status_code=response.status_code,
            url=_safe_url(response.url),
            method=method,
            response=response,
        ) from None
