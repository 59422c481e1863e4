"""Which cloud project the open QgsProject belongs to, stored in the project file itself.

The link (server, project id, owner, name) is written with `QgsProject.writeEntry`, so
reopening the .qgs/.qgz remembers it. The state of the files at the last sync is kept
beside the project instead (`sync_state.py`): writing it into the project would change the
project file right after uploading it.
"""

import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Optional

from qgis.core import QgsProject

from ..client.atomic_file import write_json_atomically
from ..client.names import STATE_DIR

SCOPE = "QFieldCloud"
# Written into a folder that holds a downloaded package: the offline copy QField uses, made by
# the server from the project. It may carry the project's link, but it is not a working copy.
PACKAGE_MARKER = "package.json"


@dataclass(frozen=True)
class ProjectLink:
    server_url: str
    project_id: str
    owner: str
    name: str

    @property
    def full_name(self) -> str:
        return "{owner}/{name}".format(owner=self.owner, name=self.name)


def read_link(project: QgsProject = None) -> Optional[ProjectLink]:
    """The link stored in `project` (default: the open project), or None."""
    project = project or QgsProject.instance()
    values = {}
    for key in ("server_url", "project_id", "owner", "name"):
        value, ok = project.readEntry(SCOPE, key, "")
        values[key] = value if ok else ""
    if not values["project_id"]:
        return None
    return ProjectLink(**values)


def write_link(link: ProjectLink, project: QgsProject = None) -> None:
    """Store `link` in `project`; it is saved with the project file."""
    project = project or QgsProject.instance()
    for key, value in asdict(link).items():
        project.writeEntry(SCOPE, key, value)


def project_folder(project: QgsProject = None) -> Optional[Path]:
    """The folder of the saved project file, or None for an unsaved project."""
    project = project or QgsProject.instance()
    if not project.fileName():
        return None
    return Path(project.fileName()).resolve().parent


def mark_package_folder(folder: Path, project_id: str) -> None:
    """Remember that `folder` holds a package of `project_id` (see PACKAGE_MARKER)."""
    write_json_atomically(Path(folder) / STATE_DIR / PACKAGE_MARKER, {"format": 1, "project_id": project_id})


def package_of(folder: Optional[Path]) -> Optional[str]:
    """The cloud project whose package `folder` holds, or None for any other folder."""
    if folder is None:
        return None
    try:
        data = json.loads((Path(folder) / STATE_DIR / PACKAGE_MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return str(data.get("project_id") or "") or None if isinstance(data, dict) else None
