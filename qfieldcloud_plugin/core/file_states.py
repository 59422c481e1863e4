"""What a local folder holds, compared with the server: its QGIS project file, and the state of
each server file here (the dock's Files tab)."""

from pathlib import Path
from typing import Dict, List, Optional

from ..client import Client, TransferCancelledError, calc_etag
from ..client.names import is_qgis_project


def find_project_file(local_dir: Path, names: Optional[List[str]] = None) -> Optional[Path]:
    """The QGIS project file among `names` (or in `local_dir`), preferring the top level."""
    candidates = names if names is not None else [p.relative_to(local_dir).as_posix() for p in local_dir.rglob("*")]
    projects = sorted((n for n in candidates if is_qgis_project(n)), key=lambda n: (n.count("/"), n))
    return Path(local_dir) / projects[0] if projects else None


def local_file_states(client: Client, task, project_id: str, folder: Optional[Path]) -> List[Dict]:
    """The project's remote files, each with `local_state`: same, changed, missing or unlinked."""
    files = client.list_remote_files(project_id)
    for file in files:
        if task.isCanceled():
            raise TransferCancelledError("Cancelled while comparing files")
        if folder is None:
            file["local_state"] = "unlinked"
            continue
        local = Path(folder) / file["name"]
        if not local.is_file():
            file["local_state"] = "missing"
        else:
            file["local_state"] = "same" if calc_etag(local) == file.get("md5sum") else "changed"
    return files
