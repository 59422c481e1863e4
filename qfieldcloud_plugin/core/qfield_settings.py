"""QField's settings of a project and its layers, stored where QFieldSync writes them and where
libqfieldsync, the real QFieldCloud packager, reads them: same keys, same values, same defaults.

Each key and default, with the line of libqfieldsync or QFieldSync it comes from, is listed in
docs/qfield-settings.md. Nothing here needs a widget; the dialogs and the project check use it.
"""

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import partial
from typing import Dict, List, Optional, Tuple

from qgis.core import QgsMapLayer, QgsProject

from .layers import layer_file
from .translation import tr


class CloudAction:
    """What the packager does with a layer (libqfieldsync `SyncAction`)."""

    OFFLINE = "offline"  # its features go into the package's data.gpkg; QField edits them offline
    NO_ACTION = "no_action"  # a file is copied as it is; a database or web layer stays online
    KEEP_EXISTENT = "keep_existent"  # cable export only: keep a copy already on the device
    COPY = "copy"  # cable export only
    REMOVE = "remove"  # left out of the package


# Layer custom properties (libqfieldsync layer.py `read_layer`).
CLOUD_ACTION = "QFieldSync/cloud_action"
ATTACHMENT_NAMING = "QFieldSync/attachment_naming"
PHOTO_NAMING = "QFieldSync/photo_naming"  # read by QField < 2.7: written beside attachment_naming
# Written by the packager on the packaged copy when no primary key is usable.
UNSUPPORTED_SOURCE_PK = "QFieldSync/unsupported_source_pk"

# Project entries (QFieldSync preferences.py: a project-scope Stringlist of the "QFieldSync" plugin).
PROJECT_SCOPE = "QFieldSync"
ATTACHMENT_DIRS = "attachmentDirs"
# QFieldSync's default when the project has no entry. The server's own default is "DCIM" alone
# (contract §6 `is_attachment`), which is why the settings dialog always writes the entry.
DEFAULT_ATTACHMENT_DIRS = ("DCIM", "audio", "video", "files")

# The attachment editor widget's DocumentViewer values (QgsExternalResourceWidget) and the folder
# and name pattern libqfieldsync gives each by default (`ATTACHMENT_EXPRESSIONS`).
ATTACHMENT_FILE, ATTACHMENT_IMAGE, ATTACHMENT_WEB, ATTACHMENT_AUDIO, ATTACHMENT_VIDEO = range(5)
_DEFAULT_NAMING = {
    ATTACHMENT_FILE: "'files/{layername}_' || format_date(now(),'yyyyMMddhhmmsszzz') || '_{{filename}}'",
    ATTACHMENT_IMAGE: "'DCIM/{layername}_' || format_date(now(),'yyyyMMddhhmmsszzz') || '.{{extension}}'",
    ATTACHMENT_WEB: "",
    ATTACHMENT_AUDIO: "'audio/{layername}_' || format_date(now(),'yyyyMMddhhmmsszzz') || '.{{extension}}'",
    ATTACHMENT_VIDEO: "'video/{layername}_' || format_date(now(),'yyyyMMddhhmmsszzz') || '.{{extension}}'",
}


def is_file_layer(layer: QgsMapLayer) -> bool:
    """Whether the layer reads a file that exists (libqfieldsync `is_file`)."""
    path = layer_file(layer)
    return path is not None and path.is_file()


def is_virtual(layer: QgsMapLayer) -> bool:
    provider = layer.dataProvider()
    return provider is not None and provider.name() == "virtual"


def is_localized(layer: QgsMapLayer, project: QgsProject) -> bool:
    """A path in QGIS's localized data folders: the same on every device, never packaged."""
    path = layer_file(layer)
    return path is not None and project.pathResolver().writePath(str(path)).startswith("localized:")


def available_cloud_actions(layer: QgsMapLayer, project: QgsProject) -> List[str]:
    """The actions the packager accepts for `layer`, the default first (libqfieldsync
    `available_cloud_actions`)."""
    if is_virtual(layer) or is_localized(layer, project):
        return [CloudAction.NO_ACTION, CloudAction.REMOVE]
    if layer.type() == QgsMapLayer.LayerType.VectorLayer:
        actions = [CloudAction.OFFLINE]
        # An editable vector file is always converted: a plain copy would not carry QField's edits back.
        if not is_file_layer(layer) or layer.readOnly():
            actions.append(CloudAction.NO_ACTION)
        return actions + [CloudAction.REMOVE]
    return [CloudAction.NO_ACTION, CloudAction.REMOVE]


def cloud_action(layer: QgsMapLayer, project: QgsProject) -> str:
    """The layer's stored action, else its default (the first available)."""
    stored = layer.customProperty(CLOUD_ACTION)
    return str(stored) if stored else available_cloud_actions(layer, project)[0]


def set_cloud_action(layer: QgsMapLayer, action: str) -> None:
    layer.setCustomProperty(CLOUD_ACTION, action)


def cloud_action_label(action: str, layer: QgsMapLayer) -> str:
    """What the action means for this layer, in the user's words."""
    if action == CloudAction.OFFLINE:
        return tr("Offline editing")
    if action == CloudAction.NO_ACTION:
        return tr("Copy the file as it is") if is_file_layer(layer) else tr("Keep online (direct access)")
    if action == CloudAction.REMOVE:
        return tr("Remove from the package")
    if action in (CloudAction.COPY, CloudAction.KEEP_EXISTENT):
        return tr("Copy (cable export only)")
    return action


def primary_key(layer: QgsMapLayer) -> Optional[str]:
    """The field the packager uses to match QField's edits with the source features, or None when no
    key is usable: such a layer reaches QField read-only (libqfieldsync `get_pk_attr_name`).

    A single-column primary key, else a field named "fid"; composite keys and commas are refused.
    """
    if layer.type() != QgsMapLayer.LayerType.VectorLayer:
        return None
    fields = layer.fields()
    indexes = layer.primaryKeyAttributes()
    if len(indexes) > 1:
        return None
    if indexes:
        name = fields.at(indexes[0]).name()
    else:
        index = fields.lookupField("fid")
        name = fields.at(index).name() if index >= 0 and fields.at(index).name().lower() == "fid" else ""
    return name if name and "," not in name else None


def attachment_fields(layer: QgsMapLayer) -> Dict[str, int]:
    """Fields edited with the attachment widget (ExternalResource), each with its DocumentViewer type."""
    if layer.type() != QgsMapLayer.LayerType.VectorLayer:
        return {}
    found = {}
    for index, field in enumerate(layer.fields()):
        setup = layer.editorWidgetSetup(index)
        if setup.type() == "ExternalResource":
            viewer = setup.config().get("DocumentViewer", ATTACHMENT_FILE)
            found[field.name()] = viewer if viewer in _DEFAULT_NAMING else ATTACHMENT_FILE
    return found


def slug(text: str) -> str:
    """libqfieldsync's `slugify`: ASCII letters and digits, single dashes, lower case."""
    text = unicodedata.normalize("NFKD", text)
    text = re.sub(r"[^a-zA-Z0-9]+", "-", text).strip("-")
    return re.sub(r"-+", "-", text).lower()


def attachment_naming(layer: QgsMapLayer, field: str) -> str:
    """The expression that names a new attachment of `field` in QField."""
    kind = attachment_fields(layer).get(field, ATTACHMENT_FILE)
    stored = _json_property(layer, ATTACHMENT_NAMING)
    legacy = _json_property(layer, PHOTO_NAMING) if kind == ATTACHMENT_IMAGE else {}
    default = _DEFAULT_NAMING[kind].format(layername=slug(layer.name()))
    return str(stored.get(field) or legacy.get(field) or default)


def set_attachment_naming(layer: QgsMapLayer, field: str, expression: str) -> None:
    naming = _json_property(layer, ATTACHMENT_NAMING)
    naming[field] = expression
    layer.setCustomProperty(ATTACHMENT_NAMING, json.dumps(naming))
    if attachment_fields(layer).get(field) == ATTACHMENT_IMAGE:
        photos = _json_property(layer, PHOTO_NAMING)
        photos[field] = expression
        layer.setCustomProperty(PHOTO_NAMING, json.dumps(photos))


def attachment_dirs(project: QgsProject) -> List[str]:
    """The project's attachment folders (relative to the project file), QFieldSync's default without an entry."""
    values, ok = project.readListEntry(PROJECT_SCOPE, ATTACHMENT_DIRS)
    dirs = [v.strip().strip("/") for v in values if v.strip().strip("/")] if ok else []
    return dirs or list(DEFAULT_ATTACHMENT_DIRS)


def set_attachment_dirs(project: QgsProject, dirs: List[str]) -> None:
    project.writeEntry(PROJECT_SCOPE, ATTACHMENT_DIRS, [d.strip().strip("/") for d in dirs if d.strip().strip("/")])


def _json_property(layer: QgsMapLayer, key: str) -> Dict[str, str]:
    try:
        value = json.loads(layer.customProperty(key) or "{}")
    except (TypeError, ValueError):
        return {}
    return value if isinstance(value, dict) else {}


# The project's QField configuration read by libqfieldsync's `ProjectConfig` (project.py): scope
# "qfieldsync", keys with a leading slash.
CONFIG_SCOPE = "qfieldsync"
SINGLE_LAYER, MAP_THEME = "singleLayer", "mapTheme"


@dataclass
class BaseMap:
    """A base map rendered into the package when it is made (libqfieldsync `_export_basemap`)."""

    enabled: bool = False
    kind: str = SINGLE_LAYER  # or MAP_THEME
    layer_id: str = ""
    theme: str = ""
    tile_size: int = 1024
    min_zoom: int = 14
    max_zoom: int = 14


def base_map(project: QgsProject) -> BaseMap:
    read = partial(project.readEntry, CONFIG_SCOPE)
    kind = read("/baseMapType", SINGLE_LAYER)[0]
    return BaseMap(
        enabled=project.readBoolEntry(CONFIG_SCOPE, "/createBaseMap", False)[0],
        kind=kind if kind in (SINGLE_LAYER, MAP_THEME) else SINGLE_LAYER,
        layer_id=read("/baseMapLayer", "")[0],
        theme=read("/baseMapTheme", "")[0],
        tile_size=project.readNumEntry(CONFIG_SCOPE, "/baseMapTileSize", 1024)[0],
        min_zoom=project.readNumEntry(CONFIG_SCOPE, "/baseMapTilesMinZoomLevel", 14)[0],
        max_zoom=project.readNumEntry(CONFIG_SCOPE, "/baseMapTilesMaxZoomLevel", 14)[0],
    )


def set_base_map(project: QgsProject, value: BaseMap) -> None:
    project.writeEntryBool(CONFIG_SCOPE, "/createBaseMap", value.enabled)
    project.writeEntry(CONFIG_SCOPE, "/baseMapType", value.kind)
    project.writeEntry(CONFIG_SCOPE, "/baseMapLayer", value.layer_id)
    project.writeEntry(CONFIG_SCOPE, "/baseMapTheme", value.theme)
    project.writeEntry(CONFIG_SCOPE, "/baseMapTileSize", value.tile_size)
    project.writeEntry(CONFIG_SCOPE, "/baseMapTilesMinZoomLevel", value.min_zoom)
    project.writeEntry(CONFIG_SCOPE, "/baseMapTilesMaxZoomLevel", value.max_zoom)


def area_of_interest(project: QgsProject) -> Tuple[str, str]:
    """(WKT, CRS auth id) of the area the base map covers and, optionally, the offline copy; ("", "") when unset."""
    return project.readEntry(CONFIG_SCOPE, "/areaOfInterest", "")[0], project.readEntry(
        CONFIG_SCOPE, "/areaOfInterestCrs", ""
    )[0]


def set_area_of_interest(project: QgsProject, wkt: str, crs: str) -> None:
    project.writeEntry(CONFIG_SCOPE, "/areaOfInterest", wkt)
    project.writeEntry(CONFIG_SCOPE, "/areaOfInterestCrs", crs)
