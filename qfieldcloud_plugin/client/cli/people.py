"""Commands of collaborators, organization members, teams and subscriptions."""

from typing import List

from ..errors import QfcException
from ..models import OrganizationMemberRole, ProjectCollaboratorRole
from .arguments import CommandAdder, bool_flag
from .output import Context, format_table


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


def register(command: CommandAdder) -> None:
    """Add the group's commands to the parser."""
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
            bool_flag(p, "--public", "--no-public", "is_public", False, "Make the membership public.")

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
