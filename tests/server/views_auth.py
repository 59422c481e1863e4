"""Authentication and server-level endpoints (contract §4): login, logout, user, status."""

from starlette.requests import Request
from starlette.responses import JSONResponse

from . import auth, clock, context, forms

AUTH_PROVIDERS = [{"type": "credentials", "id": "credentials", "name": "Username / Password"}]


async def api_root(request: Request) -> JSONResponse:
    """DRF's browsable API root lists the router's top-level collections."""
    base = str(request.url_for("api_root"))
    return JSONResponse({"projects": f"{base}projects/", "jobs": f"{base}jobs/"})


def _user_fields(user: dict) -> dict:
    full_name = f"{user['first_name']} {user['last_name']}".strip()
    return {
        "username": user["username"],
        "email": user["email"],
        "avatar_url": None,
        "first_name": user["first_name"],
        "last_name": user["last_name"],
        "full_name": full_name,
    }


async def login(request: Request) -> JSONResponse:
    result = auth.login(request, await forms.fields(request))
    token, user = result["token"], result["user"]
    body = {"token": token["key"], "expires_at": clock.iso(token["expires_at"]), "type": "1"}
    body.update(_user_fields(user))
    return JSONResponse(body)


async def logout(request: Request) -> JSONResponse:
    """Anonymous callers are fine; a token's user loses all live tokens of every client type."""
    user = auth.optional_user(request)
    if user is not None:
        context.store(request).expire_tokens(user["id"])
    return JSONResponse({"detail": "Successfully logged out."})


async def current_user(request: Request) -> JSONResponse:
    user = auth.require_user(request)
    return JSONResponse({"type": 1, **_user_fields(user)})


async def providers(request: Request) -> JSONResponse:
    return JSONResponse(AUTH_PROVIDERS)


async def server_info(request: Request) -> JSONResponse:
    context.newest_only(request)
    return JSONResponse(
        {
            "whitelabel": {"site_title": "QFieldCloud", "logo_navbar": None, "logo_main": None, "favicon": None},
            "auth_providers": AUTH_PROVIDERS,
            "signup_url": None,
        }
    )


async def status(request: Request) -> JSONResponse:
    if context.settings(request).legacy:
        return JSONResponse({"geodb": "ok", "storage": "ok"})
    return JSONResponse(
        {
            "database": "ok",
            "storage": "ok",
            "status_page_url": None,
            "incident_message": None,
            "incident_timestamp_utc": None,
            "maintenance_message": None,
            "maintenance_start_timestamp_utc": None,
            "maintenance_end_timestamp_utc": None,
        }
    )
