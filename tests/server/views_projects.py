"""Project endpoints (contract §5): list, public list, create, retrieve, update, delete, thumbnail."""

import re
import uuid
from typing import Any, Dict, List, Optional, Tuple

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response

from . import auth, clock, context, forms, roles, serializers
from .errors import ApiError
from .pagination import paginated
from .store import ORGANIZATION, PERSON
from .uploads import receive_part

PROJECT_NAME = re.compile(r"^[a-zA-Z0-9\-_.]+$")
ORDERINGS = ("owner", "name", "created_at")
NEWEST_FLAGS = ("is_featured", "is_attachment_download_on_demand", "has_restricted_projectfiles", "overwrite_conflicts")
THUMBNAIL_TYPES = {b"\x89PNG\r\n\x1a\n": "image/png", b"\xff\xd8\xff": "image/jpeg"}
THUMBNAIL_MAX_BYTES = 5 * 1024 * 1024


def _include_public(request: Request) -> bool:
    """`include-public` counts only when exactly `1`; `include_public` (newest) must be 1 or 0."""
    params = request.query_params
    if not context.settings(request).legacy and "include_public" in params:
        if params["include_public"] not in ("0", "1"):
            raise ApiError("api_error")
        if params["include_public"] == "1":
            return True
    return params.get("include-public") == "1"


def _sort_key(store, ordering: str):
    """The default `-is_featured, owner, name`, or one `ordering=` field with optional `-`."""
    owners: Dict[int, str] = {}

    def owner_name(row: Dict[str, Any]) -> str:
        if row["owner_id"] not in owners:
            owners[row["owner_id"]] = store.user_by_id(row["owner_id"])["username"]
        return owners[row["owner_id"]]

    field = ordering.lstrip("-")
    if field == "owner":
        return owner_name, ordering.startswith("-")
    if field in ("name", "created_at"):
        return (lambda row: row[field]), ordering.startswith("-")
    return (lambda row: (not row["is_featured"], owner_name(row), row["name"])), False


def _listed(request: Request, rows: List[Dict[str, Any]], roles_by_id: Dict[str, Tuple[str, str]]) -> Response:
    store, settings = context.store(request), context.settings(request)
    params = request.query_params
    if not settings.legacy:
        if params.get("search"):
            needle = params["search"].lower()
            rows = [
                row
                for row in rows
                if needle in row["name"].lower() or needle in store.user_by_id(row["owner_id"])["username"].lower()
            ]
        if params.get("owner"):
            rows = [
                row for row in rows if store.user_by_id(row["owner_id"])["username"].lower() == params["owner"].lower()
            ]
        if params.get("name"):
            rows = [row for row in rows if row["name"].lower() == params["name"].lower()]
    ordering = params.get("ordering", "") if not settings.legacy else ""
    if ordering.lstrip("-") not in ORDERINGS:
        ordering = ""
    key, reverse = _sort_key(store, ordering)
    rows = sorted(rows, key=key, reverse=reverse)
    # Sorted rows are sliced first: only the page's projects are serialized (a few queries each).
    return paginated(request, rows, lambda row: serializers.project(store, settings, row, roles_by_id[row["id"]]))


async def list_projects(request: Request) -> Response:
    user = auth.require_user(request)
    store = context.store(request)
    include_public = _include_public(request)
    rows, roles_by_id = [], {}
    every = store.all("SELECT * FROM projects")
    for row, role in zip(every, roles.project_roles(store, user, every)):
        if role and (role[1] != "public" or include_public):
            rows.append(row)
            roles_by_id[row["id"]] = role
    return _listed(request, rows, roles_by_id)


async def list_public_projects(request: Request) -> Response:
    user = auth.require_user(request)
    store = context.store(request)
    rows = store.all("SELECT * FROM projects WHERE is_public = 1")
    return _listed(request, rows, {row["id"]: role for row, role in zip(rows, roles.project_roles(store, user, rows))})


def _validated_name(value: Any) -> str:
    name = str(value or "")
    if not PROJECT_NAME.match(name) or len(name) > 255:
        raise ApiError("api_error")
    return name


def _flag_columns(request: Request, fields: Dict[str, Any]) -> Dict[str, Any]:
    """The writable boolean/type columns present in the request (newest-only ones skipped in compat)."""
    columns: Dict[str, Any] = {}
    if "is_public" in fields:
        columns["is_public"] = forms.to_bool(fields["is_public"])
    elif "private" in fields:
        columns["is_public"] = not forms.to_bool(fields["private"])
    if not context.settings(request).legacy:
        for flag in NEWEST_FLAGS:
            if flag in fields:
                columns[flag] = forms.to_bool(fields[flag])
        if "project_type" in fields:
            if fields["project_type"] not in ("regular", "template"):
                raise ApiError("api_error")
            columns["project_type"] = fields["project_type"]
    if "description" in fields:
        columns["description"] = str(fields["description"] or "")
    return columns


def _owner(request: Request, user: Dict[str, Any], owner_name: Optional[str]) -> Dict[str, Any]:
    if not owner_name:
        return user
    owner = context.user_named(request, owner_name)
    if owner["type"] not in (PERSON, ORGANIZATION):
        raise ApiError("api_error")
    if not roles.can_create_for(context.store(request), user, owner, context.settings(request).legacy):
        raise ApiError("permission_denied")
    return owner


def _name_taken(store, owner_id: int, name: str, except_id: str = "") -> bool:
    return (
        store.one(
            "SELECT 1 FROM projects WHERE owner_id = ? AND lower(name) = lower(?) AND id != ?",
            owner_id,
            name,
            except_id,
        )
        is not None
    )


async def create_project(request: Request) -> Response:
    user = auth.require_user(request)
    store, settings = context.store(request), context.settings(request)
    fields = await forms.fields(request)
    name = _validated_name(fields.get("name"))
    owner = _owner(request, user, fields.get("owner"))
    columns = _flag_columns(request, fields)
    if name == "shared_datasets" and not settings.legacy:
        columns["project_type"] = "shared_datasets"
    if _name_taken(store, owner["id"], name):
        raise ApiError("project_already_exists")
    project_id = str(uuid.uuid4())
    now = clock.now()
    columns.update(id=project_id, owner_id=owner["id"], name=name, created_at=now, updated_at=now)
    store.run(
        f"INSERT INTO projects ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})", *columns.values()
    )
    # Like the real server, the create response carries no user_role/user_role_origin.
    return JSONResponse(serializers.project(store, settings, store.project(project_id), None), status_code=201)


async def get_project(request: Request) -> Response:
    user = auth.require_user(request)
    row, role = context.project_for(request, user, request.path_params["project_id"])
    return JSONResponse(serializers.project(context.store(request), context.settings(request), row, role))


async def update_project(request: Request) -> Response:
    """PATCH is partial; PUT needs `name`. Changing `owner` transfers the project."""
    user = auth.require_user(request)
    store, settings = context.store(request), context.settings(request)
    row, _ = context.project_for(request, user, request.path_params["project_id"], roles.MANAGE)
    fields = await forms.fields(request)
    if request.method == "PUT" and "name" not in fields:
        raise ApiError("api_error")
    columns = _flag_columns(request, fields)
    if "name" in fields:
        columns["name"] = _validated_name(fields["name"])
    if fields.get("owner"):
        owner = store.user_by_name(str(fields["owner"]))
        if owner is None or owner["type"] not in (PERSON, ORGANIZATION):
            raise ApiError("api_error")
        columns["owner_id"] = owner["id"]
    if _name_taken(store, columns.get("owner_id", row["owner_id"]), columns.get("name", row["name"]), row["id"]):
        raise ApiError("project_already_exists")
    if columns:
        store.touch_project(row["id"], **columns)
    updated = store.project(row["id"])
    return JSONResponse(serializers.project(store, settings, updated, roles.project_role(store, user, updated)))


async def delete_project(request: Request) -> Response:
    user = auth.require_user(request)
    row, _ = context.project_for(request, user, request.path_params["project_id"], roles.MANAGE)
    await run_in_threadpool(context.store(request).delete_project, row["id"])
    return Response(status_code=204)


async def upload_thumbnail(request: Request) -> Response:
    """Multipart `thumbnail` (png/jpg, ≤5 MB); other part names are accepted and store nothing."""
    context.newest_only(request)
    user = auth.require_user(request)
    store = context.store(request)
    row, _ = context.project_for(request, user, request.path_params["project_id"], roles.UPLOAD)
    destination = store.thumbnail_dir / f"{row['id']}.upload"
    sink = await receive_part(request, "thumbnail", destination)
    if sink.blob is None:
        return Response(status_code=204)
    head = await run_in_threadpool(_read_head, destination)
    content_type = next((kind for magic, kind in THUMBNAIL_TYPES.items() if head.startswith(magic)), None)
    if content_type is None or sink.blob.size > THUMBNAIL_MAX_BYTES:
        destination.unlink(missing_ok=True)
        raise ApiError("validation_error")
    destination.replace(store.thumbnail_dir / row["id"])
    store.run("INSERT OR REPLACE INTO thumbnails (project_id, content_type) VALUES (?, ?)", row["id"], content_type)
    return Response(status_code=204)


def _read_head(path) -> bytes:
    with open(path, "rb") as handle:
        return handle.read(16)


async def get_thumbnail(request: Request) -> Response:
    context.newest_only(request)
    user = auth.require_user(request)
    store = context.store(request)
    row, _ = context.project_for(request, user, request.path_params["project_id"])
    thumbnail = store.one("SELECT * FROM thumbnails WHERE project_id = ?", row["id"])
    if thumbnail is None:
        raise ApiError("object_not_found")
    return FileResponse(store.thumbnail_dir / row["id"], media_type=thumbnail["content_type"])


async def get_seed(request: Request) -> Response:
    """Projects here are never created from a seed, so like a real unseeded project: 404."""
    context.newest_only(request)
    user = auth.require_user(request)
    context.project_for(request, user, request.path_params["project_id"])
    raise ApiError("object_not_found")
