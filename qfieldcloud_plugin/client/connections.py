"""The open connections of one transport, so that an abort can cut a request at any step.

The watchdog (watchdog.py) cuts a download while its body arrives. A request that is still
sending its body, or waiting for the answer (an upload the server is slow to acknowledge, a
listing), has no response yet to cut: only its socket. `TrackingAdapter` makes each connection
of its pools register here when it connects, and `shut_all` shuts their sockets down, so that a
blocked send or read returns at once with an error instead of after the read timeout.
"""

import socket
import threading
import weakref
from typing import Any, Dict, List

from requests.adapters import HTTPAdapter


class ConnectionRegistry:
    """The connections opened so far that are still alive (weakly held: closed ones drop out)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._connections: "weakref.WeakSet[Any]" = weakref.WeakSet()
        self._classes: Dict[type, type] = {}

    def add(self, connection: Any) -> None:
        with self._lock:
            self._connections.add(connection)

    def shut_all(self) -> None:
        """Make every blocked send or read on these connections return now (closing alone does not)."""
        with self._lock:
            connections: List[Any] = list(self._connections)
        for connection in connections:
            sock = getattr(connection, "sock", None)
            if sock is None:
                continue
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass  # already closed by its side or ours

    def tracked_class(self, base: type) -> type:
        """A subclass of urllib3 connection class `base` whose instances register on connecting."""
        with self._lock:
            if base not in self._classes:
                registry = self

                def connect(connection: Any) -> None:
                    base.connect(connection)  # type: ignore[attr-defined]
                    registry.add(connection)

                self._classes[base] = type(
                    "Tracked" + base.__name__, (base,), {"connect": connect, "_qfc_tracked": True}
                )
            return self._classes[base]


class TrackingAdapter(HTTPAdapter):
    """An HTTPAdapter whose connections (direct or through a proxy) register with `registry`."""

    def __init__(self, registry: ConnectionRegistry, **options: Any) -> None:
        self.registry = registry
        super().__init__(**options)

    # requests >= 2.32 asks this method for a request's pool, older versions `get_connection`
    def get_connection_with_tls_context(self, *args: Any, **kwargs: Any) -> Any:
        return self._tracked(super().get_connection_with_tls_context(*args, **kwargs))  # type: ignore[misc]

    def get_connection(self, *args: Any, **kwargs: Any) -> Any:
        return self._tracked(super().get_connection(*args, **kwargs))

    def _tracked(self, pool: Any) -> Any:
        if not getattr(pool.ConnectionCls, "_qfc_tracked", False):
            pool.ConnectionCls = self.registry.tracked_class(pool.ConnectionCls)
        return pool
