"""Small lookups every route needs: the shared store/settings and role-checked project access."""

from typing import Any, Dict, Optional, Tuple

from starlette.requests import Request

from . import roles
from .errors import ApiError, RouteNotFound
from .forms import to_uuid
from .settings import Settings
from .store import Store


def store(request: Request) -> Store:
    return request.app.state.store


def settings(request: Request) -> Settings:
    return request.app.state.settings


def newest_only(request: Request) -> None:
    """Routes the 2024-09 server did not have answer Django's HTML 404 in compat mode."""
    if settings(request).legacy:
        raise RouteNotFound()


def project_for(
    request: Request, user: Optional[Dict[str, Any]], project_id: Any, allowed=roles.VIEW
) -> Tuple[Dict[str, Any], Tuple[str, str]]:
    """The project and the user's role: 404 if it does not exist, 403 if the role is not allowed."""
    row = store(request).project(to_uuid(project_id))
    if row is None:
        raise ApiError("object_not_found")
    return row, roles.require_role(store(request), user, row, allowed)


def user_named(request: Request, username: str, missing: str = "object_not_found") -> Dict[str, Any]:
    user = store(request).user_by_name(username)
    if user is None:
        raise ApiError(missing)
    return user
