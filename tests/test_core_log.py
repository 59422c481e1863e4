"""What reaches the "QFieldCloud" log tab: a registered token, an Authorization value or a URL password never does."""

from qgis.core import Qgis, QgsApplication

from qfieldcloud_plugin.core.log import TAG, log, register_secret
from tests.support.qgis_plugin_env import captured_log


def test_a_registered_secret_logged_in_any_text_is_masked():
    token = "tok-registered-5d41402abc4b2a76"  # pragma: allowlist secret (made up for the test)
    register_secret(token)
    with captured_log() as messages:
        log("GET /api/v1/projects/ failed for {}: refused".format(token), Qgis.MessageLevel.Warning)
        url = "http://bob:hunter2@host/"  # pragma: allowlist secret (a test credential)
        echoed = f"echoed header Authorization: Token other-0123456789 and {url}"
        log(echoed)
    texts = [text for tag, text in messages if tag == TAG]
    assert len(texts) == 2
    assert token not in texts[0] and "***" in texts[0] and "refused" in texts[0]
    assert "other-0123456789" not in texts[1] and "hunter2" not in texts[1] and texts[1].count("***") == 2


def test_each_message_keeps_its_level_and_plain_messages_are_information():
    received = []

    def on_message(message, tag, level):
        if tag == TAG:
            received.append((message, level))

    QgsApplication.messageLog().messageReceived.connect(on_message)
    try:
        log("plain")
        log("bad", Qgis.MessageLevel.Critical)
    finally:
        QgsApplication.messageLog().messageReceived.disconnect(on_message)
    assert received == [("plain", Qgis.MessageLevel.Info), ("bad", Qgis.MessageLevel.Critical)]
