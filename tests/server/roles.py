"""Who may do what on a project: QFieldCloud's role resolution and role matrix (contract §10)."""

from typing import Any, Dict, List, Optional, Tuple

from .errors import ApiError
from .store import ORGANIZATION, Store

ROLES = ("admin", "manager", "editor", "reporter", "reader")
# Highest role first, so a user with several sources of a role gets the best one.
RANK = {role: index for index, role in enumerate(ROLES)}

VIEW = ROLES
UPLOAD = ("admin", "manager", "editor", "reporter")
DELETE_FILES = ("admin", "manager", "editor")
MANAGE = ("admin", "manager")


def project_role(store: Store, user: Optional[Dict[str, Any]], project: Dict[str, Any]) -> Optional[Tuple[str, str]]:
    """(role, origin) of the user on the project, or None; public projects give everyone reader."""
    candidates = []
    if user is not None:
        owner = store.user_by_id(project["owner_id"])
        if owner["id"] == user["id"]:
            return "admin", "project_owner"
        if owner["type"] == ORGANIZATION:
            if owner["owner_id"] == user["id"]:
                return "admin", "organization_owner"
            if store.org_role(owner, user) == "admin":
                return "admin", "organization_admin"
        direct = store.one(
            "SELECT role FROM collaborators WHERE project_id = ? AND user_id = ?", project["id"], user["id"]
        )
        if direct:
            candidates.append((direct["role"], "collaborator"))
        for row in store.all(
            "SELECT c.role FROM collaborators c JOIN team_members t ON t.team_id = c.user_id"
            " WHERE c.project_id = ? AND t.user_id = ?",
            project["id"],
            user["id"],
        ):
            candidates.append((row["role"], "team_member"))
    if project["is_public"]:
        candidates.append(("reader", "public"))
    if not candidates:
        return None
    return min(candidates, key=lambda candidate: RANK[candidate[0]])


def project_roles(
    store: Store, user: Optional[Dict[str, Any]], projects: List[Dict[str, Any]]
) -> List[Optional[Tuple[str, str]]]:
    """`project_role` for many projects at once, with the same answers: the user's collaborator and
    team roles are read in two queries and owners once each, instead of three queries per project."""
    direct: Dict[str, str] = {}
    via_teams: Dict[str, List[str]] = {}
    owners: Dict[int, Dict[str, Any]] = {}
    org_roles: Dict[int, Optional[str]] = {}
    if user is not None:
        for row in store.all("SELECT project_id, role FROM collaborators WHERE user_id = ?", user["id"]):
            direct[row["project_id"]] = row["role"]
        for row in store.all(
            "SELECT c.project_id, c.role FROM collaborators c JOIN team_members t ON t.team_id = c.user_id"
            " WHERE t.user_id = ?",
            user["id"],
        ):
            via_teams.setdefault(row["project_id"], []).append(row["role"])
    result: List[Optional[Tuple[str, str]]] = []
    for project in projects:
        candidates = []
        if user is not None:
            owner_id = project["owner_id"]
            if owner_id not in owners:
                owners[owner_id] = store.user_by_id(owner_id)
            owner = owners[owner_id]
            if owner["id"] == user["id"]:
                result.append(("admin", "project_owner"))
                continue
            if owner["type"] == ORGANIZATION:
                if owner["owner_id"] == user["id"]:
                    result.append(("admin", "organization_owner"))
                    continue
                if owner_id not in org_roles:
                    org_roles[owner_id] = store.org_role(owner, user)
                if org_roles[owner_id] == "admin":
                    result.append(("admin", "organization_admin"))
                    continue
            if project["id"] in direct:
                candidates.append((direct[project["id"]], "collaborator"))
            candidates += [(role, "team_member") for role in via_teams.get(project["id"], [])]
        if project["is_public"]:
            candidates.append(("reader", "public"))
        result.append(min(candidates, key=lambda candidate: RANK[candidate[0]]) if candidates else None)
    return result


def require_role(store: Store, user: Optional[Dict[str, Any]], project: Dict[str, Any], allowed) -> Tuple[str, str]:
    """The user's (role, origin); 403 `permission_denied` unless the role is in `allowed`."""
    role = project_role(store, user, project)
    if role is None or role[0] not in allowed:
        raise ApiError("permission_denied")
    return role


def can_create_for(store: Store, user: Dict[str, Any], owner: Dict[str, Any], legacy: bool) -> bool:
    """Projects may be owned by the caller or by an organization the caller administers."""
    if owner["id"] == user["id"]:
        return True
    if owner["type"] != ORGANIZATION:
        return False
    allowed = ("admin",) if legacy else ("admin", "creator")
    return store.org_role(owner, user) in allowed
