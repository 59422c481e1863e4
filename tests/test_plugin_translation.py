"""The plugin speaks QGIS's language: a compiled translation is installed on load, removed on unload."""

import shutil
import subprocess

import pytest
from qgis.core import QgsSettings

import qfieldcloud_plugin
from qfieldcloud_plugin.core import translation
from tests.support.qgis_plugin_env import auth_manager, clean_settings, flush_deletes, plugin_iface  # noqa: F401

TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS><TS version="2.1" language="de">
<context><name>QFieldCloud</name>
<message><source>Upload the open project to QFieldCloud</source>
<translation>Offenes Projekt zu QFieldCloud hochladen</translation></message>
</context>
<context><name>CloudDock</name>
<message><source>Log in…</source><translation>Anmelden…</translation></message>
</context>
</TS>
"""


@pytest.mark.skipif(shutil.which("lrelease") is None, reason="needs lrelease")
def test_plugin_uses_the_translation_of_the_qgis_language(plugin_iface, clean_settings, tmp_path,  # noqa: F811
                                                           monkeypatch):
    (tmp_path / "plugin_de.ts").write_text(TS, encoding="utf-8")
    subprocess.run(["lrelease", "-silent", str(tmp_path / "plugin_de.ts"), "-qm",
                    str(tmp_path / "qfieldcloud_plugin_de.qm")], check=True)
    monkeypatch.setattr(translation, "I18N_DIR", tmp_path)
    settings = QgsSettings()
    settings.setValue("locale/overrideFlag", True)
    settings.setValue("locale/userLocale", "de_CH")
    try:
        plugin = qfieldcloud_plugin.classFactory(plugin_iface)
        plugin.initGui()
        assert plugin.upload_action.text() == "Offenes Projekt zu QFieldCloud hochladen"
        assert plugin.dock.message_button.text() == "Anmelden…"
        plugin.unload()
        flush_deletes()
    finally:
        settings.remove("locale")
    english = qfieldcloud_plugin.classFactory(plugin_iface)
    english.initGui()
    assert english.upload_action.text() == "Upload the open project to QFieldCloud"
    english.unload()
    flush_deletes()
