"""`python -m qfieldcloud_plugin.client`: the QFieldCloud command line (argparse).

Same commands, arguments and options as the official `qfieldcloud-cli`, plus `job-wait`.
Unlike it, any error exits non-zero with a one-line message on stderr. Results go to
stdout (`--json`: `json.dumps(..., sort_keys=True, indent=2)`); progress goes to stderr,
and only when stderr is a terminal.
"""

import argparse
import json
import logging
import os
import platform
import sys
from typing import Any, Callable, Dict, Iterable, List, Optional, Sequence

from .version import __version__
from .client import Client
from .progress import StderrProgress
from .errors import AuthenticationError, NotAppliedError, QfcException, mask_secrets
from .models import (
    DEFAULT_JOB_POLL_INTERVAL_S,
    DEFAULT_JOB_TIMEOUT_S,
    MIN_JOB_POLL_INTERVAL_S,
    DEFAULT_URL,
    FileTransferStatus,
    FileTransferType,
    JobTypes,
    OrganizationMemberRole,
    Pagination,
    ProjectCollaboratorRole,
    ProjectType,
)
from .transport import env_verify_ssl

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130

PUBLIC_ROLES = [
    ProjectCollaboratorRole.READER.value,
    ProjectCollaboratorRole.REPORTER.value,
    ProjectCollaboratorRole.EDITOR.value,
]
SETTABLE_PROJECT_TYPES = [ProjectType.REGULAR.value, ProjectType.TEMPLATE.value]


class CommandFailed(QfcException):
    """The command ran but did not fully succeed (e.g. some files failed to transfer)."""


class Context:
    def __init__(self, client: Client, args: argparse.Namespace) -> None:
        self.client = client
        self.args = args
        self.json = bool(args.format_json)

    def emit(self, result: Any, human: Callable[[], Iterable[str]]) -> None:
        """Print the result as JSON, or the human lines, on stdout."""
        if self.json:
            print(json.dumps(result, sort_keys=True, indent=2, default=_json_default))
        else:
            for line in human():
                print(line)
        sys.stdout.flush()


def _json_default(value: Any) -> Any:
    if isinstance(value, BaseException):
        return str(value)
    if hasattr(value, "value"):
        return value.value
    return str(value)


def format_table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> List[str]:
    """A plain text table: header, rule, one line per row."""
    cells = [[str("" if c is None else c) for c in row] for row in rows]
    widths = [len(h) for h in headers]
    for row in cells:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], len(cell))

    def line(values: Sequence[str]) -> str:
        return "  ".join(v.ljust(w) for v, w in zip(values, widths)).rstrip()

    return [line(list(headers)), line(["-" * w for w in widths])] + [line(row) for row in cells]


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


def _transfer_lines(files: Sequence[Dict[str, Any]], verb: str) -> List[str]:
    lines = []
    done = skipped = failed = 0
    for f in files:
        status = f.get("status")
        if status == FileTransferStatus.FAILED:
            failed += 1
            lines.append(f"FAILED     {f['name']}: {f.get('error')}")
        elif f.get("skipped"):
            skipped += 1
            lines.append(f"UNCHANGED  {f['name']}")
        elif status == FileTransferStatus.SUCCESS:
            done += 1
            lines.append(f"{verb.upper():<10} {f['name']}")
            if f.get("kept_local_version"):
                lines.append(f"           your previous version was kept in {f['kept_local_version']}")
        else:
            lines.append(f"NOT DONE   {f['name']}")
    lines.append(f"{done} file(s) {verb.lower()}, {skipped} unchanged, {failed} failed.")
    return lines


def _raise_if_failed(files: Sequence[Dict[str, Any]], verb: str) -> None:
    failed = [f for f in files if f.get("status") == FileTransferStatus.FAILED]
    if failed:
        # Name the file that caused the failure, not one that was only held back because of it.
        first = next((f for f in failed if not isinstance(f.get("error"), NotAppliedError)), failed[0])
        not_done = sum(1 for f in files if f.get("status") == FileTransferStatus.PENDING)
        also = f" ({not_done} not attempted)" if not_done else ""
        raise CommandFailed(
            f'{len(failed)} file(s) failed to {verb}{also}; first: "{first["name"]}": {first.get("error")}'
        )


# --- command handlers -------------------------------------------------------------------


def cmd_login(ctx: Context) -> None:
    username = ctx.args.login_username or ctx.args.username
    password = ctx.args.login_password or ctx.args.password
    if not username or not password:
        raise QfcException("login needs a username and a password (arguments, -u/-p or QFIELDCLOUD_USERNAME/PASSWORD)")
    user = ctx.client.login(username, password)
    if ctx.json:
        ctx.emit(user, lambda: [])
        return
    sys.stderr.write(f"Welcome to QFieldCloud, {user.get('username')}. Put the token in your environment:\n")
    if platform.system() == "Windows":
        print(f"set QFIELDCLOUD_TOKEN={user['token']}")
    else:
        print(f'export QFIELDCLOUD_TOKEN="{user["token"]}"')


def cmd_logout(ctx: Context) -> None:
    try:
        payload = ctx.client.logout()
    except AuthenticationError:
        # The token had already expired or was revoked: what the user wanted is already true.
        payload = {"detail": "Already logged out: the server no longer accepts this token."}
    ctx.emit(payload, lambda: [str(payload.get("detail") or "Logged out.")])


def cmd_create_user(ctx: Context) -> None:
    a = ctx.args
    user = ctx.client.create_user(a.new_username, a.new_password, a.email, exist_ok=a.exist_ok)
    ctx.emit(
        user,
        lambda: [
            f'User "{a.new_username}" already exists.' if user is None else f'Created user "{user.get("username")}".'
        ],
    )


def cmd_status(ctx: Context) -> None:
    status = ctx.client.check_server_status()
    ctx.emit(
        status,
        lambda: (
            [f"{k.replace('_', ' ').capitalize()}: {v}" for k, v in sorted(status.items())]
            if isinstance(status, dict)
            else [str(status)]
        ),
    )


def _pagination(args: argparse.Namespace) -> Pagination:
    return Pagination(limit=args.limit, offset=args.offset)


def cmd_list_projects(ctx: Context) -> None:
    projects = ctx.client.list_projects(ctx.args.include_public, _pagination(ctx.args))
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


def cmd_list_files(ctx: Context) -> None:
    files = ctx.client.list_remote_files(ctx.args.project_id, skip_metadata=ctx.args.skip_metadata)
    files = sorted(files, key=lambda f: f.get("name", ""))
    ctx.emit(
        files,
        lambda: (
            format_table(
                ["NAME", "SIZE", "LAST MODIFIED", "MD5SUM"],
                [[f.get("name"), f.get("size"), f.get("last_modified"), f.get("md5sum")] for f in files],
            )
            if files
            else [f'No files in project "{ctx.args.project_id}".']
        ),
    )


def cmd_create_project(ctx: Context) -> None:
    a = ctx.args
    project = ctx.client.create_project(
        a.name,
        a.owner,
        description=a.description,
        is_public=a.is_public,
        public_collaborator_role=ProjectCollaboratorRole(a.public_collaborator_role)
        if a.public_collaborator_role
        else None,
        project_type=ProjectType(a.project_type) if a.project_type else None,
        clone_from_project=a.clone_from_project,
    )
    ctx.emit(project, lambda: ["Created project:"] + _projects_table([project]))


def cmd_patch_project(ctx: Context) -> None:
    a = ctx.args
    project = ctx.client.patch_project(
        a.project_id,
        name=a.name,
        owner=a.owner,
        description=a.description,
        is_public=a.is_public,
        public_collaborator_role=ProjectCollaboratorRole(a.public_collaborator_role)
        if a.public_collaborator_role
        else None,
        project_type=ProjectType(a.project_type) if a.project_type else None,
    )
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


def cmd_upload_files(ctx: Context) -> None:
    a = ctx.args
    files = ctx.client.upload_files(
        a.project_id,
        FileTransferType.PROJECT,
        a.project_path,
        filter_glob=a.filter_glob,
        throw_on_error=a.throw_on_error,
        progress_callback=StderrProgress(),
        force=a.force,
    )
    ctx.emit(files, lambda: _transfer_lines(files, "uploaded") if files else ["Nothing to upload."])
    _raise_if_failed(files, "upload")


def cmd_download_files(ctx: Context) -> None:
    a = ctx.args
    files = ctx.client.download_project(
        a.project_id,
        a.local_dir,
        a.filter_glob,
        a.throw_on_error,
        progress_callback=StderrProgress(),
        force_download=a.force_download,
        keep_local_versions=a.keep_local_versions,
    )
    ctx.emit(files, lambda: _transfer_lines(files, "downloaded") if files else ["No files to download."])
    _raise_if_failed(files, "download")


def cmd_delete_files(ctx: Context) -> None:
    a = ctx.args
    results = ctx.client.delete_files(a.project_id, list(a.paths), a.throw_on_error)

    def human() -> List[str]:
        lines = []
        for pattern, files in results.items():
            if not files:
                lines.append(f"No files match '{pattern}'.")
            for f in files:
                error = f": {f.get('error')}" if f.get("error") else ""
                lines.append(f"{_json_default(f['status'])}\t{f['name']}{error}")
        return lines

    ctx.emit(results, human)
    _raise_if_failed([f for files in results.values() for f in files], "delete")


def cmd_delete_file(ctx: Context) -> None:
    a = ctx.args
    ctx.client.delete_file(a.project_id, a.filename, a.version_id)
    ctx.emit(
        {"deleted": a.filename, "version_id": a.version_id},
        lambda: [f'Deleted "{a.filename}"' + (f" version {a.version_id}" if a.version_id else "") + "."],
    )


def _jobs_table(jobs: Sequence[Dict[str, Any]]) -> List[str]:
    if not jobs:
        return ["No jobs."]
    return format_table(
        ["ID", "TYPE", "STATUS", "CREATED AT", "FINISHED AT"],
        [[j.get("id"), j.get("type"), j.get("status"), j.get("created_at"), j.get("finished_at")] for j in jobs],
    )


def cmd_list_jobs(ctx: Context) -> None:
    a = ctx.args
    jobs = ctx.client.list_jobs(a.project_id, JobTypes(a.job_type) if a.job_type else None, _pagination(a))
    jobs = sorted(jobs, key=lambda j: str(j.get("created_at") or ""))
    ctx.emit(jobs, lambda: _jobs_table(jobs))


def cmd_job_trigger(ctx: Context) -> None:
    a = ctx.args
    job = ctx.client.job_trigger(a.project_id, JobTypes(a.job_type), a.force)
    ctx.emit(job, lambda: [f'Job "{job.get("id")}" of type "{job.get("type")}" is {job.get("status")}.'])


def cmd_job_status(ctx: Context) -> None:
    job = ctx.client.job_status(ctx.args.job_id)
    ctx.emit(job, lambda: [f'Job "{job.get("id")}" ({job.get("type")}): {job.get("status")}'])


def cmd_job_wait(ctx: Context) -> None:
    a = ctx.args
    job = ctx.client.job_wait(a.job_id, timeout=a.timeout, poll_interval=a.poll_interval)
    ctx.emit(job, lambda: [f'Job "{job.get("id")}" ({job.get("type")}): {job.get("status")}'])
    if job.get("status") != "finished":
        raise CommandFailed(f'Job "{a.job_id}" ended with status "{job.get("status")}"')


def cmd_delta_push(ctx: Context) -> None:
    a = ctx.args
    if not os.path.isfile(a.delta_filename):
        raise QfcException(f'Delta file "{a.delta_filename}" does not exist')
    result = ctx.client.push_delta(a.project_id, a.delta_filename)
    ctx.emit(result, lambda: [f'Pushed delta file "{a.delta_filename}" to project "{a.project_id}".'])


def cmd_package_latest(ctx: Context) -> None:
    package = ctx.client.package_latest(ctx.args.project_id)

    def human() -> List[str]:
        lines = [f"Package status for {ctx.args.project_id}: {package.get('status')}"]
        for layer in (package.get("layers") or {}).values():
            state = "valid" if layer.get("is_valid") else "INVALID"
            lines.append(f'Layer "{layer.get("name")}": {state} ({layer.get("error_code")})')
        return lines

    ctx.emit(package, human)


def cmd_package_download(ctx: Context) -> None:
    a = ctx.args
    files = ctx.client.package_download(
        a.project_id,
        a.local_dir,
        a.filter_glob,
        a.throw_on_error,
        progress_callback=StderrProgress(),
        force_download=a.force_download,
        keep_local_versions=a.keep_local_versions,
    )
    ctx.emit(files, lambda: _transfer_lines(files, "downloaded") if files else ["No packaged files to download."])
    _raise_if_failed(files, "download")


def cmd_collaborators_get(ctx: Context) -> None:
    items = ctx.client.get_project_collaborators(ctx.args.project_id)
    ctx.emit(
        items, lambda: format_table(["COLLABORATOR", "ROLE"], [[c.get("collaborator"), c.get("role")] for c in items])
    )


def cmd_collaborators_add(ctx: Context) -> None:
    a = ctx.args
    item = ctx.client.add_project_collaborator(a.project_id, a.target_username, ProjectCollaboratorRole(a.role))
    ctx.emit(item, lambda: [f'Collaborator "{item.get("collaborator")}" added with role "{item.get("role")}".'])


def cmd_collaborators_remove(ctx: Context) -> None:
    a = ctx.args
    ctx.client.remove_project_collaborator(a.project_id, a.target_username)
    ctx.emit({"removed": a.target_username}, lambda: [f'Collaborator "{a.target_username}" removed.'])


def cmd_collaborators_patch(ctx: Context) -> None:
    a = ctx.args
    item = ctx.client.patch_project_collaborators(a.project_id, a.target_username, ProjectCollaboratorRole(a.role))
    ctx.emit(item, lambda: [f'Collaborator "{item.get("collaborator")}" now has role "{item.get("role")}".'])


def cmd_members_get(ctx: Context) -> None:
    items = ctx.client.get_organization_members(ctx.args.organization)
    ctx.emit(
        items,
        lambda: format_table(
            ["MEMBER", "ROLE", "PUBLIC"], [[m.get("member"), m.get("role"), m.get("is_public")] for m in items]
        ),
    )


def cmd_members_add(ctx: Context) -> None:
    a = ctx.args
    item = ctx.client.add_organization_member(
        a.organization, a.target_username, OrganizationMemberRole(a.role), a.is_public
    )
    ctx.emit(
        item, lambda: [f'Member "{item.get("member")}" added to "{a.organization}" with role "{item.get("role")}".']
    )


def cmd_members_remove(ctx: Context) -> None:
    a = ctx.args
    ctx.client.remove_organization_members(a.organization, a.target_username)
    ctx.emit({"removed": a.target_username}, lambda: [f'Member "{a.target_username}" removed from "{a.organization}".'])


def cmd_members_patch(ctx: Context) -> None:
    a = ctx.args
    item = ctx.client.patch_organization_members(a.organization, a.target_username, OrganizationMemberRole(a.role))
    ctx.emit(item, lambda: [f'Member "{item.get("member")}" now has role "{item.get("role")}" in "{a.organization}".'])


def cmd_teams_list(ctx: Context) -> None:
    teams = ctx.client.get_organization_teams(ctx.args.organization)
    ctx.emit(
        teams,
        lambda: format_table(["TEAM", "MEMBERS"], [[t.get("team"), ", ".join(t.get("members") or [])] for t in teams]),
    )


def cmd_teams_create(ctx: Context) -> None:
    team = ctx.client.create_organization_team(ctx.args.organization, ctx.args.team_name)
    ctx.emit(team, lambda: [f'Team "{team.get("team")}" created in "{ctx.args.organization}".'])


def cmd_teams_get(ctx: Context) -> None:
    team = ctx.client.get_organization_team(ctx.args.organization, ctx.args.team_name)
    ctx.emit(
        team,
        lambda: [
            f'Team "{team.get("team")}" in "{team.get("organization")}"',
            "Members: " + ", ".join(team.get("members") or []),
        ],
    )


def cmd_teams_patch(ctx: Context) -> None:
    a = ctx.args
    if not a.new_team_name:
        raise QfcException("teams-patch needs --name NEW_NAME")
    team = ctx.client.patch_organization_team(a.organization, a.team_name, a.new_team_name)
    ctx.emit(team, lambda: [f'Team "{a.team_name}" renamed to "{team.get("team")}".'])


def cmd_teams_delete(ctx: Context) -> None:
    a = ctx.args
    ctx.client.delete_organization_team(a.organization, a.team_name)
    ctx.emit({"deleted": a.team_name}, lambda: [f'Team "{a.team_name}" deleted from "{a.organization}".'])


def cmd_team_members_list(ctx: Context) -> None:
    a = ctx.args
    members = ctx.client.get_organization_team_members(a.organization, a.team_name)
    ctx.emit(members, lambda: [m.get("member", "") for m in members] or [f'Team "{a.team_name}" has no members.'])


def cmd_team_members_add(ctx: Context) -> None:
    a = ctx.args
    member = ctx.client.add_organization_team_member(a.organization, a.team_name, a.member_username)
    ctx.emit(member, lambda: [f'Member "{member.get("member")}" added to team "{a.team_name}".'])


def cmd_team_members_remove(ctx: Context) -> None:
    a = ctx.args
    ctx.client.remove_organization_team_member(a.organization, a.team_name, a.member_username)
    ctx.emit(
        {"removed": a.member_username}, lambda: [f'Member "{a.member_username}" removed from team "{a.team_name}".']
    )


def cmd_current_subscription(ctx: Context) -> None:
    sub = ctx.client.current_subscription(ctx.args.account)

    def human() -> List[str]:
        used = sub.get("storage_used_bytes") or 0
        total = sub.get("active_storage_total_bytes") or 0
        share = f" ({used / total * 100:.2f}%)" if total else ""
        return [
            f"Plan: {sub.get('plan_display_name')}",
            f"Status: {sub.get('status')}",
            f"Active since: {sub.get('active_since')}",
            f"Active until: {sub.get('active_until')}",
            f"Used storage: {used} bytes{share}",
            f"Total storage: {total} bytes",
        ]

    ctx.emit(sub, human)


# --- parser -------------------------------------------------------------------------------


def _bool_flag(
    parser: argparse.ArgumentParser, on: str, off: str, dest: str, default: Optional[bool], help: str
) -> None:
    group = parser.add_mutually_exclusive_group()
    group.add_argument(on, dest=dest, action="store_true", help=help)
    group.add_argument(off, dest=dest, action="store_false", help=f"Opposite of {on}.")
    parser.set_defaults(**{dest: default})


def _whole_number(minimum: int) -> Callable[[str], int]:
    """An argparse type: a whole number of at least `minimum` (a usage error otherwise)."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"{value} is too small: give {minimum} or more")
        return value

    return parse


def _seconds(minimum: float) -> Callable[[str], float]:
    """An argparse type: a number of seconds of at least `minimum`."""

    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
        if not value >= minimum:  # also refuses nan
            raise argparse.ArgumentTypeError(f"{text} s is too short: give {minimum:g} s or more")
        return value

    return parse


def _paginated(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-l", "--limit", type=_whole_number(1), default=None, help="Return at most this many records (one page)."
    )
    parser.add_argument(
        "-o", "--offset", type=_whole_number(0), default=None, help="Skip this many records (one page)."
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m qfieldcloud_plugin.client",
        description="QFieldCloud command line client (commands of the official qfieldcloud-cli, plus job-wait).",
        epilog="Environment: QFIELDCLOUD_URL, QFIELDCLOUD_USERNAME, QFIELDCLOUD_PASSWORD, QFIELDCLOUD_TOKEN, "
        "QFIELDCLOUD_VERIFY_SSL (0 disables), QFC_SDK_CONNECT_TIMEOUT_S, QFC_SDK_READ_TIMEOUT_S.",
    )
    parser.add_argument(
        "-U", "--url", default=None, help=f"QFieldCloud API or server URL (env QFIELDCLOUD_URL; default {DEFAULT_URL})."
    )
    parser.add_argument("-u", "--username", default=os.environ.get("QFIELDCLOUD_USERNAME"), help="Username or email.")
    parser.add_argument("-p", "--password", default=os.environ.get("QFIELDCLOUD_PASSWORD"), help="Password.")
    parser.add_argument("-t", "--token", default=os.environ.get("QFIELDCLOUD_TOKEN"), help="Session token.")
    fmt = parser.add_mutually_exclusive_group()
    fmt.add_argument("--json", dest="format_json", action="store_true", help="Print results as JSON.")
    fmt.add_argument("--human", dest="format_json", action="store_false", help="Print readable text (default).")
    parser.set_defaults(format_json=False)
    _bool_flag(
        parser,
        "--verify-ssl",
        "--no-verify-ssl",
        "verify_ssl",
        None,
        "Verify TLS certificates (default; env QFIELDCLOUD_VERIFY_SSL=0 disables).",
    )
    parser.add_argument("--ca-bundle", default=None, help="Trust the CA certificates in this PEM file.")
    parser.add_argument("--connect-timeout", type=float, default=None, help="Connect timeout in seconds (default 10).")
    parser.add_argument("--read-timeout", type=float, default=None, help="Read timeout in seconds (default 300).")
    parser.add_argument("--concurrency", type=int, default=None, help="Parallel file transfers (default 4).")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")

    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    def command(name: str, handler: Callable[[Context], None], help: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help, description=help)
        p.set_defaults(handler=handler)
        return p

    p = command("login", cmd_login, "Log in and print the token to export.")
    p.add_argument("login_username", nargs="?", metavar="USERNAME")
    p.add_argument("login_password", nargs="?", metavar="PASSWORD")
    command("logout", cmd_logout, "Log out: expire all of the user's tokens.")
    p = command("create-user", cmd_create_user, "Create a user account (staff only).")
    p.add_argument("new_username", metavar="USERNAME")
    p.add_argument("new_password", metavar="PASSWORD")
    p.add_argument("email", metavar="EMAIL")
    _bool_flag(p, "--exist-ok", "--no-exist-ok", "exist_ok", False, "Do not fail when the user exists.")
    command("status", cmd_status, "Check the server status.")

    p = command("list-projects", cmd_list_projects, "List projects.")
    _paginated(p)
    _bool_flag(p, "--include-public", "--no-public", "include_public", False, "Include public projects.")
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
    p = command("list-files", cmd_list_files, "List a project's files.")
    p.add_argument("project_id")
    _bool_flag(p, "--skip-metadata", "--no-skip-metadata", "skip_metadata", True, "Skip file metadata (default).")

    p = command("create-project", cmd_create_project, "Create a project.")
    p.add_argument("name")
    p.add_argument("--owner", default=None, help="Owner (default: you).")
    p.add_argument("--description", default="", help="Description.")
    _bool_flag(p, "--is-public", "--is-private", "is_public", False, "Make the project public.")
    p.add_argument("--public-collaborator-role", choices=PUBLIC_ROLES, default=None)
    p.add_argument("--project-type", choices=SETTABLE_PROJECT_TYPES, default=None)
    p.add_argument("--clone-from-project", default=None, help="ID of a project to clone.")
    p = command("patch-project", cmd_patch_project, "Change a project; pass only what changes.")
    p.add_argument("project_id")
    p.add_argument("--name", default=None)
    p.add_argument("--description", default=None)
    p.add_argument("--owner", default=None, help="Transfer the project to this owner.")
    _bool_flag(p, "--is-public", "--is-no-public", "is_public", None, "Make the project public or not.")
    p.add_argument("--public-collaborator-role", choices=PUBLIC_ROLES, default=None)
    p.add_argument("--project-type", choices=SETTABLE_PROJECT_TYPES, default=None)
    command("delete-project", cmd_delete_project, "Delete a project and its files.").add_argument("project_id")
    p = command("upload-project-thumbnail", cmd_upload_project_thumbnail, "Upload a project thumbnail (png/jpg).")
    p.add_argument("project_id")
    p.add_argument("local_filename")

    p = command("upload-files", cmd_upload_files, "Upload a folder's files to a project.")
    p.add_argument("project_id")
    p.add_argument("project_path")
    p.add_argument("--filter", dest="filter_glob", default=None, help="Only files matching this glob.")
    _bool_flag(p, "--throw-on-error", "--no-throw-on-error", "throw_on_error", False, "Stop at the first failure.")
    _bool_flag(p, "--force", "--no-force", "force", False, "Upload even unchanged files.")
    for name, handler, text in (
        ("download-files", cmd_download_files, "Download a project's files."),
        ("package-download", cmd_package_download, "Download the latest package's files."),
    ):
        p = command(name, handler, text)
        p.add_argument("project_id")
        p.add_argument("local_dir")
        p.add_argument("--filter", dest="filter_glob", default=None, help="Only files matching this glob.")
        _bool_flag(p, "--throw-on-error", "--no-throw-on-error", "throw_on_error", False, "Stop at the first failure.")
        _bool_flag(
            p,
            "--force-download",
            "--no-force-download",
            "force_download",
            False,
            "Download even files that are unchanged locally.",
        )
        _bool_flag(
            p,
            "--keep-local-versions",
            "--discard-local-versions",
            "keep_local_versions",
            True,
            "Keep local files that a download replaces and that differ from what was last downloaded "
            "in LOCAL_DIR/.qfieldcloud/trash/ (the default).",
        )
    p = command("delete-files", cmd_delete_files, "Delete a project's files matching globs.")
    p.add_argument("project_id")
    p.add_argument("paths", nargs="+", metavar="GLOB")
    _bool_flag(p, "--throw-on-error", "--no-throw-on-error", "throw_on_error", False, "Stop at the first failure.")
    p = command("delete-file", cmd_delete_file, "Delete one file, or one version of it.")
    p.add_argument("project_id")
    p.add_argument("filename")
    p.add_argument("--version-id", default=None, help="Delete only this version.")

    job_types = [t.value for t in JobTypes]
    p = command("list-jobs", cmd_list_jobs, "List a project's jobs.")
    p.add_argument("project_id")
    p.add_argument("--type", dest="job_type", choices=job_types, default=None, help="Only jobs of this type.")
    _paginated(p)
    p = command("job-trigger", cmd_job_trigger, "Start a job.")
    p.add_argument("project_id")
    p.add_argument("job_type", choices=job_types)
    _bool_flag(p, "--force", "--no-force", "force", False, "Start a new job even if one is active.")
    command("job-status", cmd_job_status, "Show a job's status.").add_argument("job_id")
    p = command("job-wait", cmd_job_wait, "Wait until a job is finished, failed or stopped.")
    p.add_argument("job_id")
    p.add_argument(
        "--timeout", type=_seconds(1.0), default=DEFAULT_JOB_TIMEOUT_S, help="Give up after this many seconds."
    )
    p.add_argument(
        "--poll-interval",
        type=_seconds(MIN_JOB_POLL_INTERVAL_S),
        default=DEFAULT_JOB_POLL_INTERVAL_S,
        help=f"Seconds between checks ({MIN_JOB_POLL_INTERVAL_S:g} or more).",
    )
    p = command("delta-push", cmd_delta_push, "Push a delta file to a project.")
    p.add_argument("project_id")
    p.add_argument("delta_filename")
    command("package-latest", cmd_package_latest, "Show the latest package.").add_argument("project_id")

    roles = [r.value for r in ProjectCollaboratorRole]
    command("collaborators-get", cmd_collaborators_get, "List a project's collaborators.").add_argument("project_id")
    for name, handler, with_role in (
        ("collaborators-add", cmd_collaborators_add, True),
        ("collaborators-remove", cmd_collaborators_remove, False),
        ("collaborators-patch", cmd_collaborators_patch, True),
    ):
        p = command(name, handler, name.replace("-", " ").capitalize() + ".")
        p.add_argument("project_id")
        p.add_argument("target_username", metavar="USERNAME")
        if with_role:
            p.add_argument("role", choices=roles)
    member_roles = [r.value for r in OrganizationMemberRole]
    command("members-get", cmd_members_get, "List an organization's members.").add_argument("organization")
    for name, handler, with_role in (
        ("members-add", cmd_members_add, True),
        ("members-remove", cmd_members_remove, False),
        ("members-patch", cmd_members_patch, True),
    ):
        p = command(name, handler, name.replace("-", " ").capitalize() + ".")
        p.add_argument("organization")
        p.add_argument("target_username", metavar="USERNAME")
        if with_role:
            p.add_argument("role", choices=member_roles)
        if name == "members-add":
            _bool_flag(p, "--public", "--no-public", "is_public", False, "Make the membership public.")

    command("teams-list", cmd_teams_list, "List an organization's teams.").add_argument("organization")
    for name, handler in (
        ("teams-create", cmd_teams_create),
        ("teams-get", cmd_teams_get),
        ("teams-patch", cmd_teams_patch),
        ("teams-delete", cmd_teams_delete),
        ("team-members-list", cmd_team_members_list),
    ):
        p = command(name, handler, name.replace("-", " ").capitalize() + ".")
        p.add_argument("organization")
        p.add_argument("team_name")
        if name == "teams-patch":
            p.add_argument("--name", dest="new_team_name", default=None, help="The new team name.")
    for name, handler in (("team-members-add", cmd_team_members_add), ("team-members-remove", cmd_team_members_remove)):
        p = command(name, handler, name.replace("-", " ").capitalize() + ".")
        p.add_argument("organization")
        p.add_argument("team_name")
        p.add_argument("member_username")
    command("current-subscription", cmd_current_subscription, "Show an account's current subscription.").add_argument(
        "account"
    )
    return parser


def _show_warnings_on_stderr() -> None:
    """The client's warnings (a retry after a silent wait, a cut stall) as plain lines on stderr."""
    logger = logging.getLogger("qfieldcloud_plugin.client")
    if not any(getattr(h, "qfc_cli", False) for h in logger.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(message)s"))
        handler.setLevel(logging.WARNING)
        handler.qfc_cli = True  # type: ignore[attr-defined]
        logger.addHandler(handler)


def main(argv: Optional[List[str]] = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    _show_warnings_on_stderr()
    client: Optional[Client] = None
    try:
        verify: Any = env_verify_ssl() if args.verify_ssl is None else args.verify_ssl
        if args.ca_bundle and verify is not False:
            if not os.path.isfile(args.ca_bundle):
                raise QfcException(f'CA bundle "{args.ca_bundle}" does not exist')
            verify = args.ca_bundle
        client = Client(
            url=args.url,
            verify_ssl=verify,
            token=args.token or "",
            connect_timeout=args.connect_timeout,
            read_timeout=args.read_timeout,
            concurrency=args.concurrency,
        )
        if args.command != "login" and (args.username or args.password):
            if not (args.username and args.password):
                raise QfcException("Give both a username and a password (-u/-p or QFIELDCLOUD_USERNAME/PASSWORD)")
            client.login(args.username, args.password)
        args.handler(Context(client, args))
    except KeyboardInterrupt:
        if client is not None:
            client.transport.abort_transfers("cancelled")  # no worker waits on a stalled server
        sys.stderr.write("\nCancelled.\n")
        return EXIT_INTERRUPTED
    except QfcException as exc:
        # The token is masked where messages are made; this is the last line of defence.
        sys.stderr.write("Error: {}\n".format(mask_secrets(str(exc), [args.token or "", args.password or ""])))
        return EXIT_ERROR
    except OSError as exc:
        where = f' "{exc.filename}"' if getattr(exc, "filename", None) else ""
        sys.stderr.write(f"Error: {exc.strerror or exc}{where}\n")
        return EXIT_ERROR
    return EXIT_OK
