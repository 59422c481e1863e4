"""Commands of the account and the server: login, logout, create-user, status."""

import platform
import sys

from ..errors import AuthenticationError, QfcException
from .arguments import CommandAdder, bool_flag
from .output import Context


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


def register(command: CommandAdder) -> None:
    """Add the group's commands to the parser."""
    p = command("login", cmd_login, "Log in and print the token to export.")
    p.add_argument("login_username", nargs="?", metavar="USERNAME")
    p.add_argument("login_password", nargs="?", metavar="PASSWORD")
    command("logout", cmd_logout, "Log out: expire all of the user's tokens.")
    p = command("create-user", cmd_create_user, "Create a user account (staff only).")
    p.add_argument("new_username", metavar="USERNAME")
    p.add_argument("new_password", metavar="PASSWORD")
    p.add_argument("email", metavar="EMAIL")
    bool_flag(p, "--exist-ok", "--no-exist-ok", "exist_ok", False, "Do not fail when the user exists.")
    command("status", cmd_status, "Check the server status.")
