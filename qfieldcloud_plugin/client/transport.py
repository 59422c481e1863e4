"""HTTP transport: one session, User-Agent, timeouts, retries, paging, errors.

Everything that sends with `requests` lives here, so the rest of the client deals only
in JSON values and the exceptions of `errors.py`. The rules it applies have modules of
their own: URLs (`urls.py`), when to send again (`retry.py`), reading answers
(`responses.py`). The token is sent in a header and
never appears in exception text, reprs or log records.
"""

import logging
import os
import threading
import time
from typing import Any, Callable, Dict, Iterator, List, Mapping, Optional, Tuple, Union
from urllib.parse import urlsplit, urlunsplit

import requests
from urllib3.exceptions import LocationParseError

from .connections import ConnectionRegistry, TrackingAdapter
from .errors import (
    ConnectionFailedError,
    InvalidResponseError,
    NotFoundError,
    QfcException,
    QfcRequestException,
    TransferCancelledError,
)
from .flight import AnswerTimes
from .models import DEFAULT_CONNECT_TIMEOUT_S, DEFAULT_READ_TIMEOUT_S, LIST_PAGE_SIZE, Pagination
from .pagination import iter_pages
from .responses import cut_short, decode_json, error_from_response, looks_like_html, reason
from .retry import DEFAULT_BACKOFF_S, DEFAULT_MAX_RETRIES, OVERLOAD_STATUSES, RETRY_STATUSES, RetryPolicy, is_retryable
from .urls import normalize_url, origin, safe_url
from .version import __version__
from .watchdog import STALL_MARGIN_S, TransferWatch

logger = logging.getLogger(__name__)

# "sdk|" makes the server treat our tokens as the multi-token `sdk` type, so logging in
# here never logs QField or QFieldSync out (contract §1).
USER_AGENT = f"sdk|py|{requests.__version__} qfc-plugin/{__version__}"

_FALSE_WORDS = frozenset({"0", "false", "no", "off", "n", "f"})

VerifyType = Union[bool, str]
Timeout = Tuple[Optional[float], Optional[float]]


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


class TransferStats:
    """Counters of what the transport had to do, for reports and tests (thread-safe).

    `requests`: HTTP requests sent; `retries`: requests sent again after a transient
    failure; `resumes`: downloads continued with `Range`; `restarts`: downloads started
    over; `bytes_resent`: upload bytes sent again; `bytes_refetched`: downloaded bytes
    that were thrown away and fetched again; `checksum_retries`: files transferred again
    after a checksum or size mismatch; `overloads`: answers 429 or 503 (the server is overloaded:
    batches then run fewer transfers at once, see flight.py).
    """

    FIELDS = (
        "requests",
        "retries",
        "resumes",
        "restarts",
        "bytes_resent",
        "bytes_refetched",
        "checksum_retries",
        "overloads",
    )

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
        return origin(old_url) != origin(new_url)

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
        self.retry = RetryPolicy(max_retries, backoff_factor)
        self.stats = TransferStats()
        self.answer_times = AnswerTimes()
        self.watch = TransferWatch(None if self.read_timeout is None else self.read_timeout + STALL_MARGIN_S)
        self.connections = ConnectionRegistry()
        self.session = _Session()
        self.session.headers["User-Agent"] = USER_AGENT
        self.resize_pool(pool_size)
        if verify is False:
            import urllib3

            urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)

    @property
    def max_retries(self) -> int:
        return self.retry.max_retries

    @property
    def backoff_factor(self) -> float:
        return self.retry.backoff_factor

    @backoff_factor.setter
    def backoff_factor(self, value: float) -> None:
        self.retry.backoff_factor = value

    def abort_transfers(self, reason: str = "cancelled") -> None:
        """Cut every running request now, whether it sends, waits or receives, and refuse every
        later one (Ctrl-C, shutting down)."""
        self.watch.abort_all(reason)
        self.connections.shut_all()

    def resize_pool(self, pool_size: int) -> None:
        """Mount adapters whose pools hold `pool_size` connections, for http and https alike."""
        # Retries are done in `request`, where we know whether the body can be re-sent.
        for prefix in ("http://", "https://"):
            adapter = TrackingAdapter(
                self.connections, pool_connections=4, pool_maxsize=max(1, pool_size), max_retries=0
            )
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

    def request(self, method: str, path: str, **options: Any) -> requests.Response:
        """Send one request (retrying when safe); return the response or raise QfcRequestException.

        `options`: `params`, `json_body`, `data`, `headers`, `stream`, `skip_token`,
        `allow_redirects`, `retry`, `sleep` and `feature` (see `_send` for their types).

        `retry` defaults to True for idempotent methods. A caller may set it for a POST
        whose `data` can be iterated again from the start (a re-opened file). `feature` names
        what the endpoint offers (e.g. "teams"), for the error when a server answers it with
        its HTML "page not found": an older server that does not have it.
        """
        response, _attempt = self._send(method, path, 0, **options)
        return response

    def _send(
        self,
        method: str,
        path: str,
        first_attempt: int,
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
    ) -> Tuple[requests.Response, int]:
        """`request`, starting at attempt `first_attempt` of the policy's budget; the answer and
        the attempt that got it, so that a caller retrying on its own (request_decoded) spends the
        same budget instead of multiplying it."""
        method = method.upper()
        url = self.build_url(path)
        sleep = sleep or self.watch.sleep
        if allow_redirects is None:
            # A followed redirect turns a POST into a GET and loses the body.
            allow_redirects = method in ("GET", "HEAD")
        all_headers: Dict[str, str] = dict(headers or {})
        if self.token and not skip_token:
            all_headers["Authorization"] = f"Token {self.token}"
        attempts = self.retry.attempts(method, retry)
        for attempt in range(first_attempt, attempts):
            if self.watch.aborted is not None:
                raise TransferCancelledError(f"{method} {safe_url(url)} not sent: {self.watch.aborted}")
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
                if not last and isinstance(exc, requests.exceptions.RequestException) and is_retryable(exc):
                    if isinstance(exc, requests.exceptions.ReadTimeout):  # a silent wait: say so
                        logger.warning(
                            "Retrying %s %s after no data for %.0f s", method, safe_url(url), self.read_timeout or 0
                        )
                    else:
                        logger.info("%s %s failed (%s); retrying", method, safe_url(url), reason(exc))
                    sleep(self.retry.backoff(attempt))
                    continue
                raise self.connection_error(exc, method, url) from None
            self.answer_times.record(response.elapsed.total_seconds())
            if response.status_code in OVERLOAD_STATUSES:
                self.stats.add("overloads")
            if not last and response.status_code in RETRY_STATUSES:
                logger.info("%s %s answered %d; retrying", method, safe_url(url), response.status_code)
                response.close()
                sleep(self.retry.wait_after(response, attempt))
                continue
            break
        if response.status_code >= 400:
            error = error_from_response(response, method, bool(self.token and not skip_token), secrets=(self.token,))
            if feature and isinstance(error, NotFoundError) and error.code is None and looks_like_html(response, b""):
                raise NotFoundError(
                    f"This QFieldCloud server does not offer {feature}; it may be an older version",
                    status_code=error.status_code,
                    url=error.url,
                    method=method,
                ) from None
            raise error
        if response.is_redirect and not allow_redirects:
            # A POST or DELETE answered with a redirect was not carried out; never report it as done.
            location = safe_url(response.headers.get("Location", ""))
            response.close()
            raise QfcRequestException(
                f"The server redirected this {method} to {location or 'another address'} instead of carrying it "
                "out; nothing was changed. Check the QFieldCloud URL (http:// instead of https://?)",
                status_code=response.status_code,
                url=safe_url(url),
                method=method,
            )
        return response, attempt

    def request_json(self, method: str, path: str, **kwargs: Any) -> Any:
        """Like `request`, returning the decoded JSON body (None for an empty body).

        An answer that is cut short or is not JSON (an HTML page from a proxy) is asked
        again when the request may be retried, like a connection error would be.
        """
        return self.request_decoded(method, path, **kwargs)[1]

    def request_decoded(self, method: str, path: str, **kwargs: Any) -> Tuple[requests.Response, Any]:
        """`request` plus `decode_json`. An undecodable answer is asked again when the request may be
        retried; its attempts count against the same budget as the request's own retries."""
        method = method.upper()
        sleep = kwargs.get("sleep") or self.watch.sleep
        kwargs.setdefault("stream", True)  # read through decode_json, which bounds the size
        attempts = self.retry.attempts(method, kwargs.get("retry"))
        attempt = 0
        while True:
            response, attempt = self._send(method, path, attempt, **kwargs)
            try:
                return response, decode_json(response, method)
            except (InvalidResponseError, ConnectionFailedError) as exc:
                if attempt >= attempts - 1 or exc.code == "too_large":  # a flood is not asked for again
                    raise
                logger.info("%s %s: the answer was not usable JSON; retrying", method, safe_url(response.url))
                self.stats.add("retries")
                sleep(self.retry.backoff(attempt))
                attempt += 1

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
        """Yield the items of a list endpoint as its pages arrive (see pagination.iter_pages)."""
        return iter_pages(self, path, params, pagination, json_body, page_size)

    def connection_error(self, exc: BaseException, method: str, url: str) -> ConnectionFailedError:
        """A one-line ConnectionFailedError naming the server and what to check."""
        parts = urlsplit(safe_url(url))
        where = f"{parts.scheme}://{parts.netloc}"
        if isinstance(exc, requests.exceptions.SSLError):
            text = (
                f"TLS verification failed for {where}: {reason(exc)}. Check the server's certificate, "
                "give a CA bundle, or disable verification for a trusted test server"
            )
        elif isinstance(exc, requests.exceptions.ConnectTimeout):
            text = f"Could not connect to {where} within {self.connect_timeout} s. Check the URL and your network"
        elif isinstance(exc, requests.exceptions.ReadTimeout):
            text = f"The server at {where} did not answer within {self.read_timeout} s"
        elif isinstance(exc, requests.exceptions.ChunkedEncodingError):
            text = f"The server's answer was cut short: {cut_short(exc)} ({where})"
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
            text = f"Invalid URL {safe_url(url)}. Check the QFieldCloud URL"
        else:
            text = f"Could not connect to {where}: {reason(exc)}. Check the URL and that the server is reachable"
        return ConnectionFailedError(text, url=safe_url(url), method=method)
