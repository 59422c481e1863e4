"""Collaborators, organization members, teams, users and subscriptions (contract §10)."""

from typing import Any, Dict, Tuple

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from . import auth, clock, context, forms, roles
from .errors import ApiError
from .pagination import paginated
from .store import ORGANIZATION, PERSON, TEAM

MEMBER_ROLES = ("admin", "member")
MEMBER_ROLES_NEWEST = ("admin", "creator", "member")


# -- collaborators -------------------------------------------------------------------------------


def _collaborator_json(request: Request, row: Dict[str, Any]) -> Dict[str, Any]:
    store = context.store(request)
    names = {}
    for key in ("user_id", "created_by", "updated_by"):
        user = store.user_by_id(row[key]) if row[key] is not None else None
        names[key] = user["username"] if user else None
    return {
        "project_id": row["project_id"],
        "collaborator": names["user_id"],
        "role": row["role"],
        "created_by": names["created_by"],
        "updated_by": names["updated_by"],
        "created_at": clock.iso(row["created_at"]),
        "updated_at": clock.iso(row["updated_at"]),
    }


def _role_field(fields: Dict[str, Any], default: str = "") -> str:
    role = fields.get("role", default)
    if role not in roles.ROLES:
        raise ApiError("api_error")
    return role


async def list_collaborators(request: Request) -> Response:
    user = auth.require_user(request)
    project, _ = context.project_for(request, user, request.path_params["project_id"], roles.MANAGE)
    rows = context.store(request).all(
        "SELECT * FROM collaborators WHERE project_id = ? ORDER BY created_at", project["id"]
    )
    return paginated(request, [_collaborator_json(request, row) for row in rows])


async def add_collaborator(request: Request) -> Response:
    """The owner, a non-member of the owning organization, or a duplicate: 400 validation_error."""
    user = auth.require_user(request)
    store = context.store(request)
    project, _ = context.project_for(request, user, request.path_params["project_id"], roles.MANAGE)
    fields = await forms.fields(request)
    role = _role_field(fields, "reader")
    collaborator = store.user_by_name(str(fields.get("collaborator") or ""))
    if collaborator is None or collaborator["type"] == ORGANIZATION:
        raise ApiError("api_error")
    owner = store.user_by_id(project["owner_id"])
    if collaborator["id"] == owner["id"]:
        raise ApiError("validation_error")
    if owner["type"] == ORGANIZATION:
        if collaborator["type"] == TEAM and collaborator["owner_id"] != owner["id"]:
            raise ApiError("validation_error")
        if collaborator["type"] == PERSON and store.org_role(owner, collaborator) is None:
            raise ApiError("validation_error")
    elif collaborator["type"] == TEAM:
        raise ApiError("validation_error")
    if store.one("SELECT 1 FROM collaborators WHERE project_id = ? AND user_id = ?", project["id"], collaborator["id"]):
        raise ApiError("validation_error")
    now = clock.now()
    store.run(
        "INSERT INTO collaborators (project_id, user_id, role, created_by, updated_by, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        project["id"],
        collaborator["id"],
        role,
        user["id"],
        user["id"],
        now,
        now,
    )
    row = store.one(
        "SELECT * FROM collaborators WHERE project_id = ? AND user_id = ?", project["id"], collaborator["id"]
    )
    return JSONResponse(_collaborator_json(request, row), status_code=201)


async def collaborator(request: Request) -> Response:
    user = auth.require_user(request)
    store = context.store(request)
    project, _ = context.project_for(request, user, request.path_params["project_id"], roles.MANAGE)
    target = context.user_named(request, request.path_params["username"])
    row = store.one("SELECT * FROM collaborators WHERE project_id = ? AND user_id = ?", project["id"], target["id"])
    if row is None:
        raise ApiError("object_not_found")
    if request.method == "DELETE":
        store.run("DELETE FROM collaborators WHERE project_id = ? AND user_id = ?", project["id"], target["id"])
        return Response(status_code=204)
    if request.method in ("PUT", "PATCH"):
        fields = await forms.fields(request)
        role = _role_field(fields, "" if request.method == "PUT" else row["role"])
        store.run(
            "UPDATE collaborators SET role = ?, updated_by = ?, updated_at = ? WHERE project_id = ? AND user_id = ?",
            role,
            user["id"],
            clock.now(),
            project["id"],
            target["id"],
        )
        row = store.one("SELECT * FROM collaborators WHERE project_id = ? AND user_id = ?", project["id"], target["id"])
    return JSONResponse(_collaborator_json(request, row))


# -- organization members ------------------------------------------------------------------------


def _organization(request: Request, name: str) -> Dict[str, Any]:
    """Unknown organizations (and non-organizations) are a 403 on the real server."""
    org = context.store(request).user_by_name(name)
    if org is None or org["type"] != ORGANIZATION:
        raise ApiError("permission_denied")
    return org


def _require_org_admin(request: Request, org: Dict[str, Any], user: Dict[str, Any]) -> None:
    if context.store(request).org_role(org, user) != "admin":
        raise ApiError("permission_denied")


def _member_json(request: Request, org: Dict[str, Any], row: Dict[str, Any]) -> Dict[str, Any]:
    member = context.store(request).user_by_id(row["user_id"])
    return {
        "organization": org["username"],
        "member": member["username"],
        "role": row["role"],
        "is_public": bool(row["is_public"]),
    }


def _member_role(request: Request, fields: Dict[str, Any], default: str) -> str:
    allowed = MEMBER_ROLES if context.settings(request).legacy else MEMBER_ROLES_NEWEST
    role = fields.get("role", default)
    if role not in allowed:
        raise ApiError("api_error")
    return role


async def list_members(request: Request) -> Response:
    auth.require_user(request)
    org = _organization(request, request.path_params["org"])
    rows = context.store(request).all("SELECT * FROM org_members WHERE org_id = ? ORDER BY rowid", org["id"])
    return paginated(request, [_member_json(request, org, row) for row in rows])


async def add_member(request: Request) -> Response:
    user = auth.require_user(request)
    store = context.store(request)
    org = _organization(request, request.path_params["org"])
    _require_org_admin(request, org, user)
    fields = await forms.fields(request)
    member = store.user_by_name(str(fields.get("member") or ""))
    if member is None or member["type"] != PERSON:
        raise ApiError("api_error")
    role = _member_role(request, fields, "member")
    is_public = forms.to_bool(fields.get("is_public", False))
    if store.org_role(org, member) is not None:
        raise ApiError("validation_error")
    store.run(
        "INSERT INTO org_members (org_id, user_id, role, is_public) VALUES (?, ?, ?, ?)",
        org["id"],
        member["id"],
        role,
        int(is_public),
    )
    row = store.one("SELECT * FROM org_members WHERE org_id = ? AND user_id = ?", org["id"], member["id"])
    return JSONResponse(_member_json(request, org, row), status_code=201)


async def member(request: Request) -> Response:
    user = auth.require_user(request)
    store = context.store(request)
    org = _organization(request, request.path_params["org"])
    target = context.user_named(request, request.path_params["username"])
    row = store.one("SELECT * FROM org_members WHERE org_id = ? AND user_id = ?", org["id"], target["id"])
    if request.method != "GET":
        _require_org_admin(request, org, user)
    if row is None:
        raise ApiError("object_not_found")
    if request.method == "DELETE":
        store.run("DELETE FROM org_members WHERE org_id = ? AND user_id = ?", org["id"], target["id"])
        store.run(
            "DELETE FROM team_members WHERE user_id = ? AND team_id IN"
            " (SELECT id FROM users WHERE type = ? AND owner_id = ?)",
            target["id"],
            TEAM,
            org["id"],
        )
        return Response(status_code=204)
    if request.method in ("PUT", "PATCH"):
        fields = await forms.fields(request)
        role = _member_role(request, fields, row["role"])
        is_public = forms.to_bool(fields.get("is_public", bool(row["is_public"])))
        store.run(
            "UPDATE org_members SET role = ?, is_public = ? WHERE org_id = ? AND user_id = ?",
            role,
            int(is_public),
            org["id"],
            target["id"],
        )
        row = store.one("SELECT * FROM org_members WHERE org_id = ? AND user_id = ?", org["id"], target["id"])
    return JSONResponse(_member_json(request, org, row))


# -- teams (newest only) -------------------------------------------------------------------------


def _team_json(request: Request, org: Dict[str, Any], team: Dict[str, Any]) -> Dict[str, Any]:
    members = context.store(request).all(
        "SELECT u.username FROM team_members t JOIN users u ON u.id = t.user_id"
        " WHERE t.team_id = ? ORDER BY u.username",
        team["id"],
    )
    return {
        "team": _short_team_name(team),
        "organization": org["username"],
        "members": [m["username"] for m in members],
    }


def _short_team_name(team: Dict[str, Any]) -> str:
    return team["username"].split("/", 1)[1]


def _team_context(request: Request, write: bool) -> Tuple[Dict[str, Any], Dict[str, Any]]:
    context.newest_only(request)
    user = auth.require_user(request)
    org = _organization(request, request.path_params["org"])
    if write:
        _require_org_admin(request, org, user)
    return user, org


def _existing_team(request: Request, org: Dict[str, Any]) -> Dict[str, Any]:
    team = context.store(request).team(org, request.path_params["team"])
    if team is None:
        raise ApiError("object_not_found")
    return team


def _team_name(fields: Dict[str, Any]) -> str:
    name = str(fields.get("team") or "")
    if not name or "/" in name or len(name) > 100:
        raise ApiError("api_error")
    return name


async def teams(request: Request) -> Response:
    _, org = _team_context(request, write=request.method == "POST")
    store = context.store(request)
    if request.method == "POST":
        name = _team_name(await forms.fields(request))
        if store.team(org, name) is not None:
            raise ApiError("validation_error")
        store.run(
            "INSERT INTO users (username, type, owner_id, created_at) VALUES (?, ?, ?, ?)",
            f"@{org['username']}/{name}",
            TEAM,
            org["id"],
            clock.now(),
        )
        return JSONResponse(_team_json(request, org, store.team(org, name)), status_code=201)
    rows = store.all("SELECT * FROM users WHERE type = ? AND owner_id = ? ORDER BY username", TEAM, org["id"])
    return JSONResponse([_team_json(request, org, row) for row in rows])


async def team(request: Request) -> Response:
    _, org = _team_context(request, write=request.method != "GET")
    store = context.store(request)
    existing = _existing_team(request, org)
    if request.method == "DELETE":
        store.run("DELETE FROM team_members WHERE team_id = ?", existing["id"])
        store.run("DELETE FROM collaborators WHERE user_id = ?", existing["id"])
        store.run("DELETE FROM users WHERE id = ?", existing["id"])
        return Response(status_code=204)
    if request.method == "PUT":
        name = _team_name(await forms.fields(request))
        if name != _short_team_name(existing) and store.team(org, name) is not None:
            raise ApiError("validation_error")
        store.run("UPDATE users SET username = ? WHERE id = ?", f"@{org['username']}/{name}", existing["id"])
        existing = store.user_by_id(existing["id"])
    return JSONResponse(_team_json(request, org, existing))


async def team_members(request: Request) -> Response:
    _, org = _team_context(request, write=request.method == "POST")
    store = context.store(request)
    existing = _existing_team(request, org)
    if request.method == "POST":
        login = str((await forms.fields(request)).get("member") or "")
        person = store.person_by_login(login)
        if person is None:
            raise ApiError("api_error")
        if store.org_role(org, person) is None:
            raise ApiError("validation_error")
        if store.one("SELECT 1 FROM team_members WHERE team_id = ? AND user_id = ?", existing["id"], person["id"]):
            raise ApiError("validation_error")
        store.run("INSERT INTO team_members (team_id, user_id) VALUES (?, ?)", existing["id"], person["id"])
        return JSONResponse({"member": person["username"]}, status_code=201)
    return JSONResponse([{"member": name} for name in _team_json(request, org, existing)["members"]])


async def team_member(request: Request) -> Response:
    _, org = _team_context(request, write=True)
    store = context.store(request)
    existing = _existing_team(request, org)
    person = context.user_named(request, request.path_params["username"])
    if not store.run("DELETE FROM team_members WHERE team_id = ? AND user_id = ?", existing["id"], person["id"]):
        raise ApiError("object_not_found")
    return Response(status_code=204)


# -- users and subscriptions ---------------------------------------------------------------------


async def list_users(request: Request) -> Response:
    """People and organizations (not teams), optionally filtered by `q` on username or e-mail."""
    auth.require_user(request)
    needle = request.query_params.get("q", "").lower()
    rows = context.store(request).all(
        "SELECT * FROM users WHERE type IN (?, ?) ORDER BY username", PERSON, ORGANIZATION
    )
    return paginated(
        request,
        [
            {
                "username": row["username"],
                "type": row["type"],
                "full_name": f"{row['first_name']} {row['last_name']}".strip(),
                "avatar_url": None,
            }
            for row in rows
            if needle in row["username"].lower() or needle in row["email"].lower()
        ],
    )


async def user_organizations(request: Request) -> Response:
    user = auth.require_user(request)
    if request.path_params["username"] != user["username"]:
        raise ApiError("permission_denied")
    store = context.store(request)
    result = []
    for membership in store.all("SELECT * FROM org_members WHERE user_id = ? ORDER BY org_id", user["id"]):
        org = store.user_by_id(membership["org_id"])
        owner = store.user_by_id(org["owner_id"])
        members = store.all(
            "SELECT u.username FROM org_members m JOIN users u ON u.id = m.user_id"
            " WHERE m.org_id = ? ORDER BY u.username",
            org["id"],
        )
        teams_of_user = store.all(
            "SELECT t.username FROM team_members m JOIN users t ON t.id = m.team_id"
            " WHERE m.user_id = ? AND t.owner_id = ?",
            user["id"],
            org["id"],
        )
        result.append(
            {
                "username": org["username"],
                "type": ORGANIZATION,
                "email": org["email"],
                "avatar_url": None,
                "members": [row["username"] for row in members],
                "organization_owner": owner["username"],
                "membership_role": membership["role"],
                "membership_role_origin": "organization_owner" if owner["id"] == user["id"] else "organization_member",
                "membership_is_public": bool(membership["is_public"]),
                "teams": [_short_team_name(row) for row in teams_of_user],
            }
        )
    return JSONResponse(result)


async def current_subscription(request: Request) -> Response:
    """A generous, active community-like plan; readable by the account itself or its org members."""
    user = auth.require_user(request)
    store = context.store(request)
    account = context.user_named(request, request.path_params["username"])
    if account["id"] != user["id"] and not (account["type"] == ORGANIZATION and store.org_role(account, user)):
        raise ApiError("permission_denied")
    used = store.one(
        "SELECT COALESCE(SUM(v.size), 0) AS total FROM file_versions v JOIN files f ON f.id = v.file_id"
        " JOIN projects p ON p.id = f.project_id WHERE p.owner_id = ?",
        account["id"],
    )["total"]
    total = 100 * 1024**3
    return JSONResponse(
        {
            "uuid": f"00000000-0000-4000-8000-{account['id']:012d}",
            "plan_display_name": "Local test plan",
            "plan_code": "local_test",
            "plan_is_premium": False,
            "status": "active_paid",
            "active_since": clock.iso(account["created_at"]),
            "active_until": None,
            "storage_used_bytes": used,
            "active_storage_total_bytes": total,
            "plan_storage_threshold_warning_bytes": int(total * 0.9),
            "plan_storage_threshold_critical_bytes": int(total * 0.97),
        }
    )
