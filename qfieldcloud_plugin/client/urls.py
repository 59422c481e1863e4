"""The rules of QFieldCloud URLs: the API base a user's URL stands for, origins, credentials kept out."""

import os
from typing import Optional, Tuple
from urllib.parse import urlsplit, urlunsplit

from urllib3.exceptions import LocationParseError
from urllib3.util import parse_url

from .errors import QfcException, mask_secrets
from .models import DEFAULT_URL

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


def origin(url: str) -> Tuple[str, str, Optional[int]]:
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    port = parts.port or {"http": 80, "https": 443}.get(scheme)
    return scheme, (parts.hostname or "").lower(), port


def safe_url(url: Optional[str]) -> str:
    """The URL without userinfo, in case someone put credentials in it."""
    if not url:
        return ""
    parts = urlsplit(url)
    if "@" in parts.netloc:
        parts = parts._replace(netloc=parts.netloc.rsplit("@", 1)[1])
    return urlunsplit(parts)
