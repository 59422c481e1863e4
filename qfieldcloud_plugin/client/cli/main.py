"""The command line's entry point: global options, the sub-commands of each group, exit codes."""

import argparse
import logging
import os
import sys
from typing import Any, Callable, List, Optional

from ..client import Client
from ..errors import QfcException, mask_secrets
from ..models import DEFAULT_CONCURRENCY, DEFAULT_URL, MAX_CONCURRENCY
from ..transport import env_verify_ssl
from ..version import __version__
from . import account, files, jobs, people, projects
from .arguments import bool_flag, whole_number
from .output import Context

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


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
    bool_flag(
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
    parser.add_argument(
        "--concurrency",
        type=whole_number(1, MAX_CONCURRENCY),
        default=None,
        help=f"Files transferred at once, at most (default {DEFAULT_CONCURRENCY}; fewer for a server that answers "
        "fast, for large files or a busy server).",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")

    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    def command(name: str, handler: Callable[[Context], None], help: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help, description=help)
        p.set_defaults(handler=handler)
        return p

    for group in (account, projects, files, jobs, people):
        group.register(command)
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
