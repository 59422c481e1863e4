"""Project file endpoints (contract §6): list, upload, download, delete, metadata."""

import re
from typing import Any, Dict
from urllib.parse import quote

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from . import auth, clock, context, downloads, qgis_project, roles, serializers
from .errors import ApiError
from .pagination import paginated_query
from .uploads import receive_part

FORBIDDEN_CHARACTERS = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{n}" for n in range(1, 10)), *(f"LPT{n}" for n in range(1, 10))}


def validate_filename(name: str) -> None:
    """QFieldCloud's filename rules; a violation is a Django ValidationError (400)."""
    if not name or len(name) > 255 or name != name.strip():
        raise ApiError("validation_error")
    for segment in name.split("/"):
        if (
            not segment
            or FORBIDDEN_CHARACTERS.search(segment)
            or segment.endswith((" ", "."))
            or segment.split(".")[0].upper() in WINDOWS_RESERVED
        ):
            raise ApiError("validation_error")


def restricted_names(project: Dict[str, Any]) -> set:
    """Files only managers may write when `has_restricted_projectfiles` is on."""
    qgis_name = project["the_qgis_file_name"]
    if not qgis_name:
        return set()
    stem = qgis_name.rsplit(".", 1)[0]
    return {qgis_name, f"{stem}_attachments.zip", f"{stem}.qgd", f"{stem}.qml"}


def stored_version(request: Request, file_id: int, version_id: str = "") -> Dict[str, Any]:
    """The newest version, or the one named by `version_id` (404 if it is not one of them)."""
    versions = context.store(request).versions(file_id)
    if not version_id:
        return versions[0]
    for version in versions:
        if version["id"] == version_id:
            return version
    raise ApiError("object_not_found")


async def list_files(request: Request) -> Response:
    user = auth.require_user(request)
    store, settings = context.store(request), context.settings(request)
    project, _ = context.project_for(request, user, request.path_params["project_id"])
    skip_metadata = request.query_params.get("skip_metadata") in ("1", "true")

    def serialize(row: Dict[str, Any]) -> Dict[str, Any]:
        return serializers.file(row, serializers.ATTACHMENT_DIRS, settings, skip_metadata=skip_metadata)

    if settings.legacy:
        return JSONResponse([serialize(row) for row in store.files_with_versions(project["id"])])
    # Only the requested page is read and serialized (DRF slices the queryset before serializing).
    return paginated_query(
        request,
        store.count_files(project["id"]),
        lambda offset, limit: store.files_with_versions(project["id"], offset, limit),
        serialize,
    )


async def file_metadata(request: Request) -> Response:
    context.newest_only(request)
    user = auth.require_user(request)
    store, settings = context.store(request), context.settings(request)
    project, _ = context.project_for(request, user, request.path_params["project_id"])
    row = store.file(project["id"], request.path_params["filename"])
    if row is None:
        raise ApiError("object_not_found")
    row["versions"] = store.versions(row["id"])
    return JSONResponse(serializers.file(row, serializers.ATTACHMENT_DIRS, settings))


async def download_file(request: Request) -> Response:
    user = auth.require_user(request)
    store = context.store(request)
    project, _ = context.project_for(request, user, request.path_params["project_id"])
    name = request.path_params["filename"]
    row = store.file(project["id"], name)
    if row is None:
        raise ApiError("object_not_found")
    version = stored_version(request, row["id"], request.query_params.get("version", ""))
    return downloads.serve(
        request,
        downloads.StoredFile(
            path=store.blob_path(version["id"]),
            name=name,
            size=version["size"],
            md5sum=version["md5sum"],
            modified=version["uploaded_at"],
        ),
    )


async def upload_file(request: Request) -> Response:
    """Streams the single multipart `file` part into a new version of the file named by the URL."""
    user = auth.require_user(request)
    store, settings = context.store(request), context.settings(request)
    project, (role, _) = context.project_for(request, user, request.path_params["project_id"], roles.UPLOAD)
    name = request.path_params["filename"]
    validate_filename(name)
    is_qgis = qgis_project.is_qgis_file(name)
    if (
        project["has_restricted_projectfiles"]
        and role not in roles.MANAGE
        and (is_qgis or name in restricted_names(project))
    ):
        raise ApiError("restricted_project_modification")
    if is_qgis and project["the_qgis_file_name"] and project["the_qgis_file_name"] != name:
        raise ApiError("multiple_projects")
    version_id = store.new_blob_id()
    blob_path = store.blob_path(version_id)
    sink = await receive_part(request, "file", blob_path)
    if sink.matching_parts > 1:
        blob_path.unlink(missing_ok=True)
        raise ApiError("multiple_contents")
    if sink.blob is None:
        raise ApiError("empty_content")
    if is_qgis:
        try:
            await run_in_threadpool(qgis_project.read_xml, blob_path)
        except qgis_project.InvalidProjectFile:
            blob_path.unlink(missing_ok=True)
            raise ApiError("invalid_qgis_project_file") from None
    now = clock.now()
    store.add_version(
        project["id"],
        name,
        {
            "id": version_id,
            "size": sink.blob.size,
            "md5sum": sink.blob.md5sum,
            "sha256": sink.blob.sha256,
            "uploaded_at": now,
            "uploaded_by": user["id"],
        },
    )
    attachment = serializers.is_attachment(name, serializers.ATTACHMENT_DIRS)
    changes: Dict[str, Any] = {} if attachment else {"data_last_updated_at": now}
    if is_qgis:
        changes["the_qgis_file_name"] = name
    if name in restricted_names(project) or is_qgis:
        changes["restricted_data_last_updated_at"] = now
    store.touch_project(project["id"], **changes)
    if is_qgis or (project["the_qgis_file_name"] and not attachment):
        request.app.state.jobs.queue_processing(project["id"], user)
    headers = {"Location": f"/api/v1/files/{project['id']}/{quote(name)}/"}
    if settings.legacy:
        return Response(status_code=201, headers=headers)
    return JSONResponse({}, status_code=201, headers=headers)


async def delete_file(request: Request) -> Response:
    """Deletes the file with all versions, or one version (`x-file-version` header or `?version=`)."""
    user = auth.require_user(request)
    store, settings = context.store(request), context.settings(request)
    project, _ = context.project_for(request, user, request.path_params["project_id"], roles.DELETE_FILES)
    name = request.path_params["filename"]
    row = store.file(project["id"], name)
    if row is None:
        raise ApiError("api_error", status=404)
    version_id = request.headers.get("x-file-version") or request.query_params.get("version", "")
    versions = store.versions(row["id"])
    if version_id:
        if len(versions) == 1:
            raise ApiError("explicit_deletion_of_last_version")
        doomed = [stored_version(request, row["id"], version_id)["id"]]
    else:
        doomed = [version["id"] for version in versions]
    await run_in_threadpool(store.delete_versions, row["id"], doomed)
    if len(doomed) == len(versions):
        changes: Dict[str, Any] = {"data_last_updated_at": clock.now()}
        if project["the_qgis_file_name"] == name:
            changes["the_qgis_file_name"] = None
        store.touch_project(project["id"], **changes)
    return Response(status_code=200 if settings.legacy else 204)
