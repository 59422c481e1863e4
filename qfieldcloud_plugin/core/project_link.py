"""Which cloud project the open QgsProject belongs to, stored in the project file itself.

The link (server, project id, owner, name) is written with `QgsProject.writeEntry`, so
reopening the .qgs/.qgz remembers it. The md5sums recorded at the last sync are kept
next to the profile instead, keyed by cloud project id: writing them into the project
would change the project file right after uploading it.
"""

import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Dict, Optional

from qgis.core import QgsApplication, QgsProject

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


class SyncState:
    """Remote md5sums recorded after the last successful transfer of each file."""

    def __init__(self, project_id: str, directory: Path = None) -> None:
        directory = directory or Path(QgsApplication.qgisSettingsDirPath()) / "qfieldcloud" / "sync"
        self.path = directory / "{pid}.json".format(pid=project_id)

    def load(self) -> Dict[str, str]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return {str(k): str(v) for k, v in data.get("files", {}).items()}

    def update(self, md5sums: Dict[str, str]) -> None:
        """Record `md5sums` (name → md5sum on the server) on top of what was known."""
        files = self.load()
        files.update(md5sums)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps({"files": files}, indent=1, sort_keys=True), encoding="utf-8")
        tmp.replace(self.path)
