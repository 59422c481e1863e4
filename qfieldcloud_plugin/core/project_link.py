"""Which cloud project the open QgsProject belongs to, stored in the project file itself.

The link (server, project id, owner, name) is written with `QgsProject.writeEntry`, so
reopening the .qgs/.qgz remembers it. The state of the files at the last sync is kept
beside the project instead (`sync_state.py`): writing it into the project would change the
project file right after uploading it.
"""

from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Optional

from qgis.core import QgsProject

SCOPE = "QFieldCloud"


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


def remove_link(project: QgsProject = None) -> None:
    project = project or QgsProject.instance()
    project.removeEntry(SCOPE, "/")


def project_folder(project: QgsProject = None) -> Optional[Path]:
    """The folder of the saved project file, or None for an unsaved project."""
    project = project or QgsProject.instance()
    if not project.fileName():
        return None
    return Path(project.fileName()).resolve().parent
