"""Projects: list, read, create, change, delete, seeds and thumbnails."""

import logging
import os
import re
from email.message import Message
from typing import Any, Dict, Iterator, List, Optional

import requests

from .api_base import ApiBase, seg, wire_value
from .download import fetch_resumable
from .errors import QfcException
from .models import PROJECT_NAME_PATTERN, Pagination, ProjectCollaboratorRole, ProjectType
from .multipart import MultipartFileBody
from .names import safe_join

logger = logging.getLogger(__name__)


class ProjectsApi(ApiBase):
    """Endpoints of `projects/`. Mixed into `Client`."""

    def list_projects(
        self,
        include_public: bool = False,
        pagination: Optional[Pagination] = None,
        **kwargs: Any,
    ) -> List[Dict[str, Any]]:
        """Projects the user has a role on (plus public ones if asked), all pages unless paginated."""
        return list(self.iter_projects(include_public, pagination, **kwargs))

    def iter_projects(
        self,
        include_public: bool = False,
        pagination: Optional[Pagination] = None,
        **kwargs: Any,
    ) -> Iterator[Dict[str, Any]]:
        """Like `list_projects`, yielding projects as each page (1,000 per request) arrives."""
        params = {"include-public": "1" if include_public else "0"}
        params.update({k: str(wire_value(v)) for k, v in kwargs.items() if v is not None})
        return self.transport.iter_pages("projects/", params, pagination)

    def get_project(self, project_id: str) -> Dict[str, Any]:
        return self.transport.request_json("GET", f"projects/{seg(project_id)}/")

    def get_project_seed(self, project_id: str) -> Dict[str, Any]:
        return self.transport.request_json("GET", f"projects/{seg(project_id)}/seed/", feature="project seeds")

    def get_project_seed_xlsform(self, project_id: str, destination_dir: str) -> Optional[str]:
        """Download the project's seed XLSForm into `destination_dir`; returns its path."""
        return self._download_seed_file(project_id, "xlsform", destination_dir, "xlsform.xlsx")

    def get_project_seed_json2qgis(self, project_id: str, destination_dir: str) -> Optional[str]:
        """Download the project's seed JSON2QGIS file into `destination_dir`; returns its path."""
        return self._download_seed_file(project_id, "json2qgis", destination_dir, "json2qgis.json")

    def _download_seed_file(self, project_id: str, kind: str, destination_dir: str, default: str) -> Optional[str]:
        response = self.transport.request(
            "GET", f"projects/{seg(project_id)}/seed/{kind}/", feature="project seeds", stream=True
        )
        if response.status_code != 200:
            response.close()
            return None
        message = Message()
        message["Content-Disposition"] = response.headers.get("Content-Disposition", "")
        # Only the base name of the server's suggestion is used, never a path.
        filename = os.path.basename((message.get_filename() or "").replace("\\", "/")) or default
        if filename in (".", "..") or filename.startswith("."):
            filename = default
        target = safe_join(destination_dir, filename)
        # The answer is already open: the one "fetch" hands it over (no retry, no checksum listed).
        fetch_resumable(lambda _headers: response, target, display_name=filename)
        return str(target)

    def create_project(
        self,
        name: str,
        owner: Optional[str] = None,
        description: str = "",
        is_public: bool = False,
        public_collaborator_role: Optional[ProjectCollaboratorRole] = None,
        project_type: Optional[ProjectType] = None,
        clone_from_project: Optional[str] = None,
    ) -> Dict[str, Any]:
        """Create a project (owner defaults to the caller); the answer may lack `user_role`."""
        check_project_name(name)
        data: Dict[str, Any] = {"name": name, "description": description or "", "is_public": bool(is_public)}
        if owner:
            data["owner"] = owner
        if public_collaborator_role is not None:
            data["public_collaborator_role"] = wire_value(public_collaborator_role)
        if project_type is not None:
            data["project_type"] = wire_value(project_type)
        if clone_from_project is not None:
            data["clone_from_project"] = clone_from_project
        return self.transport.request_json("POST", "projects/", json_body=data)

    def patch_project(
        self,
        project_id: str,
        name: Optional[str] = None,
        owner: Optional[str] = None,
        description: Optional[str] = None,
        is_public: Optional[bool] = None,
        public_collaborator_role: Optional[ProjectCollaboratorRole] = None,
        project_type: Optional[ProjectType] = None,
    ) -> Dict[str, Any]:
        """Change the given fields; every argument that is not None is sent, even False or ""."""
        if name is not None:
            check_project_name(name)
        fields = {
            "name": name,
            "owner": owner,
            "description": description,
            "is_public": is_public,
            "public_collaborator_role": public_collaborator_role,
            "project_type": project_type,
        }
        data = {key: wire_value(value) for key, value in fields.items() if value is not None}
        return self.transport.request_json("PATCH", f"projects/{seg(project_id)}/", json_body=data)

    def delete_project(self, project_id: str) -> requests.Response:
        """Delete a project and all its files (204)."""
        return self.transport.request("DELETE", f"projects/{seg(project_id)}/")

    def upload_project_thumbnail(self, project_id: str, local_filename: str) -> requests.Response:
        """Upload a png/jpg thumbnail (multipart part `thumbnail`)."""
        content_type = "image/png" if str(local_filename).lower().endswith(".png") else "image/jpeg"
        body = MultipartFileBody(local_filename, field_name="thumbnail", content_type=content_type)
        return self.transport.request(
            "POST",
            f"projects/{seg(project_id)}/thumbnail/",
            feature="project thumbnails",
            data=body,
            headers={"Content-Type": body.content_type, "Accept": "application/json"},
            retry=True,
        )


def check_project_name(name: Any) -> str:
    """`name` if the server would accept it as a project name, else QfcException saying what is allowed."""
    if not isinstance(name, str) or len(name) > 255 or not re.match(PROJECT_NAME_PATTERN, name):
        raise QfcException(
            f"Invalid project name {name!r}: use 1 to 255 letters (a-z, A-Z), digits, '-', '_' or '.', "
            f"without spaces (pattern {PROJECT_NAME_PATTERN})"
        )
    return name
