"""Serving stored bytes like QFieldCloud behind nginx: streamed 200, 206 ranges, 304, or a 302.

Files are read in large chunks on worker threads, so big downloads neither block the event loop
nor sit in memory. In `--redirect-downloads` mode the API answers 302 to a signed storage URL on
another host name (`localhost` vs `127.0.0.1`), served without auth, as legacy servers did.
"""

import base64
import hashlib
import hmac
import json
import os
import re
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Optional, Tuple
from urllib.parse import quote

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from . import clock
from .errors import ApiError

CHUNK_SIZE = 1024 * 1024
RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")
PRESIGN_SECONDS = 3600
# Printable ASCII stays as is in Content-Disposition; only quotes, backslashes and non-ASCII are escaped.
HEADER_SAFE = " !#$%&'()*+,-./:;<=>?@[]^_`{|}~"
# Per-process secret: presigned URLs die with the server, like real ones expire.
_SIGNING_KEY = secrets.token_bytes(32)
S3_AUTH_CONFLICT = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>InvalidArgument</Code><Message>Only one auth'
    " mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query string parameter or"
    " the Authorization header should be specified</Message></Error>"
)


@dataclass
class StoredFile:
    """What a download needs to know about one stored blob."""

    path: Path
    name: str  # the stored (project-relative) path, sent in Content-Disposition
    size: int
    md5sum: str
    modified: float


class BlobResponse(Response):
    """Streams `length` bytes of a file from `offset`, reading on worker threads."""

    def __init__(self, path: Path, offset: int, length: int, status_code: int, headers: dict) -> None:
        super().__init__(status_code=status_code, headers=headers)
        self.path, self.offset, self.length = path, offset, length

    async def __call__(self, scope, receive, send) -> None:
        await send({"type": "http.response.start", "status": self.status_code, "headers": self.raw_headers})
        if scope["method"] == "HEAD" or not self.length:
            await send({"type": "http.response.body", "body": b""})
            return
        if self.length <= CHUNK_SIZE:
            # A small body is read in one worker-thread hop (open, seek, read, close together).
            body = await run_in_threadpool(_read_range, self.path, self.offset, self.length)
            await send({"type": "http.response.body", "body": body})
            return
        handle = await run_in_threadpool(open, self.path, "rb")
        try:
            await run_in_threadpool(handle.seek, self.offset)
            remaining = self.length
            while remaining:
                chunk = await run_in_threadpool(handle.read, min(CHUNK_SIZE, remaining))
                if not chunk:
                    break
                remaining -= len(chunk)
                await send({"type": "http.response.body", "body": chunk, "more_body": remaining > 0})
            if remaining:
                await send({"type": "http.response.body", "body": b""})
        finally:
            await run_in_threadpool(handle.close)


def _read_range(path: Path, offset: int, length: int) -> bytes:
    with open(path, "rb") as handle:
        handle.seek(offset)
        return handle.read(length)


def _parse_range(header: str, size: int) -> Optional[Tuple[int, int]]:
    """(first, last) byte of a single `bytes=` range; None to ignore it; 416 when unsatisfiable."""
    match = RANGE.match(header.strip())
    if not match or match.groups() == ("", ""):
        return None
    first, last = match.groups()
    if first == "":
        suffix = int(last)
        if suffix == 0 or size == 0:
            raise ApiError("invalid_http_range")
        return max(size - suffix, 0), size - 1
    start = int(first)
    end = int(last) if last else size - 1
    if start >= size or end < start:
        raise ApiError("invalid_http_range")
    return start, min(end, size - 1)


def _etag_matches(header: str, md5sum: str) -> bool:
    tags = [tag.strip().removeprefix("W/").strip('"') for tag in header.split(",")]
    return "*" in tags or md5sum in tags


def serve(request: Request, stored: StoredFile) -> Response:
    """The download answer: 302 in redirect mode, else 304 / 206 / 200 with the streamed body."""
    if request.app.state.settings.redirect_downloads:
        return RedirectResponse(presigned_url(request, stored), status_code=302)
    return _respond(request, stored)


def _respond(request: Request, stored: StoredFile) -> Response:
    headers = {
        "Content-Disposition": f'attachment;filename="{quote(stored.name, safe=HEADER_SAFE)}"',
        "Content-Type": "application.force-download",
        "ETag": f'"{stored.md5sum}"',
        "Last-Modified": clock.http_date(stored.modified),
        "Accept-Ranges": "bytes",
    }
    if_none_match = request.headers.get("if-none-match")
    if if_none_match and _etag_matches(if_none_match, stored.md5sum):
        return Response(status_code=304, headers={"ETag": headers["ETag"]})
    byte_range = _parse_range(request.headers["range"], stored.size) if "range" in request.headers else None
    if byte_range is None:
        headers["Content-Length"] = str(stored.size)
        return BlobResponse(stored.path, 0, stored.size, 200, headers)
    first, last = byte_range
    headers["Content-Range"] = f"bytes {first}-{last}/{stored.size}"
    headers["Content-Length"] = str(last - first + 1)
    return BlobResponse(stored.path, first, last - first + 1, 206, headers)


def _sign(payload: bytes) -> str:
    return hmac.new(_SIGNING_KEY, payload, hashlib.sha256).hexdigest()


def presigned_url(request: Request, stored: StoredFile) -> str:
    """An absolute URL on the *other* loopback host name, so clients must drop Authorization."""
    payload = json.dumps(
        {
            "path": os.fspath(stored.path),
            "name": stored.name,
            "size": stored.size,
            "md5sum": stored.md5sum,
            "modified": stored.modified,
            "expires": clock.now() + PRESIGN_SECONDS,
        }
    ).encode()
    encoded = base64.urlsafe_b64encode(payload).decode().rstrip("=")
    host = "localhost" if request.url.hostname == "127.0.0.1" else "127.0.0.1"
    return f"{request.url.scheme}://{host}:{request.url.port}/storage/{encoded}/{_sign(payload)}/"


async def storage(request: Request) -> Response:
    """The fake object storage behind presigned URLs: no auth, and an Authorization header is a 400."""
    encoded = request.path_params["payload"]
    payload = base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4))
    if not hmac.compare_digest(_sign(payload), request.path_params["signature"]):
        return Response(status_code=403)
    if "authorization" in request.headers:
        return Response(S3_AUTH_CONFLICT, status_code=400, media_type="application/xml")
    fields = json.loads(payload)
    if fields.pop("expires") < clock.now():
        return Response(status_code=403)
    stored = StoredFile(path=Path(fields.pop("path")), **fields)
    if not await run_in_threadpool(stored.path.exists):
        return Response(status_code=404)
    return _respond(request, stored)
