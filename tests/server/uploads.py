"""Streaming multipart uploads: the wanted part goes straight to its blob file, hashed on the way.

The event loop only collects the socket's chunks into large batches; parsing, hashing and writing
of one batch run in a worker thread while the loop already receives the next batch. Memory stays
flat whatever the file size and each byte is written to disk exactly once.
"""

import asyncio
import hashlib
import queue
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import List, Optional

from python_multipart.multipart import MultipartParser, parse_options_header
from starlette.requests import Request

from .errors import ApiError

ETAG_PART_SIZE = 8 * 1024 * 1024  # the object storage's multipart size behind `md5sum`
BATCH_SIZE = 4 * 1024 * 1024  # bytes handed to the worker thread at once (and read by copy_blob)


@dataclass
class Blob:
    size: int
    md5sum: str  # S3-style ETag (contract §6 "Checksums")
    sha256: str


class _EtagState:
    """The S3-style ETag so far: one MD5 per 8 MiB part."""

    def __init__(self) -> None:
        self._part = hashlib.md5()
        self._part_filled = 0
        self._part_digests: List[bytes] = []

    def update(self, data: memoryview) -> None:
        while len(data):
            take = min(ETAG_PART_SIZE - self._part_filled, len(data))
            self._part.update(data[:take])
            self._part_filled += take
            data = data[take:]
            if self._part_filled == ETAG_PART_SIZE:
                self._part_digests.append(self._part.digest())
                self._part = hashlib.md5()
                self._part_filled = 0

    def etag(self) -> str:
        """Plain MD5 up to one part, else `md5(part md5s)-<parts>`."""
        digests = self._part_digests + ([self._part.digest()] if self._part_filled else [])
        if len(digests) <= 1:
            return digests[0].hex() if digests else hashlib.md5().hexdigest()
        return f"{hashlib.md5(b''.join(digests)).hexdigest()}-{len(digests)}"


class _EtagHasher(threading.Thread):
    """Computes the S3-style ETag on its own thread: MD5 is the slowest hash, so it runs in parallel
    with the SHA-256 and the disk write of the caller (hashlib releases the GIL on large buffers)."""

    def __init__(self, state: _EtagState) -> None:
        super().__init__(name="qfc-etag", daemon=True)
        self._queue: "queue.Queue[Optional[memoryview]]" = queue.Queue(maxsize=64)
        self._state = state
        self.start()

    def update(self, data: memoryview) -> None:
        self._queue.put(data)

    def run(self) -> None:
        while (data := self._queue.get()) is not None:
            self._state.update(data)

    def etag(self) -> str:
        """Waits for the queued data."""
        self._queue.put(None)
        self.join()
        return self._state.etag()


class BlobWriter:
    """Writes one file while computing its size, SHA-256 and S3-style ETag in the same pass.

    The MD5 runs inline until the file passes INLINE_HASH_BYTES; only bigger files get a hashing
    thread (starting a thread per small upload cost more than hashing it).
    """

    INLINE_HASH_BYTES = 1024 * 1024

    def __init__(self, path: Path) -> None:
        self._file = open(path, "wb")
        self._sha256 = hashlib.sha256()
        self._etag_state = _EtagState()
        self._etag: Optional[_EtagHasher] = None
        self.size = 0

    def write(self, data: memoryview) -> None:
        if self._etag is None and self.size + len(data) > self.INLINE_HASH_BYTES:
            self._etag = _EtagHasher(self._etag_state)
        if self._etag is not None:
            self._etag.update(data)
        else:
            self._etag_state.update(data)
        self._file.write(data)
        self._sha256.update(data)
        self.size += len(data)

    def close(self) -> Blob:
        self._file.close()
        etag = self._etag.etag() if self._etag is not None else self._etag_state.etag()
        return Blob(self.size, etag, self._sha256.hexdigest())


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
        self._parser = MultipartParser(
            boundary,
            {
                "on_part_begin": self._on_part_begin,
                "on_header_field": self._on_header_field,
                "on_header_value": self._on_header_value,
                "on_header_end": self._on_header_end,
                "on_headers_finished": self._on_headers_finished,
                "on_part_data": self._on_part_data,
                "on_part_end": self._on_part_end,
            },
        )

    def feed(self, chunks: List[bytes]) -> None:
        """Parses chunks as received from the socket, avoiding a copy into one big buffer."""
        for chunk in chunks:
            self._parser.write(chunk)

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
    batch: List[bytes] = []
    batch_size = 0
    try:
        async for chunk in request.stream():
            batch.append(chunk)
            batch_size += len(chunk)
            if batch_size >= BATCH_SIZE:
                if in_flight is not None:
                    await in_flight
                in_flight = loop.run_in_executor(None, sink.feed, batch)
                batch, batch_size = [], 0
        if in_flight is not None:
            await in_flight
        await loop.run_in_executor(None, _feed_and_finish, sink, batch)
    except ApiError:
        await loop.run_in_executor(None, sink.abort)
        raise
    except Exception as error:  # malformed multipart: a DRF ParseError, 400 `api_error`
        if in_flight is not None and not in_flight.done():
            await asyncio.wait([in_flight])
        await loop.run_in_executor(None, sink.abort)
        raise ApiError("api_error") from error
    return sink


def _feed_and_finish(sink: _PartSink, chunks: List[bytes]) -> None:
    sink.feed(chunks)
    sink.finish()
