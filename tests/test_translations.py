"""The shipped translations: complete, in step with the code, and used by the running plugin."""

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from qgis.core import QgsSettings

import qfieldcloud_plugin
from qfieldcloud_plugin.core import translation
from tests.support.local_server import REPO_ROOT
from tests.support.qgis_plugin_env import flush_deletes

I18N = REPO_ROOT / "i18n"
FULL_LANGUAGES = ("de", "fr")
PLACEHOLDER = re.compile(r"\{[a-z_]*\}|%n")


def _messages(ts_file: Path):
    for message in ET.parse(str(ts_file)).getroot().iter("message"):
        translation_element = message.find("translation")
        forms = [f.text or "" for f in translation_element.findall("numerusform")]
        yield message.find("source").text, translation_element, forms or [translation_element.text or ""]


@pytest.mark.parametrize("language", FULL_LANGUAGES)
def test_every_string_is_translated_and_keeps_its_placeholders(language):
    problems = []
    for source, element, forms in _messages(I18N / f"qfieldcloud_plugin_{language}.ts"):
        if element.get("type") in ("unfinished", "obsolete") or not all(forms):
            problems.append(f"untranslated: {source!r}")
            continue
        for form in forms:
            if sorted(PLACEHOLDER.findall(form)) != sorted(PLACEHOLDER.findall(source)):
                problems.append(f"placeholders differ: {source!r} -> {form!r}")
    assert not problems, "\n".join(problems)


@pytest.mark.skipif(not shutil.which("pylupdate5"), reason="pylupdate5 (pyqt5-dev-tools) is not installed")
def test_ts_files_hold_every_string_of_the_code(tmp_path):
    """A new tr() string without a translation fails here: run `make ts` and translate it."""
    sources = sorted(str(p) for p in (REPO_ROOT / "qfieldcloud_plugin").rglob("*.py") if "client" not in p.parts)
    fresh = tmp_path / "fresh.ts"
    subprocess.run(["pylupdate5", "-noobsolete", *sources, "-ts", str(fresh)], check=True, capture_output=True)
    in_code = {source for source, _, _ in _messages(fresh)}
    for language in FULL_LANGUAGES:
        in_ts = {source for source, _, _ in _messages(I18N / f"qfieldcloud_plugin_{language}.ts")}
        assert in_code == in_ts, f"{language}: missing {sorted(in_code - in_ts)}, stale {sorted(in_ts - in_code)}"


@pytest.mark.parametrize(
    "locale, upload_text, login_text, wrong_password",
    [
        (
            "de_DE",
            "Offenes Projekt zu QFieldCloud hochladen",
            "Anmelden…",
            "Falscher Benutzername, falsche E-Mail-Adresse oder falsches Passwort.",
        ),
        (
            "fr_CH",
            "Envoyer le projet ouvert vers QFieldCloud",
            "Se connecter…",
            "Nom d’utilisateur, e-mail ou mot de passe incorrect.",
        ),
    ],
)
def test_the_plugin_speaks_the_language_qgis_is_set_to(
    plugin_iface, clean_settings, locale, upload_text, login_text, wrong_password
):
    from qfieldcloud_plugin.client import AuthenticationError
    from qfieldcloud_plugin.core.session import user_message

    assert (translation.I18N_DIR / f"qfieldcloud_plugin_{locale[:2]}.qm").is_file(), "run `make translations`"
    settings = QgsSettings()
    settings.setValue("locale/overrideFlag", True)
    settings.setValue("locale/userLocale", locale)
    try:
        plugin = qfieldcloud_plugin.classFactory(plugin_iface)
        plugin.initGui()
        try:
            assert plugin.upload_action.text() == upload_text
            assert plugin.dock.message_button.text() == login_text
            # Module-level tr() (context "@default") is translated too.
            error = AuthenticationError("x", status_code=401, code="authentication_failed")
            assert user_message(error) == wrong_password
        finally:
            plugin.unload()
            flush_deletes()
    finally:
        settings.remove("locale")


def test_english_plurals_read_naturally(plugin_iface, clean_settings):
    from qgis.PyQt.QtCore import QCoreApplication

    translator = translation.install_translator("en")
    try:
        assert translator is not None
        assert QCoreApplication.translate("CloudDock", "%n project(s)", None, 1) == "1 project"
        assert QCoreApplication.translate("CloudDock", "%n project(s)", None, 60) == "60 projects"
    finally:
        translation.remove_translator(translator)
