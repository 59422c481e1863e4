"""Packaging rules of the bundled client: importable without Qt/QGIS, Python 3.9 syntax, public names."""

import ast
import subprocess
import sys
from pathlib import Path

import qfieldcloud_plugin.client as client_package

CLIENT_DIR = Path(client_package.__file__).parent
REPO = CLIENT_DIR.parents[1]


def test_client_imports_without_qt_or_qgis():
    code = (
        "import sys, qfieldcloud_plugin.client, qfieldcloud_plugin.client.cli; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('qgis', 'PyQt5', 'PyQt6', 'sip', 'click', 'tqdm')))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=str(REPO), capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_client_sources_parse_as_python_3_9():
    for path in sorted(CLIENT_DIR.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path), feature_version=(3, 9))
        for node in ast.walk(tree):
            # `X | Y` in an annotation would be evaluated at import time on 3.9.
            for annotation in (getattr(node, "annotation", None), getattr(node, "returns", None)):
                if annotation is not None:
                    assert not any(isinstance(n, ast.BinOp) for n in ast.walk(annotation)), f"{path.name}:{node.lineno}"


def test_public_api_names():
    for name in (
        "Client",
        "QfcException",
        "QfcRequestException",
        "AuthenticationError",
        "PermissionDeniedError",
        "NotFoundError",
        "ServerError",
        "ConnectionFailedError",
        "TransferCancelledError",
        "ChecksumMismatchError",
        "UnsafePathError",
        "InvalidGlobError",
        "JobTimeoutError",
        "TransferProgress",
        "Pagination",
        "FileTransferStatus",
        "JobTypes",
    ):
        assert hasattr(client_package, name), name
    assert client_package.__version__ == "0.1.0"
    assert client_package.DEFAULT_PAGINATION_LIMIT == 20
    assert issubclass(client_package.NotFoundError, client_package.QfcRequestException)
    assert issubclass(client_package.UnsafePathError, client_package.QfcException)


def test_client_has_every_sdk_method():
    sdk_methods = [
        "login",
        "logout",
        "create_user",
        "check_server_status",
        "list_projects",
        "get_project",
        "get_project_seed",
        "get_project_seed_xlsform",
        "get_project_seed_json2qgis",
        "list_remote_files",
        "create_project",
        "delete_project",
        "patch_project",
        "upload_project_thumbnail",
        "upload_files",
        "upload_file",
        "download_project",
        "list_jobs",
        "job_trigger",
        "job_status",
        "push_delta",
        "delete_files",
        "delete_file",
        "package_latest",
        "package_download",
        "download_files",
        "download_file",
        "list_local_files",
        "get_project_collaborators",
        "add_project_collaborator",
        "remove_project_collaborator",
        "patch_project_collaborators",
        "get_organization_members",
        "add_organization_member",
        "remove_organization_members",
        "patch_organization_members",
        "get_organization_teams",
        "create_organization_team",
        "get_organization_team",
        "patch_organization_team",
        "delete_organization_team",
        "get_organization_team_members",
        "add_organization_team_member",
        "remove_organization_team_member",
        "current_subscription",
        "job_wait",
    ]
    missing = [m for m in sdk_methods if not callable(getattr(client_package.Client, m, None))]
    assert missing == []
