"""The sync base: each file's state at the last successful sync, per cloud project.

Stored in `<project folder>/.qfieldcloud/sync-state.json` (the hidden folder is never
uploaded), so the base travels with the folder and no two folders linked to the same cloud
project share one. Keyed by cloud project id: relinking the folder starts from no base.
Written atomically (temporary file, fsync, `os.replace`); a damaged file reads as "no base",
which makes the next sync conservative (nothing deleted, differences are conflicts).
"""

import json
import threading
from pathlib import Path
from typing import Dict, Iterable, Mapping, Optional, Set

from ..client.atomic_file import write_json_atomically
from ..client.names import STATE_DIR
from .sync import FileState

STATE_FILE = "sync-state.json"
FORMAT = 1

_lock = threading.Lock()  # one writer at a time within QGIS; tasks of two flows may end together


class SyncStateStore:
    """Load and update the base of the cloud projects synced in `folder`."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.path = self.folder / STATE_DIR / STATE_FILE

    def _read(self) -> Dict:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("projects"), dict):
            return {}
        return data

    def load(self, project_id: str) -> Optional[Dict[str, FileState]]:
        """The base of `project_id` (name → FileState), or None if this folder never synced it."""
        project = self._read().get("projects", {}).get(project_id)
        if not isinstance(project, dict) or not isinstance(project.get("files"), dict):
            return None
        try:
            return {
                str(name): FileState.from_json(entry)
                for name, entry in project["files"].items()
                if isinstance(entry, dict)
            }
        except (TypeError, ValueError, AttributeError):
            return None  # damaged: no base, so the next sync proposes no deletion and asks about differences

    def kept_beside(self, project_id: str) -> Set[str]:
        """The server copies that "keep both" saved beside local files: the user's to read, never synced."""
        project = self._read().get("projects", {}).get(project_id)
        names = project.get("kept_beside") if isinstance(project, dict) else None
        return {name for name in names if isinstance(name, str)} if isinstance(names, list) else set()

    def update(
        self,
        project_id: str,
        synced: Mapping[str, FileState],
        removed: Iterable[str] = (),
        kept_beside: Iterable[str] = (),
    ) -> None:
        """Record `synced` (verified on both sides) and drop `removed`; creates the base if needed."""
        with _lock:
            data = self._read() or {"format": FORMAT, "projects": {}}
            project = data["projects"].get(project_id)
            if not isinstance(project, dict) or not isinstance(project.get("files"), dict):
                project = data["projects"][project_id] = {"files": {}}  # damaged: start this project afresh
            files = project["files"]
            for name, state in synced.items():
                files[name] = state.to_json()
            for name in removed:
                files.pop(name, None)
            beside = project.get("kept_beside") if isinstance(project.get("kept_beside"), list) else []
            project["kept_beside"] = sorted(set(beside) | set(kept_beside))
            self._write(data)

    def _write(self, data: Dict) -> None:
        write_json_atomically(self.path, data, durable=True, indent=1, sort_keys=True)
