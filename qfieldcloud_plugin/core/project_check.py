"""The project check before an upload: what would reach QField broken, missing or surprising, each
finding with its severity and, where one exists, the fix (project_fixes.py applies it).

`check_project` reads the open QgsProject and a bounded part of its folder; it changes nothing.
The findings follow QFieldSync's project checker and libqfieldsync's packager (docs/qfield-settings.md).
"""

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import List, Optional, Tuple

from qgis.core import QgsProject
from qgis.PyQt.QtCore import QStandardPaths

from ..client.names import upload_name_problem
from .findings import (
    BLOCKS,
    FIX_CLEAR_HOME_PATH,
    FIX_FLUSH_WAL,
    FIX_RELATIVE_PATHS,
    INFORMS,
    SEVERITY_ORDER,
    WARNS,
    Finding,
)
from .layer_check import layer_findings, size_of
from .layers import inside
from .translation import tr

# A folder holding more files than this is likely not the project's own (checked up to this count).
CROWDED_FOLDER = 1000


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
        findings += layer_findings(layer, project, folder)
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
    if project.presetHomePath():
        findings.append(
            Finding(
                "home_path",
                WARNS,
                tr("The project sets its own home path ({path}): QField does not support it.").format(
                    path=project.presetHomePath()
                ),
                fix=FIX_CLEAR_HOME_PATH,
                fix_label=tr("Use the project file's folder"),
            )
        )
    walk = _walk(folder)
    crowded = _crowded_reason(folder, walk.crowded)
    if crowded:
        findings.append(Finding("crowded_folder", WARNS, crowded))
    if walk.refused:
        findings.append(
            Finding(
                "refused_names",
                WARNS,
                tr("QFieldCloud refuses these file names, so they cannot be uploaded: {names}. Rename them.").format(
                    names="; ".join("{} ({})".format(n, why) for n, why in walk.refused[:10])
                ),
            )
        )
    stem = Path(project.fileName()).stem
    namesakes = [n for n in walk.names if Path(n).stem == stem and not n.endswith("~") and n not in _companions(stem)]
    if namesakes:
        findings.append(
            Finding(
                "same_base_name",
                INFORMS,
                tr("Other files share the project's base name, which may confuse QField: {names}.").format(
                    names=", ".join(namesakes)
                ),
            )
        )
    for wal in sorted(folder.glob("**/*.gpkg-wal"))[:20]:
        if size_of(wal):
            findings.append(
                Finding(
                    "wal:" + (inside(wal, folder) or wal.name),
                    INFORMS,  # the upload itself writes them in first; the fix does it now
                    tr(
                        "{name} has edits not yet written into the GeoPackage itself (its -wal file). The upload "
                        "writes them in first, unless another program holds the file."
                    ).format(name=inside(wal.with_name(wal.name[: -len("-wal")]), folder)),
                    fix=FIX_FLUSH_WAL,
                    fix_label=tr("Write them into the GeoPackage"),
                )
            )
    return findings


@dataclass
class _Walk:
    names: List[str] = field(default_factory=list)
    refused: List[Tuple[str, str]] = field(default_factory=list)
    crowded: bool = False


def _walk(folder: Path) -> _Walk:
    """The folder's files (up to CROWDED_FOLDER of them), and those whose names the server refuses."""
    walk = _Walk()
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]  # the plugin's and other tools' state
        for file in files:
            name = (Path(root) / file).relative_to(folder).as_posix()
            if file.startswith("."):
                continue
            walk.names.append(name)
            problem = upload_name_problem(name)
            if problem:
                walk.refused.append((name, problem))
        if len(walk.names) > CROWDED_FOLDER:
            walk.crowded = True
            break
    return walk


def _companions(stem: str) -> List[str]:
    return [stem + suffix for suffix in (".qgs", ".qgz", ".qml", ".qgd", "_attachments.zip")]


def _crowded_reason(folder: Path, crowded: bool) -> Optional[str]:
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
    if crowded:
        return tr(
            "{folder} holds more than {count} files: more than a project usually has. Check the upload "
            "list, or save the project in a folder of its own."
        ).format(folder=str(folder), count=CROWDED_FOLDER)
    return None
