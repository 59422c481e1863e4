"""The JSON shapes of QFieldCloud objects (projects, files, jobs, deltas), newest or 2024-09."""

import json
from typing import Any, Dict, List, Optional, Tuple

from . import clock
from .settings import Settings
from .store import Store

# Attachment folders of every project (QFieldCloud's default; project-specific dirs are not read).
ATTACHMENT_DIRS = ["DCIM"]

# Fields of the project object that the 2024-09 server did not have yet.
NEWEST_PROJECT_FIELDS = (
    "project_type",
    "restricted_data_last_updated_at",
    "shared_datasets_project_id",
    "is_shared_datasets_project",
    "is_featured",
    "is_attachment_download_on_demand",
    "has_restricted_projectfiles",
    "overwrite_conflicts",
    "file_storage_bytes",
    "the_qgis_file_name",
)


def project_status(store: Store, project: Dict[str, Any]) -> str:
    """busy while a job is active; failed without a successfully processed QGIS file; else ok."""
    if store.has_active_job(project["id"]):
        return "busy"
    if not project["the_qgis_file_name"]:
        return "failed"
    last = store.one(
        "SELECT status FROM jobs WHERE project_id = ? AND type = 'process_projectfile'"
        " ORDER BY created_at DESC LIMIT 1",
        project["id"],
    )
    return "failed" if last and last["status"] == "failed" else "ok"


def project(store: Store, settings: Settings, row: Dict[str, Any], role: Optional[Tuple[str, str]]) -> Dict[str, Any]:
    """The project object of contract §5; `role` None leaves out user_role(_origin)."""
    owner = store.user_by_id(row["owner_id"])
    needs_repackaging = bool(row["the_qgis_file_name"]) and (
        row["data_last_packaged_at"] is None or (row["data_last_updated_at"] or 0) > row["data_last_packaged_at"]
    )
    shared = store.one(
        "SELECT id FROM projects WHERE owner_id = ? AND project_type = 'shared_datasets' AND id != ?",
        row["owner_id"],
        row["id"],
    )
    data = {
        "id": row["id"],
        "name": row["name"],
        "owner": owner["username"],
        "description": row["description"],
        "private": not row["is_public"],
        "is_public": bool(row["is_public"]),
        "created_at": clock.iso(row["created_at"]),
        "updated_at": clock.iso(row["updated_at"]),
        "data_last_packaged_at": clock.iso(row["data_last_packaged_at"]),
        "data_last_updated_at": clock.iso(row["data_last_updated_at"]),
        "restricted_data_last_updated_at": clock.iso(row["restricted_data_last_updated_at"]),
        "can_repackage": row["project_type"] == "regular" and bool(row["the_qgis_file_name"]),
        "needs_repackaging": needs_repackaging,
        "status": project_status(store, row),
        "project_type": row["project_type"],
        "shared_datasets_project_id": shared["id"] if shared else None,
        "is_shared_datasets_project": row["project_type"] == "shared_datasets",
        "is_featured": bool(row["is_featured"]),
        "is_attachment_download_on_demand": bool(row["is_attachment_download_on_demand"]),
        "has_restricted_projectfiles": bool(row["has_restricted_projectfiles"]),
        "overwrite_conflicts": bool(row["overwrite_conflicts"]),
        "file_storage_bytes": store.project_storage_bytes(row["id"]),
        "the_qgis_file_name": row["the_qgis_file_name"],
    }
    if role is not None:
        data["user_role"], data["user_role_origin"] = role
    if settings.legacy:
        for name in NEWEST_PROJECT_FIELDS:
            data.pop(name)
    return data


def is_attachment(name: str, attachment_dirs: List[str]) -> bool:
    """QFieldCloud's plain string-prefix test, so `DCIMx.jpg` counts as an attachment too."""
    return any(name.startswith(folder) for folder in attachment_dirs)


def file_version(version: Dict[str, Any], is_latest: bool, settings: Settings) -> Dict[str, Any]:
    data = {
        "version_id": version["id"],
        "md5sum": version["md5sum"],
        "size": version["size"],
        "uploaded_at": clock.iso(version["uploaded_at"]),
        "display": clock.version_display(version["uploaded_at"]),
        "is_latest": is_latest,
        "last_modified": clock.legacy(version["uploaded_at"]),
        "sha256": version["sha256"],
    }
    if settings.legacy:
        data.pop("uploaded_at")
    return data


def file(
    row: Dict[str, Any],
    attachment_dirs: List[str],
    settings: Settings,
    with_versions: bool = True,
    skip_metadata: bool = False,
) -> Dict[str, Any]:
    """A file listing entry (contract §6): top-level fields describe the newest version."""
    latest = row["versions"][0]
    data = {
        "name": row["name"],
        "size": latest["size"],
        "uploaded_at": clock.iso(row["created_at"]),
        "is_attachment": is_attachment(row["name"], attachment_dirs),
        "md5sum": latest["md5sum"],
        "last_modified": clock.legacy(latest["uploaded_at"]),
        "sha256": latest["sha256"],
    }
    if with_versions:
        data["versions"] = [
            file_version(version, index == 0, settings) for index, version in enumerate(row["versions"])
        ]
    if settings.legacy:
        data.pop("uploaded_at")
        if skip_metadata:
            data.pop("sha256")
            for version in data.get("versions", []):
                version.pop("sha256")
    return data


def job(row: Dict[str, Any], detailed: bool) -> Dict[str, Any]:
    """The job object; `feedback` and `output` only on retrieve and create (contract §7)."""
    data = {
        "id": row["id"],
        "created_at": clock.iso(row["created_at"]),
        "created_by": row["created_by"],
        "finished_at": clock.iso(row["finished_at"]),
        "project_id": row["project_id"],
        "started_at": clock.iso(row["started_at"]),
        "status": row["status"],
        "type": row["type"],
        "updated_at": clock.iso(row["updated_at"]),
    }
    if detailed:
        data["feedback"] = json.loads(row["feedback"]) if row["feedback"] else None
        data["output"] = row["output"]
    return data


def delta(store: Store, row: Dict[str, Any]) -> Dict[str, Any]:
    creator = store.user_by_id(row["created_by"])
    return {
        "id": row["id"],
        "deltafile_id": row["deltafile_id"],
        "created_by": creator["username"] if creator else None,
        "created_at": clock.iso(row["created_at"]),
        "updated_at": clock.iso(row["updated_at"]),
        "status": row["status"],
        "output": row["output"],
        "last_status": row["status"].removeprefix("STATUS_").lower(),
        "last_feedback": json.loads(row["last_feedback"]) if row["last_feedback"] else None,
        "content": json.loads(row["content"]),
    }
