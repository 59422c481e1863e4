"""Typed accessors over QgsSettings; every key lives under `qfieldcloud/`."""

from pathlib import Path
from typing import List
from urllib.parse import urlsplit

from qgis.core import QgsSettings

from ..client.errors import QfcException
from ..client.models import DEFAULT_CONCURRENCY, bounded_concurrency
from ..client.urls import API_PATH, server_root

PREFIX = "qfieldcloud/"
DEFAULT_SERVER_URL = "https://app.qfield.cloud/"
HISTORY_SIZE = 10


def normalize_server_url(url: str) -> str:
    """The server root a user typed (the client's rule, `server_root`), https when no scheme is given.

    A URL the client cannot read is kept as typed, with a final `/`: the login then says what is wrong.
    """
    url = url.strip()
    if not url:
        return DEFAULT_SERVER_URL
    if "://" not in url:
        url = "https://" + url
    try:
        return server_root(url)
    except QfcException:
        return url.rstrip("/") + "/"


def api_url(server_url: str) -> str:
    """The API base URL (`…/api/v1/`) the client needs for a server root."""
    return normalize_server_url(server_url) + API_PATH


def server_label(server_url: str) -> str:
    """A short host name for the UI, e.g. `app.qfield.cloud`."""
    parts = urlsplit(normalize_server_url(server_url))
    return parts.netloc or server_url


class Settings:
    """The plugin's settings. Never holds a secret: only the authcfg id of the stored token."""

    def __init__(self) -> None:
        self._settings = QgsSettings()

    def _value(self, key: str, default, type_):
        return self._settings.value(PREFIX + key, default, type=type_)

    def _set(self, key: str, value) -> None:
        self._settings.setValue(PREFIX + key, value)

    @property
    def server_url(self) -> str:
        return normalize_server_url(self._value("server_url", DEFAULT_SERVER_URL, str))

    @server_url.setter
    def server_url(self, url: str) -> None:
        url = normalize_server_url(url)
        self._set("server_url", url)
        history = [u for u in self.server_history if u != url]
        self._set("server_history", [url] + history[: HISTORY_SIZE - 1])

    @property
    def server_history(self) -> List[str]:
        """Servers used before, most recent first; always contains the default server."""
        stored = self._settings.value(PREFIX + "server_history", [], type=list) or []
        history = [normalize_server_url(u) for u in stored if u]
        if DEFAULT_SERVER_URL not in history:
            history.append(DEFAULT_SERVER_URL)
        return history

    @property
    def username(self) -> str:
        return self._value("username", "", str)

    @username.setter
    def username(self, value: str) -> None:
        self._set("username", value)

    @property
    def remember_me(self) -> bool:
        return self._value("remember_me", False, bool)

    @remember_me.setter
    def remember_me(self, value: bool) -> None:
        self._set("remember_me", bool(value))

    @property
    def authcfg(self) -> str:
        """Id of the QgsAuthManager config that holds the token, or ``""``."""
        return self._value("authcfg", "", str)

    @authcfg.setter
    def authcfg(self, value: str) -> None:
        if value:
            self._set("authcfg", value)
        else:
            self._settings.remove(PREFIX + "authcfg")

    @property
    def download_dir(self) -> str:
        """Root folder of downloaded projects and packages (`~/QFieldCloud` by default)."""
        default = str(Path.home() / "QFieldCloud")
        return self._value("download_dir", default, str) or default

    @download_dir.setter
    def download_dir(self, value: str) -> None:
        self._set("download_dir", value)

    @property
    def max_transfers(self) -> int:
        """How many transfer tasks may run at once."""
        return max(1, self._value("max_transfers", 2, int))

    @max_transfers.setter
    def max_transfers(self, value: int) -> None:
        self._set("max_transfers", int(value))

    @property
    def transfer_concurrency(self) -> int:
        """How many files one transfer task sends or fetches in parallel."""
        return bounded_concurrency(self._value("transfer_concurrency", DEFAULT_CONCURRENCY, int))

    @transfer_concurrency.setter
    def transfer_concurrency(self, value: int) -> None:
        self._set("transfer_concurrency", int(value))

    @property
    def page_size(self) -> int:
        """How many projects one page of the project list holds."""
        return max(1, self._value("page_size", 50, int))

    @page_size.setter
    def page_size(self, value: int) -> None:
        self._set("page_size", int(value))

    @property
    def job_poll_interval_ms(self) -> int:
        return max(200, self._value("job_poll_interval_ms", 2000, int))

    @job_poll_interval_ms.setter
    def job_poll_interval_ms(self, value: int) -> None:
        self._set("job_poll_interval_ms", int(value))

    def package_dir(self, owner: str, name: str) -> Path:
        """Where the package of `owner/name` goes: `<download_dir>/<owner>/<name>/`."""
        return Path(self.download_dir) / _safe_segment(owner) / _safe_segment(name)


def _safe_segment(value: str) -> str:
    """A path segment that cannot climb out of its parent."""
    cleaned = "".join(c if c.isalnum() or c in "-_.@" else "_" for c in value).strip(".")
    return cleaned or "_"
