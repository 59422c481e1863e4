"""Icons loaded by path (no compiled Qt resources), plus QGIS theme icons: for the dock, the
Browser, Processing and the toolbar alike."""

from pathlib import Path

from qgis.core import QgsApplication
from qgis.PyQt.QtGui import QIcon

ICONS_DIR = Path(__file__).resolve().parent.parent / "icons"


def plugin_icon(name: str) -> QIcon:
    """An SVG from the plugin's `icons/` folder, e.g. `plugin_icon("qfieldcloud")`."""
    return QIcon(str(ICONS_DIR / "{name}.svg".format(name=name)))


def theme_icon(name: str) -> QIcon:
    """A QGIS theme icon, e.g. `theme_icon("mActionRefresh.svg")`."""
    return QgsApplication.getThemeIcon("/" + name)
