"""Jobs, packages and deltas (contract §7–§9): what QField and the SDK use to sync field data."""

import json
import uuid
from typing import Any, Dict, List, Optional

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from . import auth, clock, context, downloads, forms, roles, serializers
from .errors import ApiError
from .pagination import paginated
from .uploads import receive_part

TERMINAL_STATUSES = ("finished", "failed", "stopped")
JOB_ROLES = {"package": roles.VIEW, "delta_apply": roles.UPLOAD, "process_projectfile": roles.UPLOAD}
DELTA_METHODS = ("create", "patch", "delete")


# -- jobs ----------------------------------------------------------------------------------------


async def list_jobs(request: Request) -> Response:
    """Newest reads `project_id` from the query; 2024-09 read it from the body, unchecked."""
    user = auth.require_user(request)
    store = context.store(request)
    if context.settings(request).legacy:
        project_id = (await forms.fields(request)).get("project_id")
        if not project_id:
            raise ApiError("unknown_error")
        project = store.project(forms.to_uuid(project_id))
        if project is None:
            raise ApiError("object_not_found")
    else:
        project_id = request.query_params.get("project_id")
        if not project_id:
            raise ApiError("object_not_found")
        project, _ = context.project_for(request, user, project_id)
    rows = store.all("SELECT * FROM jobs WHERE project_id = ? ORDER BY created_at, rowid", project["id"])
    return paginated(request, [serializers.job(row, detailed=False) for row in rows])


async def create_job(request: Request) -> Response:
    user = auth.require_user(request)
    fields = await forms.fields(request)
    if not fields.get("project_id"):
        raise ApiError("object_not_found")
    job_type = fields.get("type")
    if job_type not in JOB_ROLES:  # includes the internal `create_project`: a 500 on the real server
        raise ApiError("unknown_error")
    try:
        force = bool(int(fields.get("force", 0)))
    except (TypeError, ValueError):
        raise ApiError("unknown_error") from None
    project, _ = context.project_for(request, user, fields["project_id"], JOB_ROLES[job_type])
    worker = request.app.state.jobs
    if job_type == "package":
        if project["project_type"] != "regular":
            raise ApiError("permission_denied")
        if not force:
            if not project["the_qgis_file_name"]:
                raise ApiError("no_qgis_project")
            active = worker.active(project["id"], "package")
            if active is not None:
                return JSONResponse(serializers.job(active, detailed=True))
    job = worker.create(project["id"], job_type, user["id"])
    return JSONResponse(serializers.job(job, detailed=True), status_code=201)


async def get_job(request: Request) -> Response:
    """Unknown ids and jobs of projects without a role are both 403, as on the real server."""
    user = auth.require_user(request)
    store = context.store(request)
    try:
        job_id = str(uuid.UUID(request.path_params["job_id"]))
    except ValueError:
        raise ApiError("permission_denied") from None
    job = store.one("SELECT * FROM jobs WHERE id = ?", job_id)
    project = store.project(job["project_id"]) if job else None
    if project is None or roles.project_role(store, user, project) is None:
        raise ApiError("permission_denied")
    return JSONResponse(serializers.job(job, detailed=True))


# -- packages ------------------------------------------------------------------------------------


def _latest_package_job(request: Request, project_id: str) -> Dict[str, Any]:
    """Newest: the latest non-running package job with files; 2024-09: the latest, any status."""
    store = context.store(request)
    if context.settings(request).legacy:
        job = store.one(
            "SELECT * FROM jobs WHERE project_id = ? AND type = 'package' ORDER BY created_at DESC LIMIT 1", project_id
        )
    else:
        job = store.one(
            "SELECT * FROM jobs WHERE project_id = ? AND type = 'package' AND status IN (?, ?, ?)"
            " AND EXISTS (SELECT 1 FROM package_files p WHERE p.job_id = jobs.id)"
            " ORDER BY created_at DESC LIMIT 1",
            project_id,
            *TERMINAL_STATUSES,
        )
    if job is None:
        raise ApiError("invalid_job")
    return job


def _package_file(request: Request, row: Dict[str, Any], is_attachment: bool) -> Dict[str, Any]:
    if context.settings(request).legacy:
        return {
            "name": row["name"],
            "size": row["size"],
            "last_modified": clock.iso(row["uploaded_at"]),
            "md5sum": row["md5sum"],
            "is_attachment": is_attachment,
            "sha256": row["sha256"],
        }
    return {
        "name": row["name"],
        "size": row["size"],
        "uploaded_at": clock.iso(row["uploaded_at"]),
        "is_attachment": is_attachment,
        "md5sum": row["md5sum"],
        "last_modified": clock.legacy(row["uploaded_at"]),
        "sha256": row["sha256"],
    }


def _attachments(request: Request, project_id: str) -> List[Dict[str, Any]]:
    """Project files under attachment dirs, as flat rows of their newest version."""
    rows = []
    for file in context.store(request).files_with_versions(project_id):
        if serializers.is_attachment(file["name"], serializers.ATTACHMENT_DIRS):
            latest = file["versions"][0]
            rows.append({**latest, "name": file["name"], "version_id": latest["id"]})
    return rows


async def latest_package(request: Request) -> Response:
    user = auth.require_user(request)
    store = context.store(request)
    project, _ = context.project_for(request, user, request.path_params["project_id"])
    job = _latest_package_job(request, project["id"])
    packaged = store.all("SELECT * FROM package_files WHERE job_id = ? ORDER BY name", job["id"])
    files = [_package_file(request, row, False) for row in packaged]
    files += [_package_file(request, row, True) for row in _attachments(request, project["id"])]
    feedback = json.loads(job["feedback"]) if job["feedback"] else {}
    layers = feedback.get("outputs", {}).get("qgis_layers_data", {}).get("layers_by_id")
    return JSONResponse(
        {
            "files": files,
            "layers": layers,
            "status": job["status"],
            "package_id": job["id"],
            "packaged_at": clock.iso(job["finished_at"] or job["started_at"]),
            "data_last_updated_at": clock.iso(project["data_last_updated_at"]),
        }
    )


async def download_package_file(request: Request) -> Response:
    """Package files come from the job's storage; attachment paths from the project files."""
    user = auth.require_user(request)
    store = context.store(request)
    project, _ = context.project_for(request, user, request.path_params["project_id"])
    job = _latest_package_job(request, project["id"])
    name = request.path_params["filename"]
    row = store.one("SELECT * FROM package_files WHERE job_id = ? AND name = ?", job["id"], name)
    if row is not None:
        path = store.data_dir / row["blob"]
    else:
        row = next((item for item in _attachments(request, project["id"]) if item["name"] == name), None)
        if row is None:
            raise ApiError("object_not_found")
        path = store.blob_path(row["version_id"])
    return downloads.serve(
        request,
        downloads.StoredFile(path=path, name=name, size=row["size"], md5sum=row["md5sum"], modified=row["uploaded_at"]),
    )


async def upload_package_file(request: Request) -> Response:
    """Only QFieldCloud's workers may upload package files; no token here is a worker token."""
    auth.require_user(request)
    raise ApiError("permission_denied")


# -- deltas --------------------------------------------------------------------------------------


def _parse_deltafile(path, project_id: str) -> Dict[str, Any]:
    try:
        with open(path, "rb") as handle:
            content = json.load(handle)
    except (OSError, ValueError):
        raise ApiError("invalid_deltafile") from None
    if not isinstance(content, dict) or not isinstance(content.get("deltas"), list):
        raise ApiError("invalid_deltafile")
    if str(content.get("project")) != project_id:
        raise ApiError("invalid_deltafile")
    for delta in content["deltas"]:
        if not isinstance(delta, dict) or not delta.get("uuid") or delta.get("method") not in DELTA_METHODS:
            raise ApiError("invalid_deltafile")
    return content


async def push_deltas(request: Request) -> Response:
    """Stores new deltas (known uuids are skipped), queues `delta_apply`, answers 200 empty."""
    user = auth.require_user(request)
    store = context.store(request)
    project, (role, _) = context.project_for(request, user, request.path_params["project_id"], roles.UPLOAD)
    if project["project_type"] == "template":
        raise ApiError("operation_not_allowed_for_template_project")
    if not project["the_qgis_file_name"]:
        raise ApiError("no_qgis_project")
    upload_path = store.data_dir / f"deltafile-{uuid.uuid4()}.json"
    try:
        sink = await receive_part(request, "file", upload_path)
        if sink.blob is None:
            raise ApiError("empty_content")
        content = await run_in_threadpool(_parse_deltafile, upload_path, project["id"])
    finally:
        upload_path.unlink(missing_ok=True)
    if role == "reporter" and any(delta["method"] != "create" for delta in content["deltas"]):
        raise ApiError("permission_denied")
    now = clock.now()
    deltafile_id = str(content.get("id") or uuid.uuid4())
    for delta in content["deltas"]:
        store.run(
            "INSERT OR IGNORE INTO deltas (id, deltafile_id, project_id, created_by, created_at, updated_at,"
            " status, content) VALUES (?, ?, ?, ?, ?, ?, 'STATUS_PENDING', ?)",
            str(delta["uuid"]),
            deltafile_id,
            project["id"],
            user["id"],
            now,
            now,
            json.dumps(delta),
        )
    worker = request.app.state.jobs
    if worker.active(project["id"], "delta_apply") is None:
        worker.create(project["id"], "delta_apply", user["id"])
    return Response(status_code=200)


async def list_deltas(request: Request) -> Response:
    user = auth.require_user(request)
    store = context.store(request)
    project, _ = context.project_for(request, user, request.path_params["project_id"])
    deltafile_id: Optional[str] = request.path_params.get("deltafile_id")
    rows = store.all("SELECT * FROM deltas WHERE project_id = ? ORDER BY created_at, rowid", project["id"])
    if deltafile_id:
        rows = [row for row in rows if row["deltafile_id"] == str(deltafile_id)]
    return paginated(request, [serializers.delta(store, row) for row in rows])
