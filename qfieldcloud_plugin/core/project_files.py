"""Which files of its folder a QGIS project uses: its own file and companions, its layers' data
with their side files, and its attachment folders. The project check and the upload list both ask."""

from pathlib import Path
from typing import Dict, Iterable

from qgis.core import QgsFileUtils, QgsMapLayer, QgsProject

from .layers import inside, layer_file
from .qfield_settings import attachment_dirs

PROJECT, DATA, ATTACHMENTS, OTHER = "project", "data", "attachments", "other"


def data_files(layer: QgsMapLayer) -> Iterable[Path]:
    """The layer's file and its side files (.shx, .dbf, .aux.xml…) that exist."""
    path = layer_file(layer)
    if path is None:
        return []
    paths = {str(path), *QgsFileUtils.sidecarFilesForPath(str(path))}
    return sorted(Path(p) for p in paths if Path(p).is_file())


def project_companions(project_file: Path) -> Iterable[Path]:
    """Files the real packager carries with the project: `<stem>.qml`, `<stem>_xx.qm` translations,
    `<stem>_attachments.zip`, `<stem>.qgd` (libqfieldsync `_get_additional_project_files`)."""
    stem = project_file.stem
    folder = project_file.parent
    yield project_file
    for pattern in (stem + ".qml", stem + "_??.qm", stem + "_attachments.zip", stem + ".qgd"):
        yield from folder.glob(pattern)


def used_files(project: QgsProject, folder: Path) -> Dict[str, str]:
    """Names (relative to `folder`) the project uses, each with its group: PROJECT, DATA or ATTACHMENTS.

    Attachment files are found by the attachment folders' names, not by reading every feature.
    """
    used: Dict[str, str] = {}
    if project.fileName():
        for path in project_companions(Path(project.fileName())):
            name = inside(path, folder)
            if name:
                used[name] = PROJECT
    for layer in project.mapLayers().values():
        for path in data_files(layer):
            name = inside(path, folder)
            if name and name not in used:
                used[name] = DATA
    return used


def is_attachment(name: str, dirs: Iterable[str]) -> bool:
    """Whether `name` lies in one of the attachment folders (a whole path part, unlike the server's
    plain prefix test: "DCIMx.jpg" is no attachment here)."""
    return any(name == d or name.startswith(d.rstrip("/") + "/") for d in dirs)


def group_of(name: str, used: Dict[str, str], project: QgsProject) -> str:
    if name in used:
        return used[name]
    return ATTACHMENTS if is_attachment(name, attachment_dirs(project)) else OTHER
