"""Project files: the listings of a project and of its latest package, and deletes."""

import logging
from typing import Any, Callable, Dict, Iterator, List, Optional

import requests

from .api_base import ApiBase, seg
from .errors import InvalidResponseError, NotFoundError, QfcException, QfcRequestException
from .local_files import list_local_files
from .models import FileTransferStatus, FileTransferType
from .names import match_glob, url_path, validate_glob

logger = logging.getLogger(__name__)


class FilesApi(ApiBase):
    """Endpoints of `files/` and the package listing. Mixed into `Client`."""

    def list_remote_files(self, project_id: str, skip_metadata: bool = True) -> List[Dict[str, Any]]:
        """The project's files (latest version metadata + `versions`), with `etag` = `md5sum`."""
        return list(self.iter_remote_files(project_id, skip_metadata))

    def iter_remote_files(self, project_id: str, skip_metadata: bool = True) -> Iterator[Dict[str, Any]]:
        """Like `list_remote_files`, yielding files as each page (1,000 per request) arrives."""
        params = {"skip_metadata": "1" if skip_metadata else "0"}
        for file in self.transport.iter_pages(f"files/{seg(project_id)}/", params):
            problem = _listing_entry_problem(file)
            if problem:
                raise InvalidResponseError(
                    f"The server's file listing is not usable: {problem}",
                    url=self.url + f"files/{seg(project_id)}/",
                    method="GET",
                )
            yield {"etag": file.get("md5sum"), **file}

    def list_local_files(self, root_path: str, filter_glob: str = "*") -> List[Dict[str, Any]]:
        """Local files to upload: POSIX `name`, `absolute_filename`, `size`; QGIS files last.

        Paths with a segment starting with '.' or ending with '~' are skipped, and so are
        those matched by `root_path/.qfieldcloudignore` (gitignore syntax).
        """
        return list_local_files(root_path, filter_glob)

    def _fresh_file_info(
        self,
        project_id: str,
        download_type: FileTransferType,
        remote_name: str,
    ) -> Optional[Dict[str, Any]]:
        """The file's current listing entry (size, md5sum, sha256), or None if it has none."""
        try:
            if download_type == FileTransferType.PACKAGE:
                files = self.package_latest(project_id).get("files") or []
            else:
                try:
                    info = self.transport.request_json(
                        "GET", f"files/metadata/{seg(project_id)}/{url_path(remote_name)}/"
                    )
                    return info if isinstance(info, dict) else None
                except (NotFoundError, InvalidResponseError):
                    files = self.list_remote_files(project_id, skip_metadata=False)  # servers without metadata/
            return next((f for f in files if f.get("name") == remote_name), None)
        except QfcRequestException as exc:
            logger.info('Could not read the listing of "%s" again: %s', remote_name, exc)
            return None

    def package_latest(self, project_id: str) -> Dict[str, Any]:
        """The latest package: `{files, layers, status, package_id, ...}` (400 before any)."""
        return self.transport.request_json("GET", f"packages/{seg(project_id)}/latest/")

    def delete_files(
        self,
        project_id: str,
        glob_patterns: List[str],
        throw_on_error: bool = False,
        finished_cb: Optional[Callable[[Dict[str, Any]], None]] = None,
    ) -> Dict[str, List[Dict[str, Any]]]:
        """Delete every remote file matching one of the patterns; results grouped by pattern.

        `throw_on_error=True` raises the first failure (the SDK inverts this; we do not).
        """
        if isinstance(glob_patterns, str):
            glob_patterns = [glob_patterns]
        patterns = [validate_glob(p) for p in glob_patterns]
        project_files = self.list_remote_files(project_id)
        results: Dict[str, List[Dict[str, Any]]] = {}
        claimed = set()
        for pattern in patterns:
            results[pattern] = []
            for file in project_files:
                if file["name"] in claimed or not match_glob(file["name"], pattern):
                    continue
                claimed.add(file["name"])
                file["status"] = FileTransferStatus.PENDING
                file["error"] = None
                results[pattern].append(file)
        for files in results.values():
            for file in files:
                try:
                    self.transport.request("DELETE", f"files/{seg(project_id)}/{url_path(file['name'])}/")
                    file["status"] = FileTransferStatus.SUCCESS
                except QfcException as exc:  # a refusal, a refused name (UnsafePathError)
                    file["status"] = FileTransferStatus.FAILED
                    file["error"] = exc
                    logger.info('Could not delete "%s": %s', file["name"], exc)
                    if throw_on_error:
                        raise
                finally:
                    if callable(finished_cb):
                        finished_cb(file)
        return results

    def delete_file(self, project_id: str, filename: str, version_id: Optional[str] = None) -> requests.Response:
        """Delete a file with all its versions, or only `version_id` (204, 200 on 2024-09)."""
        headers = {"x-file-version": str(version_id)} if version_id else {}
        return self.transport.request(
            "DELETE",
            f"files/{seg(project_id)}/{url_path(filename)}/",
            headers=headers,
        )


def _listing_entry_problem(entry: Any) -> Optional[str]:
    """What is wrong with one item of a file listing (wrong JSON types), or None."""
    if not isinstance(entry, dict):
        return f"an item is a {type(entry).__name__}, not an object"
    name = entry.get("name")
    if not isinstance(name, str):
        return f"an item has the name {name!r}"
    size = entry.get("size")
    if size is not None and (isinstance(size, bool) or not isinstance(size, int) or size < 0):
        return f'"{name}" has the size {size!r}'
    for key in ("md5sum", "sha256"):
        if entry.get(key) is not None and not isinstance(entry[key], str):
            return f'"{name}" has the {key} {entry[key]!r}'
    if not isinstance(entry.get("versions", []), list):
        return f'"{name}" has versions that are not a list'
    return None
