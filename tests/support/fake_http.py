"""A tiny scriptable HTTP server over loopback, for the failures a real server rarely shows.

Each route answers with a `Reply`: any status, headers and body, or a misbehaviour
(a body cut short, a reset connection, a delay). Requests are recorded so tests can
check what the client sent (headers, body size, Authorization...). Test-only.
"""

import hashlib
import socket
import struct
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable, Dict, List, Optional, Tuple, Union
from urllib.parse import urlsplit


@dataclass
class Reply:
    status: int = 200
    headers: Dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    # Announce this Content-Length but send only `body`, then close: a truncated answer.
    announce_length: Optional[int] = None
    # Close the connection with a TCP reset instead of answering (or, with `announce_length`,
    # after sending `body`: a connection that breaks mid-answer).
    reset: bool = False
    # Send raw bytes instead of an HTTP answer, then close.
    raw: Optional[bytes] = None
    # Wait this long before answering (for read timeouts).
    delay: float = 0.0
    # Send the body one byte at a time, this many seconds apart (a server that drip-feeds).
    drip: float = 0.0


@dataclass
class Recorded:
    method: str
    path: str
    query: str
    headers: Dict[str, str]
    body_size: int
    body_md5: str
    body: bytes


Handler = Union[Reply, Callable[["Recorded"], Reply]]


class FakeServer:
    """`FakeServer().start()`; `url` is `http://127.0.0.1:<port>/api/v1/`."""

    def __init__(self, keep_bodies_up_to: int = 1 << 20) -> None:
        self.routes: Dict[Tuple[str, str], Union[Handler, List[Handler]]] = {}
        self.requests: List[Recorded] = []
        self.keep_bodies_up_to = keep_bodies_up_to
        self._httpd: Optional[ThreadingHTTPServer] = None
        self._thread: Optional[threading.Thread] = None

    @property
    def root(self) -> str:
        assert self._httpd is not None
        return f"http://127.0.0.1:{self._httpd.server_address[1]}/"

    @property
    def url(self) -> str:
        return self.root + "api/v1/"

    @property
    def port(self) -> int:
        assert self._httpd is not None
        return self._httpd.server_address[1]

    def route(self, method: str, path: str, *replies: Handler) -> None:
        """Answer `method path` (path relative to the root, e.g. `api/v1/status/`).

        Several replies are used in turn; the last one repeats.
        """
        self.routes[(method.upper(), "/" + path.lstrip("/"))] = list(replies)

    def start(self) -> "FakeServer":
        server = self

        class _Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:  # keep test output clean
                pass

            def _handle(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                md5 = hashlib.md5()
                kept = bytearray()
                remaining = length
                while remaining > 0:
                    chunk = self.rfile.read(min(remaining, 1 << 20))
                    if not chunk:
                        break
                    md5.update(chunk)
                    if len(kept) < server.keep_bodies_up_to:
                        kept.extend(chunk[: server.keep_bodies_up_to - len(kept)])
                    remaining -= len(chunk)
                parts = urlsplit(self.path)
                record = Recorded(
                    self.command,
                    parts.path,
                    parts.query,
                    dict(self.headers.items()),
                    length - remaining,
                    md5.hexdigest(),
                    bytes(kept),
                )
                server.requests.append(record)
                replies = server.routes.get((self.command, parts.path))
                if replies is None:
                    reply: Handler = Reply(
                        404,
                        {"Content-Type": "text/html"},
                        b"<!doctype html><html><body><h1>Not Found</h1></body></html>",
                    )
                else:
                    reply = replies.pop(0) if len(replies) > 1 else replies[0]
                if callable(reply):
                    reply = reply(record)
                self._send(reply)

            def _send(self, reply: Reply) -> None:
                if reply.delay:
                    time.sleep(reply.delay)
                if reply.reset and reply.announce_length is None:
                    self._reset()
                    return
                if reply.raw is not None:
                    self.wfile.write(reply.raw)
                    self.wfile.flush()
                    self.close_connection = True
                    return
                self.send_response(reply.status)
                headers = dict(reply.headers)
                headers.setdefault(
                    "Content-Length",
                    str(reply.announce_length if reply.announce_length is not None else len(reply.body)),
                )
                for key, value in headers.items():
                    self.send_header(key, value)
                if reply.announce_length is not None:
                    self.send_header("Connection", "close")
                self.end_headers()
                if reply.drip and reply.body:
                    try:
                        for i in range(len(reply.body)):
                            self.wfile.write(reply.body[i : i + 1])
                            self.wfile.flush()
                            time.sleep(reply.drip)
                    except OSError:  # the client gave up: what a drip test expects
                        self.close_connection = True
                    return
                if reply.body and self.command != "HEAD":
                    self.wfile.write(reply.body)
                self.wfile.flush()
                if reply.reset:
                    self._reset()
                elif reply.announce_length is not None:
                    self.close_connection = True

            def _reset(self) -> None:
                self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                self.connection.close()
                self.close_connection = True

            do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = _handle

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None

    def __enter__(self) -> "FakeServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def json_reply(payload: object, status: int = 200, headers: Optional[Dict[str, str]] = None) -> Reply:
    import json

    return Reply(status, {"Content-Type": "application/json", **(headers or {})}, json.dumps(payload).encode())


def closed_port() -> int:
    """A loopback port with nothing listening on it."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    return port


def listing_entry(name: str, data: bytes) -> Dict[str, object]:
    """A `files/<pid>/` listing entry for `data` as the server lists it (size, md5sum ETag, sha256)."""
    return {
        "name": name,
        "size": len(data),
        "md5sum": hashlib.md5(data).hexdigest(),
        "sha256": hashlib.sha256(data).hexdigest(),
    }


def serve_project_files(server: "FakeServer", project_id: str, files: Dict[str, bytes]) -> None:
    """List `files` (name → bytes) for `project_id` and serve each one whose name can be in a URL."""
    from urllib.parse import quote

    server.route("GET", f"api/v1/files/{project_id}/", json_reply([listing_entry(n, d) for n, d in files.items()]))
    for name, data in files.items():
        segments = name.split("/")
        if all(s not in ("", ".", "..") and s.isprintable() for s in segments) and "\\" not in name:
            server.route(
                "GET",
                "api/v1/files/{}/{}/".format(project_id, "/".join(quote(s, safe="") for s in segments)),
                Reply(200, {}, data),
            )
