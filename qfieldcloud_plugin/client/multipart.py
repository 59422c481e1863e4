"""The multipart/form-data body of an upload, streamed from disk with an exact Content-Length."""

import hashlib
import os
import uuid
from typing import Callable, Iterator, Optional

from .checksums import stat_stamp
from .errors import FileChangedError, TransferCancelledError, TransferError
from .hashing import LARGE_FILE_SIZE, StreamHashes
from .models import CancelCheck, PathLike

# Larger upload bodies are streamed from disk in pieces of this size (one send() each).
UPLOAD_CHUNK_SIZE = 1024 * 1024
# Upload bodies up to this size are built in memory and sent in one piece.
SMALL_BODY_BYTES = 256 * 1024


class MultipartFileBody:
    """A multipart/form-data body with one file part, streamed from disk.

    It has an exact `len()` so requests sends a Content-Length and never buffers it, and
    each iteration re-opens the file, so a retried request sends the whole body again.
    """

    def __init__(
        self,
        path: PathLike,
        field_name: str = "file",
        filename: Optional[str] = None,
        content_type: str = "application/octet-stream",
        on_progress: Optional[Callable[[int, int], None]] = None,
        should_stop: Optional[CancelCheck] = None,
        chunk_size: int = UPLOAD_CHUNK_SIZE,
    ) -> None:
        self.path = os.fspath(path)
        # The file as it was when the upload was decided; a change while it is sent tears the copy.
        self._stamp = stat_stamp(os.stat(self.path))
        self.size = self._stamp[0]
        self.on_progress = on_progress
        self.should_stop = should_stop
        self.chunk_size = chunk_size
        boundary = uuid.uuid4().hex
        self.content_type = f"multipart/form-data; boundary={boundary}"
        shown = (filename or os.path.basename(self.path)).replace('"', "%22").replace("\r", "").replace("\n", "")
        self._preamble = (
            f"--{boundary}\r\n"
            f'Content-Disposition: form-data; name="{field_name}"; filename="{shown}"\r\n'
            f"Content-Type: {content_type}\r\n\r\n"
        ).encode("utf-8")
        self._epilogue = f"\r\n--{boundary}--\r\n".encode("ascii")
        # SHA-256 of the file bytes of the last complete send, to compare with the server's listing.
        self.sent_sha256: Optional[str] = None

    def __len__(self) -> int:
        return len(self._preamble) + self.size + len(self._epilogue)

    def to_bytes(self) -> bytes:
        """The whole body in memory, for small files (see SMALL_BODY_BYTES): http.client then
        sends headers and body in one write, where an iterated body costs one send per piece."""
        if self.should_stop and self.should_stop():
            raise TransferCancelledError("Upload cancelled")
        if self.on_progress:
            self.on_progress(0, self.size)
        try:
            with open(self.path, "rb") as f:
                data = f.read(self.size)
        except OSError as exc:
            raise TransferError(f'Could not read "{self.path}": {exc.strerror or exc}') from None
        self._check_unchanged()
        self.sent_sha256 = hashlib.sha256(data).hexdigest()
        if self.on_progress:
            self.on_progress(self.size, self.size)
        return self._preamble + data + self._epilogue

    def __iter__(self) -> Iterator[bytes]:
        yield self._preamble
        done = 0
        # Large files are hashed on a helper thread while the previous chunk is being sent.
        hashes = StreamHashes(sha256=True, etag=False, threaded=self.size >= LARGE_FILE_SIZE)
        if self.on_progress:
            self.on_progress(0, self.size)
        try:
            try:
                f = open(self.path, "rb")
            except OSError as exc:
                raise TransferError(f'Could not read "{self.path}": {exc.strerror or exc}') from None
            with f:
                while done < self.size:
                    if self.should_stop and self.should_stop():
                        raise TransferCancelledError("Upload cancelled")
                    chunk = f.read(min(self.chunk_size, self.size - done))
                    if not chunk:
                        break  # shorter now: _check_unchanged says so, before the body is complete
                    done += len(chunk)
                    hashes.update(chunk)
                    yield chunk
                    if self.on_progress:
                        self.on_progress(done, self.size)
            # Checked before the last bytes go out: a torn body is never complete, so never stored.
            self._check_unchanged()
            self.sent_sha256 = hashes.sha256()
        finally:
            hashes.finish()  # also when the send is abandoned: no helper thread is left waiting
        yield self._epilogue

    def _check_unchanged(self) -> None:
        """FileChangedError when the file was modified, appended to or truncated since the body was made."""
        try:
            now = stat_stamp(os.stat(self.path))
        except OSError:
            now = None
        if now != self._stamp:
            raise FileChangedError(
                f'"{os.path.basename(self.path)}" changed while it was being uploaded; what was read was not stored'
            )
