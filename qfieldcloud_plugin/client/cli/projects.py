"""Commands of projects: list, show, create, change, delete, seeds and thumbnails."""

import argparse
import os
from typing import Any, Dict, List, Sequence

from ..errors import QfcException
from ..models import ProjectCollaboratorRole, ProjectType
from .arguments import PUBLIC_ROLES, SETTABLE_PROJECT_TYPES, CommandAdder, bool_flag, paginated, pagination_of
from .output import Context, format_table


def _projects_table(projects: Sequence[Dict[str, Any]]) -> List[str]:
    if not projects:
        return ["No projects."]
    return format_table(
        ["ID", "OWNER/NAME", "PUBLIC", "TYPE", "STATUS", "DESCRIPTION"],
        [
            [
                p.get("id"),
                f"{p.get('owner')}/{p.get('name')}",
                "yes" if p.get("is_public") else "no",
                p.get("project_type", ""),
                p.get("status", ""),
                " ".join(str(p.get("description") or "").split())[:60],
            ]
            for p in projects
        ],
    )


def cmd_list_projects(ctx: Context) -> None:
    projects = ctx.client.list_projects(ctx.args.include_public, pagination_of(ctx.args))
    ctx.emit(projects, lambda: _projects_table(projects))


def cmd_get_project(ctx: Context) -> None:
    project = ctx.client.get_project(ctx.args.project_id)
    ctx.emit(project, lambda: _projects_table([project]))


def cmd_get_project_seed(ctx: Context) -> None:
    seed = ctx.client.get_project_seed(ctx.args.project_id)

    def human() -> List[str]:
        settings = seed.get("settings") or {}
        return [
            f"Project name: {seed.get('name')}",
            f"Project CRS: {seed.get('crs')}",
            "Project extent: " + ", ".join(str(n) for n in (seed.get("extent") or [])),
            f"Project basemaps: {len(settings.get('basemaps') or [])}",
            f"Project XLSForm: {bool(settings.get('xlsform') or seed.get('xlsform_file'))}",
        ]

    ctx.emit(seed, human)


def cmd_get_project_seed_xlsform(ctx: Context) -> None:
    path = ctx.client.get_project_seed_xlsform(ctx.args.project_id, ctx.args.destination_dir)
    ctx.emit(path, lambda: [f"XLSForm seed file downloaded to: {path}" if path else "No XLSForm seed file."])


def cmd_get_project_seed_json2qgis(ctx: Context) -> None:
    path = ctx.client.get_project_seed_json2qgis(ctx.args.project_id, ctx.args.destination_dir)
    ctx.emit(path, lambda: [f"JSON2QGIS seed file downloaded to: {path}" if path else "No JSON2QGIS seed file."])


def _settings(a: argparse.Namespace) -> Dict[str, Any]:
    """The project settings that create-project and patch-project both take, as the client wants them."""
    role = a.public_collaborator_role
    return {
        "description": a.description,
        "is_public": a.is_public,
        "public_collaborator_role": ProjectCollaboratorRole(role) if role else None,
        "project_type": ProjectType(a.project_type) if a.project_type else None,
    }


def cmd_create_project(ctx: Context) -> None:
    a = ctx.args
    project = ctx.client.create_project(a.name, a.owner, clone_from_project=a.clone_from_project, **_settings(a))
    ctx.emit(project, lambda: ["Created project:"] + _projects_table([project]))


def cmd_patch_project(ctx: Context) -> None:
    a = ctx.args
    project = ctx.client.patch_project(a.project_id, name=a.name, owner=a.owner, **_settings(a))
    ctx.emit(project, lambda: ["Patched project:"] + _projects_table([project]))


def cmd_delete_project(ctx: Context) -> None:
    ctx.client.delete_project(ctx.args.project_id)
    ctx.emit({"deleted": ctx.args.project_id}, lambda: [f'Deleted project "{ctx.args.project_id}".'])


def cmd_upload_project_thumbnail(ctx: Context) -> None:
    a = ctx.args
    if not os.path.isfile(a.local_filename):
        raise QfcException(f'Thumbnail file "{a.local_filename}" does not exist')
    ctx.client.upload_project_thumbnail(a.project_id, a.local_filename)
    ctx.emit(
        {"uploaded": a.local_filename},
        lambda: [f'Uploaded thumbnail "{a.local_filename}" to project "{a.project_id}".'],
    )


def register(command: CommandAdder) -> None:
    """Add the group's commands to the parser."""
    p = command("list-projects", cmd_list_projects, "List projects.")
    paginated(p)
    bool_flag(p, "--include-public", "--no-public", "include_public", False, "Include public projects.")
    for name, handler, text in (
        ("get-project", cmd_get_project, "Show a project."),
        ("get-project-seed", cmd_get_project_seed, "Show a project's seed."),
    ):
        command(name, handler, text).add_argument("project_id")
    for name, handler, text in (
        ("get-project-seed-xlsform", cmd_get_project_seed_xlsform, "Download a project's seed XLSForm."),
        ("get-project-seed-json2qgis", cmd_get_project_seed_json2qgis, "Download a project's seed JSON2QGIS file."),
    ):
        p = command(name, handler, text)
        p.add_argument("project_id")
        p.add_argument("destination_dir")
    p = command("create-project", cmd_create_project, "Create a project.")
    p.add_argument("name")
    p.add_argument("--owner", default=None, help="Owner (default: you).")
    p.add_argument("--description", default="", help="Description.")
    bool_flag(p, "--is-public", "--is-private", "is_public", False, "Make the project public.")
    p.add_argument("--public-collaborator-role", choices=PUBLIC_ROLES, default=None)
    p.add_argument("--project-type", choices=SETTABLE_PROJECT_TYPES, default=None)
    p.add_argument("--clone-from-project", default=None, help="ID of a project to clone.")
    p = command("patch-project", cmd_patch_project, "Change a project; pass only what changes.")
    p.add_argument("project_id")
    p.add_argument("--name", default=None)
    p.add_argument("--description", default=None)
    p.add_argument("--owner", default=None, help="Transfer the project to this owner.")
    bool_flag(p, "--is-public", "--is-no-public", "is_public", None, "Make the project public or not.")
    p.add_argument("--public-collaborator-role", choices=PUBLIC_ROLES, default=None)
    p.add_argument("--project-type", choices=SETTABLE_PROJECT_TYPES, default=None)
    command("delete-project", cmd_delete_project, "Delete a project and its files.").add_argument("project_id")
    p = command("upload-project-thumbnail", cmd_upload_project_thumbnail, "Upload a project thumbnail (png/jpg).")
    p.add_argument("project_id")
    p.add_argument("local_filename")
