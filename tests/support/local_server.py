"""Start and stop the local QFieldCloud server (`python -m tests.server`) as a real subprocess."""

import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Dict, Iterable, List, Optional

REPO_ROOT = Path(__file__).resolve().parents[2]
URL_LINE = re.compile(r"(https?://127\.0\.0\.1:\d+/api/v1/)")

# Accounts of the session-wide test server. Passwords are test-only values.
TEST_USERS: Dict[str, str] = {
    "alice": "alice-secret-1",
    "bob": "bob-secret-1",
    "carol": "carol-secret-1",
    "dave": "dave-secret-1",
}
TEST_ORGS: Dict[str, str] = {"acme": "alice"}


class LocalServer:
    """A `tests.server` process bound to 127.0.0.1 on a free port; `url` ends with `/api/v1/`."""

    def __init__(
        self,
        users: Optional[Dict[str, str]] = None,
        orgs: Optional[Dict[str, str]] = None,
        data_dir: Optional[Path] = None,
        extra_args: Iterable[str] = (),
    ) -> None:
        self.users = dict(TEST_USERS if users is None else users)
        self.orgs = dict(TEST_ORGS if orgs is None else orgs)
        self._own_tmp = None
        if data_dir is None:
            self._own_tmp = tempfile.TemporaryDirectory(prefix="qfc-server-")
            data_dir = Path(self._own_tmp.name)
        self.data_dir = Path(data_dir)
        self.extra_args = list(extra_args)
        self.url = ""
        self.process: Optional[subprocess.Popen] = None
        self.output: List[str] = []

    @property
    def root_url(self) -> str:
        """The server root without `/api/v1/`, as a user would type it."""
        return self.url[: -len("api/v1/")]

    def start(self, timeout: float = 30.0) -> "LocalServer":
        args = [
            sys.executable,
            "-m",
            "tests.server",
            "--host",
            "127.0.0.1",
            "--port",
            "0",
            "--data",
            str(self.data_dir),
            "--exit-with-parent",
        ]
        for name, password in self.users.items():
            args += ["--user", f"{name}:{password}"]
        for org, owner in self.orgs.items():
            args += ["--org", f"{org}:{owner}"]
        args += self.extra_args
        self.process = subprocess.Popen(
            args,
            cwd=str(REPO_ROOT),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            bufsize=1,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        deadline = time.monotonic() + timeout
        assert self.process.stdout is not None
        while time.monotonic() < deadline:
            line = self.process.stdout.readline()
            if not line:
                if self.process.poll() is not None:
                    break
                continue
            self.output.append(line)
            match = URL_LINE.search(line)
            if match:
                self.url = match.group(1)
                # Keep draining the output so the server never blocks on a full pipe.
                threading.Thread(target=self._drain, daemon=True).start()
                return self
        self.stop()
        raise RuntimeError("local server did not start:\n" + "".join(self.output))

    def _drain(self) -> None:
        assert self.process is not None and self.process.stdout is not None
        for line in self.process.stdout:
            self.output.append(line)
            del self.output[:-200]

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        if self.process is not None and self.process.stdin is not None:
            self.process.stdin.close()
        self.process = None
        if self._own_tmp is not None:
            self._own_tmp.cleanup()
            self._own_tmp = None

    def __enter__(self) -> "LocalServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def advance_clock(server: "LocalServer", seconds: float) -> None:
    """Move the clock of a server started with `--test-clock` forward (tokens expire at once)."""
    import json
    import urllib.request

    request = urllib.request.Request(
        server.root_url + "__clock__/",
        data=json.dumps({"advance": seconds}).encode(),
        method="POST",
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=10):  # nosec B310: loopback test server URL
        pass
