"""Messages for the "QFieldCloud" tab of the QGIS log panel, with known secrets blanked out."""

from qgis.core import Qgis, QgsMessageLog

TAG = "QFieldCloud"
_secrets = set()


def register_secret(secret: str) -> None:
    """Never let `secret` (a token) reach the log, even inside an error text."""
    if secret:
        _secrets.add(secret)


def redact(text: str) -> str:
    for secret in _secrets:
        text = text.replace(secret, "***")
    return text


def log(message: str, level=Qgis.MessageLevel.Info) -> None:
    QgsMessageLog.logMessage(redact(str(message)), TAG, level)
