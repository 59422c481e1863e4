"""Who changed a conflicting file on QFieldCloud since the last sync: versions and QField's edits.

Read on a worker thread while the plan is made, so the plan dialog can say in words what
each choice does to whom ("2 edits from bob since your last sync").
"""

from datetime import datetime
from typing import Dict, List, Mapping, Optional

from ..client import Client, QfcException
from .geopackage import is_sqlite_name
from .sync import ServerChanges, SyncKind, SyncPlan

APPLIED = ("STATUS_APPLIED", "applied")


def server_changes(
    client: Client, project_id: str, plan: SyncPlan, remote_files: Mapping[str, Mapping]
) -> Dict[str, ServerChanges]:
    """For each conflict with a base: the versions uploaded since, and the field edits applied since."""
    changes: Dict[str, ServerChanges] = {}
    deltas: Optional[List[Dict]] = None
    for action in plan.of_kind(SyncKind.CONFLICT):
        if action.base is None or not action.base.version_id:
            continue
        versions = (remote_files.get(action.name) or {}).get("versions") or []
        ids = [v.get("version_id") for v in versions if isinstance(v, dict)]
        if action.base.version_id not in ids:
            continue
        position = ids.index(action.base.version_id)
        since = versions[position].get("uploaded_at")
        editors: Dict[str, int] = {}
        if since and is_sqlite_name(action.name):
            if deltas is None:
                deltas = _deltas(client, project_id)
            for delta in deltas:
                if _applied(delta) and _after(delta.get("created_at"), since):
                    user = str(delta.get("created_by") or "?")
                    editors[user] = editors.get(user, 0) + 1
        changes[action.name] = ServerChanges(versions=position, editors=editors, since=since)
    return changes


def _deltas(client: Client, project_id: str) -> List[Dict]:
    try:
        return [d for d in client.list_deltas(project_id) if isinstance(d, dict)]
    except QfcException:
        return []  # an older server, or no right to see them: the wording only loses its names


def _applied(delta: Mapping) -> bool:
    return delta.get("status") in APPLIED or delta.get("last_status") in APPLIED


def _after(when: object, since: str) -> bool:
    try:
        return _parse(str(when)) > _parse(since)
    except ValueError:
        return False


def _parse(text: str) -> datetime:
    moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=datetime.now().astimezone().tzinfo)
