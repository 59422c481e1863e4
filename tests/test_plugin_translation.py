"""The plugin speaks QGIS's language: strings extracted by pylupdate5 are found at run time."""

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from qgis.core import QgsSettings

import qfieldcloud_plugin
from qfieldcloud_plugin.core import translation
from tests.support.qgis_plugin_env import auth_manager, clean_settings, flush_deletes, plugin_iface  # noqa: F401

GERMAN = {
    "Upload the open project to QFieldCloud": "Offenes Projekt zu QFieldCloud hochladen",  # plugin.py, tr()
    "Log in…": "Anmelden…",  # CloudDock, self.tr()
    "Wrong username, email or password.": "Falscher Benutzername, falsche E-Mail oder falsches Passwort.",
}


def _compile_german(tmp_path: Path) -> None:
    """pylupdate5 over the plugin sources, a few German translations filled in, lrelease."""
    sources = sorted(str(p) for p in Path(qfieldcloud_plugin.__file__).parent.glob("**/*.py")
                     if "client" not in p.parts)
    ts = tmp_path / "qfieldcloud_plugin_de.ts"
    subprocess.run(["pylupdate5", "-noobsolete", *sources, "-ts", str(ts)], check=True, capture_output=True)
    tree = ET.parse(str(ts))
    for message in tree.getroot().iter("message"):
        source = message.find("source").text
        if source in GERMAN:
            element = message.find("translation")
            element.text = GERMAN[source]
            element.attrib.pop("type", None)
    tree.write(str(ts), encoding="utf-8", xml_declaration=True)
    subprocess.run(["lrelease", "-silent", str(ts), "-qm", str(tmp_path / "qfieldcloud_plugin_de.qm")], check=True)


@pytest.mark.skipif(not (shutil.which("lrelease") and shutil.which("pylupdate5")), reason="needs Qt linguist tools")
def test_plugin_uses_the_translation_of_the_qgis_language(plugin_iface, clean_settings, tmp_path,  # noqa: F811
                                                           monkeypatch):
    _compile_german(tmp_path)
    monkeypatch.setattr(translation, "I18N_DIR", tmp_path)
    settings = QgsSettings()
    settings.setValue("locale/overrideFlag", True)
    settings.setValue("locale/userLocale", "de_CH")
    try:
        plugin = qfieldcloud_plugin.classFactory(plugin_iface)
        plugin.initGui()
        assert plugin.upload_action.text() == "Offenes Projekt zu QFieldCloud hochladen"
        assert plugin.dock.message_button.text() == "Anmelden…"
        from qfieldcloud_plugin.client import AuthenticationError
        from qfieldcloud_plugin.core.session import user_message
        error = AuthenticationError("x", status_code=401, code="authentication_failed")
        assert user_message(error) == GERMAN["Wrong username, email or password."]
        plugin.unload()
        flush_deletes()
    finally:
        settings.remove("locale")
    english = qfieldcloud_plugin.classFactory(plugin_iface)
    english.initGui()
    assert english.upload_action.text() == "Upload the open project to QFieldCloud"
    english.unload()
    flush_deletes()
