"""The API token lives in QgsAuthManager; QgsSettings holds only the authcfg id.

The config uses the method name "APIHeader" with the header QFieldCloud expects
(`Authorization: Token <key>`). QGIS ≥ 3.34 ships that method; older versions store and
return the config all the same, they just cannot apply it to their own requests.
"""

from dataclasses import dataclass, field
from typing import Optional

from qgis.core import QgsApplication, QgsAuthMethodConfig

from .settings import Settings, server_label

AUTH_METHOD = "APIHeader"
HEADER = "Authorization"
PREFIX = "Token "


class AuthStorageError(Exception):
    """The auth database refused to store or read the token (e.g. wrong master password)."""


@dataclass(frozen=True)
class StoredToken:
    server_url: str
    username: str
    token: str = field(repr=False)


class TokenStore:
    """Save, load and forget the token of the "remember me" login."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings

    @staticmethod
    def _manager():
        return QgsApplication.authManager()

    def save(self, server_url: str, username: str, token: str) -> str:
        """Store the token (updating the plugin's existing config) and return the authcfg id."""
        manager = self._manager()
        config = QgsAuthMethodConfig(AUTH_METHOD)
        config.setName("QFieldCloud {user}@{server}".format(user=username, server=server_label(server_url)))
        config.setUri(server_url)
        # Only the header: with the APIHeader method every config entry becomes an HTTP header.
        config.setConfig(HEADER, PREFIX + token)
        existing = self._settings.authcfg
        if existing and existing in manager.configIds():
            config.setId(existing)
            ok = manager.updateAuthenticationConfig(config)
        else:
            ok = manager.storeAuthenticationConfig(config)
            if isinstance(ok, tuple):  # PyQt returns (ok, config) for the in/out argument
                ok, config = ok
        if not ok or not config.id():
            raise AuthStorageError("QGIS could not store the token in its authentication database.")
        self._settings.authcfg = config.id()
        self._settings.username = username
        return config.id()

    def load(self) -> Optional[StoredToken]:
        """The stored token, or None when there is none (or the auth database is locked)."""
        authcfg = self._settings.authcfg
        if not authcfg:
            return None
        manager = self._manager()
        if authcfg not in manager.configIds():
            self._settings.authcfg = ""
            return None
        config = QgsAuthMethodConfig()
        result = manager.loadAuthenticationConfig(authcfg, config, True)
        ok = result[0] if isinstance(result, tuple) else result
        if isinstance(result, tuple):
            config = result[1]
        header = config.config(HEADER, "")
        if not ok or not header.startswith(PREFIX):
            return None
        return StoredToken(config.uri(), self._settings.username, header[len(PREFIX) :])

    def clear(self) -> None:
        """Remove the stored token and the authcfg id."""
        authcfg = self._settings.authcfg
        if authcfg and authcfg in self._manager().configIds():
            self._manager().removeAuthenticationConfig(authcfg)
        self._settings.authcfg = ""
