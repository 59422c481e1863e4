"""Reading answers: JSON bounded in size, and an HTTP error turned into the client's exception."""

import json
import logging
import re
from typing import Any, Iterable, Optional, Type

import requests

from .errors import (
    AuthenticationError,
    ConnectionFailedError,
    InvalidResponseError,
    NotFoundError,
    PermissionDeniedError,
    QfcRequestException,
    ServerError,
    mask_secrets,
)
from .urls import safe_url

logger = logging.getLogger(__name__)

# A JSON answer (a listing, a job) is read into memory up to this size, after decompression:
# a huge or gzip-bomb answer is refused instead of filling memory.
MAX_JSON_BYTES = 256 * 1024 * 1024
_ERRNO_REASON = re.compile(r"\[Errno -?\d+\] ([^'\")\]]+)")


def reason(exc: BaseException) -> str:
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


def cut_short(exc: BaseException) -> str:
    """How much of a body arrived, from urllib3's IncompleteRead (urllib3 2 raises where 1 returned it short)."""
    counts = _INCOMPLETE_READ.search(str(exc))
    if not counts:
        return "the connection broke before its end"
    return f"got {counts.group(1)} of {int(counts.group(1)) + int(counts.group(2))} bytes"


def looks_like_html(response: requests.Response, body: bytes) -> bool:
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
    url = safe_url(response.url)
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
    elif looks_like_html(response, body):
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
                url=safe_url(response.url),
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
            f"The server's answer was cut short: {cut_short(exc)}",
            status_code=response.status_code,
            url=safe_url(response.url),
            method=method,
        ) from None
    except requests.exceptions.RequestException as exc:  # the body stalled past the read timeout, or a reset
        raise ConnectionFailedError(
            f"The server's answer stopped before its end: {reason(exc)}",
            status_code=response.status_code,
            url=safe_url(response.url),
            method=method,
        ) from None
    if announced.isdigit() and "Content-Encoding" not in response.headers and len(body) < int(announced):
        raise ConnectionFailedError(
            f"The server's answer was cut short: got {len(body)} of {announced} bytes",
            status_code=response.status_code,
            url=safe_url(response.url),
            method=method,
        )
    if not body or not body.strip():
        return None
    try:
        return json.loads(body.decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        if looks_like_html(response, body):
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
            url=safe_url(response.url),
            method=method,
            response=response,
        ) from None
