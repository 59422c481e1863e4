"""QFieldCloud for QGIS.

Only `classFactory` lives here: importing the package must not import QGIS, so that
`qfieldcloud_plugin.client` also works in plain Python scripts and on servers.
"""


def classFactory(iface):  # name required by QGIS
    """Entry point QGIS calls when it loads the plugin."""
    from .plugin import QFieldCloudPlugin

    return QFieldCloudPlugin(iface)
