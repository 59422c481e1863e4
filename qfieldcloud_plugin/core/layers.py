"""The open project's layers and the files a transfer touches: pending edits, reloads.

A layer keeps its data file open. When a download or sync replaces that file (a rename of a
new file over it), the layer goes on reading the old one through its open handle, and a
later "Save Layer Edits" writes into the copy that moved to the trash. So layers whose file
was replaced are reloaded; and a layer with edits that are not saved yet would lose them, or
write them over the new file, so such layers must be settled (saved or rolled back) before
a transfer may touch their file. Runs on the GUI thread, like every use of map layers.
"""

import os
from pathlib import Path
from typing import Iterable, List, Optional

from qgis.core import QgsMapLayer, QgsProject, QgsProviderRegistry, QgsVectorLayer


def layer_file(layer: QgsMapLayer) -> Optional[Path]:
    """The local file a layer reads, or None (a database, a web service, a memory layer)."""
    if not layer.dataProvider():
        return None
    parts = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source())
    path = parts.get("path")
    if not path or not os.path.isabs(path):
        return None
    return Path(path)


def layers_in(folder: Path, project: Optional[QgsProject] = None) -> List[QgsMapLayer]:
    """The project's layers whose file lies in `folder`."""
    root = Path(folder).resolve()
    found = []
    for layer in (project or QgsProject.instance()).mapLayers().values():
        path = layer_file(layer)
        if path is not None and inside(path, root) is not None:
            found.append(layer)
    return found


def layers_using(folder: Path, names: Iterable[str], project: Optional[QgsProject] = None) -> List[QgsMapLayer]:
    """The project's layers that read one of the files `names` (POSIX names in `folder`)."""
    root = Path(folder).resolve()
    wanted = {os.path.normcase(str(root.joinpath(*name.split("/")))) for name in names}
    return [layer for layer in layers_in(root, project) if os.path.normcase(str(layer_file(layer).resolve())) in wanted]  # type: ignore[union-attr]


def with_pending_edits(layers: Iterable[QgsMapLayer]) -> List[QgsVectorLayer]:
    """The layers in edit mode or with changes that are not saved to their file."""
    return [
        layer for layer in layers if isinstance(layer, QgsVectorLayer) and (layer.isEditable() or layer.isModified())
    ]


def reload_layers(layers: Iterable[QgsMapLayer]) -> List[str]:
    """Re-open each layer's file (it was replaced) and repaint it; their names."""
    reloaded = []
    for layer in layers:
        layer.reload()
        layer.triggerRepaint()
        reloaded.append(layer.name())
    return reloaded


def inside(path: Path, folder: Path) -> Optional[str]:
    """`path` relative to `folder` as a POSIX name, or None when it lies outside (or on another drive)."""
    try:
        return Path(path).resolve().relative_to(Path(folder).resolve()).as_posix()
    except ValueError:
        return None
