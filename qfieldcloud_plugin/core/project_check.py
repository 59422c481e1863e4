"""The project check before an upload: what would reach QField broken, missing or surprising, each
finding with its severity and, where one exists, the fix (project_fixes.py applies it).

`check_project` reads the open QgsProject and a bounded part of its folder; it changes nothing.
The findings follow QFieldSync's project checker and libqfieldsync's packager (docs/qfield-settings.md).
"""

import os
from dataclasses import dataclass
from pathlib import Path
from typing import List, Optional, Tuple

from qgis.core import QgsMapLayer, QgsProject, QgsProviderRegistry
from qgis.PyQt.QtCore import QStandardPaths

from ..client.units import format_size
from .project_files import data_files, inside
from .qfield_settings import CloudAction, attachment_fields, cloud_action, is_localized, layer_file, primary_key
from .translation import tr

BLOCKS, WARNS, INFORMS = "blocks", "warns", "informs"
SEVERITY_ORDER = (BLOCKS, WARNS, INFORMS)

# Fixes project_fixes.py knows.
FIX_COPY_INTO_FOLDER = "copy_into_folder"
FIX_RELATIVE_PATHS = "relative_paths"
FIX_SAVE_MEMORY_LAYER = "save_memory_layer"
FIX_COMMIT_EDITS = "commit_edits"
FIX_FLUSH_WAL = "flush_wal"
FIX_REMOVE_FROM_PACKAGE = "remove_from_package"
FIX_RELATIVE_ATTACHMENTS = "relative_attachments"

# Formats QField's builds cannot open (libqfieldsync `is_supported` removes ECW layers).
UNSUPPORTED_SUFFIXES = (".ecw", ".sid")
LARGE_FILE = 200 * 1024 * 1024
# Providers that stay online in QField, by what they need there.
DATABASE_PROVIDERS = ("postgres", "mssql", "oracle", "hana", "db2", "spatialite_remote")
WEB_PROVIDERS = ("wms", "wfs", "oapif", "arcgisfeatureserver", "arcgismapserver", "wcs", "vectortile", "xyzvectortiles")
# A folder holding more files than this is likely not the project's own (checked up to this count).
CROWDED_FOLDER = 1000
# The editor widget's RelativeStorage: 0 absolute paths, 1 relative to the project, 2 to its default path.
ABSOLUTE_STORAGE = 0


@dataclass(frozen=True)
class Finding:
    kind: str
    severity: str
    message: str
    layer_id: str = ""
    fix: Optional[str] = None
    fix_label: str = ""

    @property
    def key(self) -> Tuple[str, str]:
        """What identifies the finding from one check to the next (its wording may change)."""
        return self.kind, self.layer_id


def check_project(project: QgsProject) -> List[Finding]:
    """Every finding for `project`, the blocking ones first."""
    if not project.fileName():
        return [
            Finding(
                "not_saved",
                BLOCKS,
                tr("The project is not saved yet: save it in a folder of its own, which is what gets uploaded."),
            )
        ]
    folder = Path(project.fileName()).resolve().parent
    findings = _project_findings(project, folder)
    for layer in project.mapLayers().values():
        findings += _layer_findings(layer, project, folder)
    return sorted(findings, key=lambda f: SEVERITY_ORDER.index(f.severity))


def _project_findings(project: QgsProject, folder: Path) -> List[Finding]:
    findings = []
    absolute, _ok = project.readBoolEntry("Paths", "/Absolute", False)
    if absolute:
        findings.append(
            Finding(
                "absolute_paths",
                WARNS,
                tr("The project stores absolute paths: on a phone or tablet they point nowhere."),
                fix=FIX_RELATIVE_PATHS,
                fix_label=tr("Save with relative paths"),
            )
        )
    crowded = _crowded_reason(folder)
    if crowded:
        findings.append(Finding("crowded_folder", WARNS, crowded))
    for wal in sorted(folder.glob("**/*.gpkg-wal"))[:20]:
        if _size(wal):
            findings.append(
                Finding(
                    "wal:" + (inside(wal, folder) or wal.name),
                    WARNS,
                    tr("{name} has edits not yet written into the GeoPackage itself (its -wal file).").format(
                        name=inside(wal.with_name(wal.name[: -len("-wal")]), folder)
                    ),
                    fix=FIX_FLUSH_WAL,
                    fix_label=tr("Write them into the GeoPackage"),
                )
            )
    return findings


def _crowded_reason(folder: Path) -> Optional[str]:
    standard = {
        Path(p).resolve()
        for location in (
            QStandardPaths.StandardLocation.HomeLocation,
            QStandardPaths.StandardLocation.DocumentsLocation,
            QStandardPaths.StandardLocation.DesktopLocation,
            QStandardPaths.StandardLocation.DownloadLocation,
        )
        for p in QStandardPaths.standardLocations(location)
    }
    if folder in standard:
        return tr(
            "The project is saved in {folder}, a folder of all your files. Only the files you tick in the "
            "upload list are sent, but a folder of its own (Project ▸ Save As…) keeps the project together."
        ).format(folder=str(folder))
    count = 0
    for _root, _dirs, files in os.walk(folder):
        count += len(files)
        if count > CROWDED_FOLDER:
            return tr(
                "{folder} holds more than {count} files: more than a project usually has. Check the upload "
                "list, or save the project in a folder of its own."
            ).format(folder=str(folder), count=CROWDED_FOLDER)
    return None


def _layer_findings(layer: QgsMapLayer, project: QgsProject, folder: Path) -> List[Finding]:
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
    if path and os.path.isfile(path) and not is_localized(layer, project):
        if inside(Path(path), folder) is None:
            findings.append(
                Finding(
                    "outside_folder",
                    BLOCKS,
                    tr(
                        'The data of "{name}" is outside the project folder ({path}): it would not be '
                        "uploaded, and QField would get a broken layer."
                    ).format(name=name, path=path),
                    lid,
                    FIX_COPY_INTO_FOLDER,
                    tr("Copy it into the project folder (the original stays as it is)"),
                )
            )
        if path.lower().endswith(UNSUPPORTED_SUFFIXES):
            findings.append(
                Finding(
                    "unsupported_format",
                    WARNS,
                    tr('QField cannot open "{name}" ({file}): the packager leaves it out.').format(
                        name=name, file=Path(path).name
                    ),
                    lid,
                    FIX_REMOVE_FROM_PACKAGE,
                    tr("Leave it out of the package"),
                )
            )
        total = sum(_size(p) for p in data_files(layer))
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
    for index, field in enumerate(layer.fields() if layer.type() == QgsMapLayer.LayerType.VectorLayer else []):
        if field.name() not in attachment_fields(layer):
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


def _auth_config(layer: QgsMapLayer) -> str:
    """The authentication configuration a layer's source names ("authcfg"), or ""."""
    provider = layer.dataProvider()
    if provider is None:
        return ""
    metadata = QgsProviderRegistry.instance().providerMetadata(provider.name())
    decoded = metadata.decodeUri(layer.source()) if metadata is not None else {}
    return str(decoded.get("authcfg") or provider.uri().authConfigId() or "")


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0
