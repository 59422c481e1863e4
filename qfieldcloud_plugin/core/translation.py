"""Install the plugin's translation for the language QGIS runs in."""

from pathlib import Path
from typing import Optional

from qgis.core import QgsApplication, QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QTranslator

I18N_DIR = Path(__file__).resolve().parents[1] / "i18n"
QM_PREFIX = "qfieldcloud_plugin_"


def tr(text: str, disambiguation: Optional[str] = None, n: int = -1) -> str:
    """`text` in QGIS's language, for code outside a QObject (a QObject uses its own `self.tr`).

    pylupdate files such calls under the "@default" context, so they are looked up there. With
    `n`, a `%n` in the text is the number and picks the plural form, as in Qt's own `tr`.
    """
    return QCoreApplication.translate("@default", text, disambiguation, n)


def qgis_language() -> str:
    """QGIS's user interface language as a two-letter code, e.g. "de"; "en" when unknown.

    The user's override in QGIS's options wins over the system locale, as in QGIS itself.
    """
    settings = QgsSettings()
    if settings.value("locale/overrideFlag", False, type=bool):
        locale = settings.value("locale/userLocale", "", type=str)
    else:
        locale = QgsApplication.locale()
    locale = (locale or "").split(".")[0]
    return locale[:2].lower() if len(locale) >= 2 and locale != "C" else "en"


def install_translator(language: Optional[str] = None) -> Optional[QTranslator]:
    """Load and install the translation for `language` (default: QGIS's); None when there is none.

    The caller keeps the returned translator and passes it to `remove_translator` on unload.
    """
    qm_file = I18N_DIR / "{prefix}{language}.qm".format(prefix=QM_PREFIX, language=language or qgis_language())
    if not qm_file.is_file():
        return None
    translator = QTranslator()
    if not translator.load(str(qm_file)):
        return None
    QCoreApplication.installTranslator(translator)
    return translator


def remove_translator(translator: Optional[QTranslator]) -> None:
    if translator is not None:
        QCoreApplication.removeTranslator(translator)
