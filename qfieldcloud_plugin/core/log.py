"""Messages for the "QFieldCloud" tab of the QGIS log panel, with known secrets blanked out."""

from typing import Set

from qgis.core import Qgis, QgsMessageLog

from ..client.errors import mask_secrets

TAG = "QFieldCloud"
_secrets: Set[str] = set()


def register_secret(secret: str) -> None:
    """Never let `secret` (a token) reach the log, even inside an error text."""
    if secret:
        _secrets.add(secret)


def redact(text: str) -> str:
    """`text` with registered secrets, Authorization values and URL passwords masked (the client's rule)."""
    return mask_secrets(text, _secrets)


def log(message: str, level=Qgis.MessageLevel.Info) -> None:
    QgsMessageLog.logMessage(redact(str(message)), TAG, level)
