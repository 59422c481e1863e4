"""The project check, layer by layer: sources outside the folder or QField cannot open, edits not
saved, scratch and online layers, credentials, primary keys and attachment fields."""

import os
from pathlib import Path
from typing import List, Optional, Tuple

from qgis.core import QgsFeatureRequest, QgsMapLayer, QgsProject, QgsProviderRegistry

from ..client.units import format_size
from .findings import (
    BLOCKS,
    FIX_COMMIT_EDITS,
    FIX_COPY_INTO_FOLDER,
    FIX_RELATIVE_ATTACHMENTS,
    FIX_REMOVE_FROM_PACKAGE,
    FIX_SAVE_MEMORY_LAYER,
    INFORMS,
    WARNS,
    Finding,
)
from .layers import inside, layer_file
from .project_files import data_files
from .qfield_settings import CloudAction, attachment_fields, cloud_action, is_localized, primary_key
from .translation import tr

# Formats QField's builds cannot open (libqfieldsync `is_supported` removes ECW layers).
UNSUPPORTED_SUFFIXES = (".ecw", ".sid")
LARGE_FILE = 200 * 1024 * 1024
# Providers that stay online in QField, by what they need there.
DATABASE_PROVIDERS = ("postgres", "mssql", "oracle", "hana", "db2", "spatialite_remote")
WEB_PROVIDERS = ("wms", "wfs", "oapif", "arcgisfeatureserver", "arcgismapserver", "wcs", "vectortile", "xyzvectortiles")
# The editor widget's RelativeStorage: 0 absolute paths, 1 relative to the project, 2 to its default path.
ABSOLUTE_STORAGE = 0
# How many features the check reads for attachment paths.
ATTACHMENTS_READ = 1000


def layer_findings(layer: QgsMapLayer, project: QgsProject, folder: Path) -> List[Finding]:
    """Every finding for one layer; none for a layer the packager leaves out."""
    name = layer.name()
    lid = layer.id()
    provider = layer.providerType()
    action = cloud_action(layer, project)
    if action == CloudAction.REMOVE:
        return []  # the packager leaves it out: nothing about it can break QField
    if not layer.isValid():
        return [
            Finding(
                "invalid",
                WARNS,
                tr(
                    'The layer "{name}" has no data: its source is missing. The packager leaves it out. Repair '
                    "its source (right-click ▸ Repair Data Source), or leave it out of the package."
                ).format(name=name),
                lid,
                FIX_REMOVE_FROM_PACKAGE,
                tr("Leave it out of the package"),
            )
        ]
    findings = []
    if provider == "memory":
        findings.append(
            Finding(
                "memory_layer",
                BLOCKS,
                tr('The layer "{name}" is a scratch layer: its features exist only in this QGIS session.').format(
                    name=name
                ),
                lid,
                FIX_SAVE_MEMORY_LAYER,
                tr("Save it into a GeoPackage in the project folder"),
            )
        )
    if layer.type() == QgsMapLayer.LayerType.VectorLayer and layer.isEditable():
        findings.append(
            Finding(
                "editing",
                BLOCKS if layer.isModified() else WARNS,
                (
                    tr('The layer "{name}" has edits that are not saved.')
                    if layer.isModified()
                    else tr('The layer "{name}" is in edit mode.')
                ).format(name=name),
                lid,
                FIX_COMMIT_EDITS,
                tr("Save the edits and stop editing"),
            )
        )
    findings += _source_findings(layer, project, folder, action)
    findings += _attachment_findings(layer, folder)
    return findings


def _source_findings(layer: QgsMapLayer, project: QgsProject, folder: Path, action: str) -> List[Finding]:
    name, lid, provider = layer.name(), layer.id(), layer.providerType()
    path = layer_file(layer)
    findings = []
    if path is not None and path.is_file() and not is_localized(layer, project):
        if inside(path, folder) is None:
            findings.append(
                Finding(
                    "outside_folder",
                    BLOCKS,
                    tr(
                        'The data of "{name}" is outside the project folder ({path}): it would not be '
                        "uploaded, and QField would get a broken layer."
                    ).format(name=name, path=str(path)),
                    lid,
                    FIX_COPY_INTO_FOLDER,
                    tr("Copy it into the project folder (the original stays as it is)"),
                )
            )
        if path.name.lower().endswith(UNSUPPORTED_SUFFIXES):
            findings.append(
                Finding(
                    "unsupported_format",
                    WARNS,
                    tr('QField cannot open "{name}" ({file}): the packager leaves it out.').format(
                        name=name, file=path.name
                    ),
                    lid,
                    FIX_REMOVE_FROM_PACKAGE,
                    tr("Leave it out of the package"),
                )
            )
        total = sum(size_of(p) for p in data_files(layer))
        if total >= LARGE_FILE:
            findings.append(
                Finding(
                    "large_file",
                    INFORMS,
                    tr('The data of "{name}" is {size}: every device downloads all of it.').format(
                        name=name, size=format_size(total)
                    ),
                    lid,
                )
            )
    elif provider in DATABASE_PROVIDERS or provider in WEB_PROVIDERS:
        findings.append(_online_finding(layer, action))
    if path is not None and not str(path).isascii():
        findings.append(
            Finding(
                "non_ascii_path",
                INFORMS,
                tr(
                    'The file of "{name}" has letters outside ASCII in its path ({file}): some devices may not open it.'
                ).format(name=name, file=path.name),
                lid,
            )
        )
    encoding = layer.dataProvider().encoding() if layer.type() == QgsMapLayer.LayerType.VectorLayer else ""
    if encoding and encoding.upper().replace("-", "") != "UTF8":
        findings.append(
            Finding(
                "encoding",
                WARNS,
                tr('The layer "{name}" is encoded in {encoding}, not UTF-8: QField may show its text wrongly.').format(
                    name=name, encoding=encoding
                ),
                lid,
            )
        )
    auth = _auth_config(layer)
    if auth:
        findings.append(
            Finding(
                "auth_config",
                WARNS,
                tr(
                    'The layer "{name}" logs in with the QGIS authentication configuration {id}, which exists '
                    "only in this QGIS: QField has no such configuration, so the layer will fail or ask there."
                ).format(name=name, id=auth),
                lid,
            )
        )
    if layer.type() == QgsMapLayer.LayerType.VectorLayer and action == CloudAction.OFFLINE and not primary_key(layer):
        findings.append(
            Finding(
                "no_primary_key",
                WARNS,
                tr(
                    'The layer "{name}" has no usable primary key (one column, or a field named fid): QField '
                    "gets it read-only."
                ).format(name=name),
                lid,
            )
        )
    return findings


def _online_finding(layer: QgsMapLayer, action: str) -> Finding:
    name = layer.name()
    if action == CloudAction.OFFLINE:
        text = tr(
            'The layer "{name}" ({provider}) is copied for offline editing when the project is packaged: the '
            "QFieldCloud server must reach its source then, and edits made in QField are sent back to it."
        )
    elif layer.providerType() in DATABASE_PROVIDERS:
        text = tr(
            'The layer "{name}" ({provider}) stays online: QField needs the network and access to the '
            "database server on the device."
        )
    else:
        text = tr('The layer "{name}" ({provider}) is a web service: QField shows it only with a network connection.')
    return Finding("online_layer", INFORMS, text.format(name=name, provider=layer.providerType()), layer.id())


def _attachment_findings(layer: QgsMapLayer, folder: Path) -> List[Finding]:
    findings = []
    fields = attachment_fields(layer)  # once: it reads every field's editor widget
    for index, field in enumerate(layer.fields() if fields else []):
        if field.name() not in fields:
            continue
        config = layer.editorWidgetSetup(index).config()
        if int(config.get("RelativeStorage", ABSOLUTE_STORAGE) or 0) == ABSOLUTE_STORAGE:
            findings.append(
                Finding(
                    "absolute_attachments:" + field.name(),
                    WARNS,
                    tr(
                        'The attachment field "{field}" of "{name}" stores absolute paths: photos taken in '
                        "QField would point outside the project."
                    ).format(field=field.name(), name=layer.name()),
                    layer.id(),
                    FIX_RELATIVE_ATTACHMENTS,
                    tr("Store paths relative to the project"),
                )
            )
        outside = _attachments_outside(layer, index, folder)
        if outside:
            findings.append(
                Finding(
                    "attachment_files_outside:" + field.name(),
                    WARNS,
                    tr(
                        'In "{name}", {count} attachments of "{field}" are files outside the project folder, such '
                        "as {example}: they are not uploaded, and QField shows them as missing."
                    ).format(name=layer.name(), count=outside[0], field=field.name(), example=outside[1]),
                    layer.id(),
                )
            )
        root = str(config.get("DefaultRoot") or "")
        if root and os.path.isabs(root) and inside(Path(root), folder) is None:
            findings.append(
                Finding(
                    "attachments_outside:" + field.name(),
                    WARNS,
                    tr(
                        'The attachments of "{field}" in "{name}" are kept in {root}, outside the project folder: '
                        "they are not uploaded. Move them into the project folder's attachment folders."
                    ).format(field=field.name(), name=layer.name(), root=root),
                    layer.id(),
                )
            )
    return findings


def _attachments_outside(layer: QgsMapLayer, index: int, folder: Path) -> Optional[Tuple[int, str]]:
    """(count, first) of the attachment values that are absolute paths outside `folder`, among the
    first ATTACHMENTS_READ features (a bound: the check runs before every upload)."""
    request = QgsFeatureRequest().setLimit(ATTACHMENTS_READ).setSubsetOfAttributes([index])
    request.setFlags(QgsFeatureRequest.Flag.NoGeometry)
    found = [
        str(value)
        for value in (feature.attribute(index) for feature in layer.getFeatures(request))
        if value and isinstance(value, str) and os.path.isabs(value) and inside(Path(value), folder) is None
    ]
    return (len(found), found[0]) if found else None


def _auth_config(layer: QgsMapLayer) -> str:
    """The authentication configuration a layer's source names ("authcfg"), or ""."""
    provider = layer.dataProvider()
    if provider is None:
        return ""
    metadata = QgsProviderRegistry.instance().providerMetadata(provider.name())
    decoded = metadata.decodeUri(layer.source()) if metadata is not None else {}
    return str(decoded.get("authcfg") or provider.uri().authConfigId() or "")


def size_of(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0
