"""The one retry rule of the client: which requests are sent again, how often, how long to wait.

Every layer that sends something again (a request, an undecodable answer, a download cut short,
a file stored wrongly) takes its count and its waits from the same `RetryPolicy`.
"""

import time
from typing import Optional

import requests

IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS"})
# 429: the server asks us to come back later (Retry-After); it did not process the request.
RETRY_STATUSES = frozenset({429, 502, 503, 504})
# The server says it is overloaded (too many requests, or unavailable): send fewer at once.
OVERLOAD_STATUSES = frozenset({429, 503})
DEFAULT_MAX_RETRIES = 3
DEFAULT_BACKOFF_S = 0.5
MAX_RETRY_AFTER_S = 60.0
# No wait between two attempts is longer than this, whatever the attempt number.
MAX_BACKOFF_S = 10.0
# A name that does not resolve will not resolve a second later either.
_DNS_FAILURES = (
    "Name or service not known",
    "nodename nor servname",
    "getaddrinfo failed",
    "Temporary failure in name resolution",
    "No address associated",
)


def is_retryable(exc: requests.exceptions.RequestException) -> bool:
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


def retry_after(response: requests.Response) -> Optional[float]:
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


class RetryPolicy:
    """How often something may be sent again, and how long to wait before each new attempt.

    One object per transport; the transport's requests, the re-reading of an answer that was
    not usable, a download cut short and an upload stored wrongly all count their attempts
    against `max_retries` and wait `backoff(attempt)`.
    """

    def __init__(self, max_retries: int = DEFAULT_MAX_RETRIES, backoff_factor: float = DEFAULT_BACKOFF_S) -> None:
        self.max_retries = max(0, int(max_retries))
        self.backoff_factor = backoff_factor

    def attempts(self, method: str, retry: Optional[bool] = None) -> int:
        """How many times a request may be sent in all: once, or 1 + max_retries when it is safe
        to send again (`retry`, by default for the idempotent methods)."""
        if retry is None:
            retry = method.upper() in IDEMPOTENT_METHODS
        return 1 + (self.max_retries if retry else 0)

    def backoff(self, attempt: int) -> float:
        """Seconds to wait after the failed `attempt` (0-based): doubling, at most MAX_BACKOFF_S."""
        return min(MAX_BACKOFF_S, self.backoff_factor * (2**attempt))

    def wait_after(self, response: requests.Response, attempt: int) -> float:
        """Seconds to wait after an answer that asks to come back later: its Retry-After, else the backoff."""
        delay = retry_after(response)
        return self.backoff(attempt) if delay is None else delay
