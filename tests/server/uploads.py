"""Streaming multipart uploads: the wanted part goes straight to its blob file, hashed on the way.

The event loop only collects the socket's chunks into large batches; parsing, hashing and writing
of one batch run in a worker thread while the loop already receives the next batch. Memory stays
flat whatever the file size and each byte is written to disk exactly once.
"""

import asyncio
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from python_multipart.multipart import MultipartParser, parse_options_header
from starlette.requests import Request

from .errors import ApiError

ETAG_PART_SIZE = 8 * 1024 * 1024  # the object storage's multipart size behind `md5sum`
BATCH_SIZE = 4 * 1024 * 1024      # bytes handed to the worker thread at once


@dataclass
class Blob:
    size: int
    md5sum: str   # S3-style ETag (contract §6 "Checksums")
    sha256: str


class BlobWriter:
    """Writes one file while computing its size, SHA-256 and S3-style ETag in the same pass."""

    def __init__(self, path: Path) -> None:
        self._file = open(path, "wb")
        self._sha256 = hashlib.sha256()
        self._part = hashlib.md5()
        self._part_filled = 0
        self._part_digests = []
        self.size = 0

    def write(self, data: memoryview) -> None:
        self._file.write(data)
        self._sha256.update(data)
        self.size += len(data)
        while len(data):
            take = min(ETAG_PART_SIZE - self._part_filled, len(data))
            self._part.update(data[:take])
            self._part_filled += take
            data = data[take:]
            if self._part_filled == ETAG_PART_SIZE:
                self._part_digests.append(self._part.digest())
                self._part = hashlib.md5()
                self._part_filled = 0

    def close(self) -> Blob:
        self._file.close()
        digests = self._part_digests + ([self._part.digest()] if self._part_filled else [])
        if len(digests) <= 1:
            md5sum = digests[0].hex() if digests else hashlib.md5().hexdigest()
        else:
            md5sum = f"{hashlib.md5(b''.join(digests)).hexdigest()}-{len(digests)}"
        return Blob(self.size, md5sum, self._sha256.hexdigest())


def copy_blob(source: Path, destination: Path) -> Blob:
    """Copies a file and hashes it like an upload (used to build packages)."""
    writer = BlobWriter(destination)
    with open(source, "rb") as reader:
        while chunk := reader.read(BATCH_SIZE):
            writer.write(memoryview(chunk))
    return writer.close()


class _PartSink:
    """Feeds python-multipart's streaming parser; keeps the first part named `part_name`."""

    def __init__(self, boundary: bytes, part_name: str, destination: Path) -> None:
        self.part_name = part_name.encode()
        self.destination = destination
        self.matching_parts = 0
        self.blob: Optional[Blob] = None
        self._writer: Optional[BlobWriter] = None
        self._header_field = b""
        self._header_value = b""
        self._headers = {}
        self._parser = MultipartParser(boundary, {
            "on_part_begin": self._on_part_begin,
            "on_header_field": self._on_header_field,
            "on_header_value": self._on_header_value,
            "on_header_end": self._on_header_end,
            "on_headers_finished": self._on_headers_finished,
            "on_part_data": self._on_part_data,
            "on_part_end": self._on_part_end,
        })

    def feed(self, data: bytes) -> None:
        self._parser.write(data)

    def finish(self) -> None:
        self._parser.finalize()
        if self._writer is not None:  # a truncated body: keep what arrived, like the real server
            self.blob = self._writer.close()
            self._writer = None

    def abort(self) -> None:
        if self._writer is not None:
            self._writer.close()
            self._writer = None
        self.destination.unlink(missing_ok=True)

    def _on_part_begin(self) -> None:
        self._headers = {}

    def _on_header_field(self, data: bytes, start: int, end: int) -> None:
        self._header_field += data[start:end]

    def _on_header_value(self, data: bytes, start: int, end: int) -> None:
        self._header_value += data[start:end]

    def _on_header_end(self) -> None:
        self._headers[self._header_field.lower()] = self._header_value
        self._header_field = self._header_value = b""

    def _on_headers_finished(self) -> None:
        _, options = parse_options_header(self._headers.get(b"content-disposition", b""))
        if options.get(b"name") == self.part_name:
            self.matching_parts += 1
            if self.matching_parts == 1:
                self._writer = BlobWriter(self.destination)

    def _on_part_data(self, data: bytes, start: int, end: int) -> None:
        if self._writer is not None:
            self._writer.write(memoryview(data)[start:end])

    def _on_part_end(self) -> None:
        if self._writer is not None:
            self.blob = self._writer.close()
            self._writer = None


async def receive_part(request: Request, part_name: str, destination: Path) -> _PartSink:
    """Streams the request body; the result tells how many `part_name` parts came and the blob.

    The caller decides what zero or several matching parts mean (`empty_content`, ...). A body
    that is not multipart counts as having no parts.
    """
    content_type, options = parse_options_header(request.headers.get("content-type", ""))
    boundary = options.get(b"boundary")
    if content_type != b"multipart/form-data" or not boundary:
        raise ApiError("empty_content")
    sink = _PartSink(boundary, part_name, destination)
    loop = asyncio.get_running_loop()
    in_flight: Optional[asyncio.Future] = None
    batch = bytearray()
    try:
        async for chunk in request.stream():
            batch += chunk
            if len(batch) >= BATCH_SIZE:
                if in_flight is not None:
                    await in_flight
                in_flight = loop.run_in_executor(None, sink.feed, bytes(batch))
                batch.clear()
        if in_flight is not None:
            await in_flight
        await loop.run_in_executor(None, _feed_and_finish, sink, bytes(batch))
    except ApiError:
        await loop.run_in_executor(None, sink.abort)
        raise
    except Exception as error:  # malformed multipart: a DRF ParseError, 400 `api_error`
        if in_flight is not None and not in_flight.done():
            await asyncio.wait([in_flight])
        await loop.run_in_executor(None, sink.abort)
        raise ApiError("api_error") from error
    return sink


def _feed_and_finish(sink: _PartSink, data: bytes) -> None:
    if data:
        sink.feed(data)
    sink.finish()
