"""The Starlette application: the route table and Django's trailing-slash behaviour.

Routes are listed once here, each pointing at a view module. Starlette's own slash redirect is
off; instead `_unmatched` mimics Django's CommonMiddleware: a path without the final `/` whose
slashed form exists answers 301 with a relative Location (any method), anything else is
Django's HTML 404 page.
"""

from contextlib import asynccontextmanager
from typing import Any

from starlette.applications import Starlette
from starlette.responses import JSONResponse, RedirectResponse
from starlette.routing import Match, Route

from . import clock, downloads, views_auth, views_files, views_jobs, views_people, views_projects
from .errors import EXCEPTION_HANDLERS, not_found_page
from .jobs import JobWorker
from .settings import Settings
from .store import Store

API = "/api/v1"
ALL = ["GET", "POST", "PUT", "PATCH", "DELETE"]
UUID = "{project_id:uuid}"
PATH = "{filename:path}"


def _route(path: str, endpoint, methods, name: str = None) -> Route:
    return Route(API + path, endpoint, methods=methods, name=name)


ROUTES = [
    _route("/", views_auth.api_root, ["GET"], name="api_root"),
    _route("/auth/login/", views_auth.login, ["POST"]),
    _route("/auth/token/", views_auth.login, ["POST"]),
    _route("/auth/logout/", views_auth.logout, ["GET", "POST"]),
    _route("/auth/user/", views_auth.current_user, ["GET"]),
    _route("/auth/providers/", views_auth.providers, ["GET"]),
    _route("/server/info/", views_auth.server_info, ["GET"]),
    _route("/status/", views_auth.status, ["GET"]),
    _route("/projects/", views_projects.list_projects, ["GET"]),
    _route("/projects/", views_projects.create_project, ["POST"]),
    _route("/projects/public/", views_projects.list_public_projects, ["GET"]),
    # A DRF router lookup, not Django's <uuid:…>: `projects/pizza/` is a 400 validation_error.
    _route("/projects/{project_id}/", views_projects.get_project, ["GET"]),
    _route("/projects/{project_id}/", views_projects.update_project, ["PATCH", "PUT"]),
    _route("/projects/{project_id}/", views_projects.delete_project, ["DELETE"]),
    _route(f"/projects/{UUID}/thumbnail/", views_projects.upload_thumbnail, ["POST"]),
    _route(f"/projects/{UUID}/seed/", views_projects.get_seed, ["GET"]),
    _route(f"/projects/{UUID}/seed/xlsform/", views_projects.get_seed, ["GET"]),
    _route(f"/files/thumbnails/{UUID}/", views_projects.get_thumbnail, ["GET"]),
    _route(f"/files/metadata/{UUID}/{PATH}/", views_files.file_metadata, ["GET"]),
    _route(f"/files/{UUID}/", views_files.list_files, ["GET"]),
    _route(f"/files/{UUID}/{PATH}/", views_files.download_file, ["GET", "HEAD"]),
    _route(f"/files/{UUID}/{PATH}/", views_files.upload_file, ["POST"]),
    _route(f"/files/{UUID}/{PATH}/", views_files.delete_file, ["DELETE"]),
    _route("/jobs/", views_jobs.list_jobs, ["GET"]),
    _route("/jobs/", views_jobs.create_job, ["POST"]),
    _route("/jobs/{job_id}/", views_jobs.get_job, ["GET"]),
    _route(f"/packages/{UUID}/latest/", views_jobs.latest_package, ["GET"]),
    _route(f"/packages/{UUID}/latest/files/{PATH}/", views_jobs.download_package_file, ["GET", "HEAD"]),
    _route(f"/packages/{UUID}/{{job_id:uuid}}/files/{PATH}/", views_jobs.upload_package_file, ["POST"]),
    _route(f"/deltas/{UUID}/", views_jobs.list_deltas, ["GET"]),
    _route(f"/deltas/{UUID}/", views_jobs.push_deltas, ["POST"]),
    _route(f"/deltas/{UUID}/{{deltafile_id:uuid}}/", views_jobs.list_deltas, ["GET"]),
    _route(f"/collaborators/{UUID}/", views_people.list_collaborators, ["GET"]),
    _route(f"/collaborators/{UUID}/", views_people.add_collaborator, ["POST"]),
    _route(f"/collaborators/{UUID}/{{username}}/", views_people.collaborator, ["GET", "PUT", "PATCH", "DELETE"]),
    _route("/members/{org}/", views_people.list_members, ["GET"]),
    _route("/members/{org}/", views_people.add_member, ["POST"]),
    _route("/members/{org}/{username}/", views_people.member, ["GET", "PUT", "PATCH", "DELETE"]),
    _route("/organizations/{org}/teams/", views_people.teams, ["GET", "POST"]),
    _route("/organizations/{org}/teams/{team}/", views_people.team, ["GET", "PUT", "DELETE"]),
    _route("/organizations/{org}/teams/{team}/members/", views_people.team_members, ["GET", "POST"]),
    _route("/organizations/{org}/teams/{team}/members/{username}/", views_people.team_member, ["DELETE"]),
    _route("/users/", views_people.list_users, ["GET"]),
    _route("/users/{username}/organizations/", views_people.user_organizations, ["GET"]),
    _route("/subscriptions/{username}/current/", views_people.current_subscription, ["GET"]),
    Route("/storage/{payload}/{signature}/", downloads.storage, methods=["GET", "HEAD"]),
]


async def _unmatched(scope: Any, receive: Any, send: Any) -> None:
    """Django's APPEND_SLASH: 301 to `<path>/` when that resolves, else the HTML 404 page."""
    path = scope["path"]
    if not path.endswith("/"):
        slashed = dict(scope, path=path + "/")
        if any(route.matches(slashed)[0] != Match.NONE for route in ROUTES):
            raw = scope.get("raw_path") or path.encode()
            location = raw.decode("latin-1") + "/"
            if scope.get("query_string"):
                location += "?" + scope["query_string"].decode("latin-1")
            await RedirectResponse(location, status_code=301)(scope, receive, send)
            return
    await not_found_page()(scope, receive, send)


async def _advance_clock(request: Any) -> Any:
    """Test-only control (`--test-clock`): `{"advance": seconds}` moves the server's clock forward."""
    body = await request.json()
    return JSONResponse({"now": clock.advance(float(body.get("advance", 0)))})


def create_app(settings: Settings) -> Starlette:
    """The ASGI app; the store and the job worker live on `app.state` and follow its lifespan."""
    store = Store(settings.data_dir)
    worker = JobWorker(store, settings)

    @asynccontextmanager
    async def lifespan(app: Starlette):
        worker.start()
        yield
        worker.stop()
        store.close()

    routes = ROUTES + ([Route("/__clock__/", _advance_clock, methods=["POST"])] if settings.test_clock else [])
    app = Starlette(routes=routes, exception_handlers=EXCEPTION_HANDLERS, lifespan=lifespan)
    app.router.redirect_slashes = False
    app.router.default = _unmatched
    app.state.settings = settings
    app.state.store = store
    app.state.jobs = worker
    return app
