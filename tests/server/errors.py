"""QFieldCloud's error model: every API error is `{"code", "message"}` with a fixed text per code.

Routes raise `ApiError(code)`; the exception handlers below render it. Unknown routes get Django's
HTML 404 page instead, because Django (not DRF) answers those on the real server.
"""

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response

# code -> (HTTP status on the newest server, fixed message). Messages follow QFieldCloud's texts.
ERRORS = {
    "api_error": (400, "API Error"),
    "validation_error": (400, "Validation error"),
    "object_not_found": (404, "Object not found"),
    "authentication_failed": (401, "Authentication failed"),
    "not_authenticated": (401, "Not authenticated"),
    "token_authentication_failed": (401, "Token authentication failed"),
    "too_many_failed_login_attempts": (401, "Too many failed login attempts!"),
    "permission_denied": (403, "Permission denied"),
    "restricted_project_modification": (403, "Restricted project modification"),
    "organization_has_max_number_of_members": (403, "Organization has max number of members"),
    "over_quota": (402, "Over quota"),
    "empty_content": (400, "Empty content"),
    "multiple_contents": (400, "Multiple contents"),
    "explicit_deletion_of_last_version": (400, "Explicit deletion of last version"),
    "invalid_qgis_project_file": (400, "The file is not a valid QGIS project file"),
    "multiple_projects": (400, "Multiple QGIS project files"),
    "invalid_deltafile": (400, "Invalid deltafile"),
    "no_deltas_to_apply": (400, "No deltas to apply"),
    "no_qgis_project": (400, "The project does not contain a valid QGIS project file"),
    "invalid_job": (400, "Invalid job"),
    "project_already_exists": (400, "This user already owns a project with the same name."),
    "operation_not_allowed_for_template_project": (400, "Operation not allowed for template project"),
    "invalid_http_range": (416, "The provided HTTP range header is invalid."),
    "unknown_error": (500, "QFieldcloud Unknown Error"),
}

# Codes whose status changed since 2024-09 (missing objects were a 400 back then).
LEGACY_STATUS = {
    "object_not_found": 400,
    "multiple_contents": 503,
    "restricted_project_modification": 400,
}

NOT_FOUND_HTML = """<!doctype html>
<html lang="en">
<head>
  <title>Not Found</title>
</head>
<body>
  <h1>Not Found</h1><p>The requested resource was not found on this server.</p>
</body>
</html>
"""


class ApiError(Exception):
    """An error answered as `{"code", "message"}`; `status` overrides the code's usual status."""

    def __init__(self, code: str, status: int = 0) -> None:
        super().__init__(code)
        self.code = code
        self.status = status


class RouteNotFound(Exception):
    """Raised where the real server has no such route (e.g. newest-only routes in compat mode)."""


def error_response(request: Request, code: str, status: int = 0) -> JSONResponse:
    default_status, message = ERRORS[code]
    if not status:
        status = default_status
        if request.app.state.settings.legacy:
            status = LEGACY_STATUS.get(code, status)
    return JSONResponse({"code": code, "message": message}, status_code=status)


def not_found_page() -> HTMLResponse:
    return HTMLResponse(NOT_FOUND_HTML, status_code=404)


async def handle_api_error(request: Request, exc: ApiError) -> Response:
    return error_response(request, exc.code, exc.status)


async def handle_route_not_found(request: Request, exc: RouteNotFound) -> Response:
    return not_found_page()


async def handle_http_exception(request: Request, exc: HTTPException) -> Response:
    """Starlette's own errors: 404 is Django's page, anything else (405, ...) is a DRF `api_error`."""
    if exc.status_code == 404:
        return not_found_page()
    return error_response(request, "api_error", exc.status_code)


async def handle_unexpected(request: Request, exc: Exception) -> Response:
    return error_response(request, "unknown_error")


EXCEPTION_HANDLERS = {
    ApiError: handle_api_error,
    RouteNotFound: handle_route_not_found,
    HTTPException: handle_http_exception,
    Exception: handle_unexpected,
}
