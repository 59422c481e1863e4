"""What the commands' arguments accept: flags, whole numbers, seconds, paging; the shared choices."""

import argparse
from typing import Callable, Optional

from ..models import Pagination, ProjectCollaboratorRole, ProjectType
from .output import Context

# `command(name, handler, help)`: adds a sub-command to the parser and returns its own parser.
CommandAdder = Callable[[str, Callable[[Context], None], str], argparse.ArgumentParser]

PUBLIC_ROLES = [
    ProjectCollaboratorRole.READER.value,
    ProjectCollaboratorRole.REPORTER.value,
    ProjectCollaboratorRole.EDITOR.value,
]


SETTABLE_PROJECT_TYPES = [ProjectType.REGULAR.value, ProjectType.TEMPLATE.value]


def bool_flag(
    parser: argparse.ArgumentParser, on: str, off: str, dest: str, default: Optional[bool], help: str
) -> None:
    group = parser.add_mutually_exclusive_group()
    group.add_argument(on, dest=dest, action="store_true", help=help)
    group.add_argument(off, dest=dest, action="store_false", help=f"Opposite of {on}.")
    parser.set_defaults(**{dest: default})


def whole_number(minimum: int, maximum: Optional[int] = None) -> Callable[[str], int]:
    """An argparse type: a whole number of at least `minimum` and at most `maximum` (a usage error
    otherwise)."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"{value} is too small: give {minimum} or more")
        if maximum is not None and value > maximum:
            raise argparse.ArgumentTypeError(f"{value} is too large: give {maximum} or less")
        return value

    return parse


def seconds(minimum: float) -> Callable[[str], float]:
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


def paginated(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-l", "--limit", type=whole_number(1), default=None, help="Return at most this many records (one page)."
    )
    parser.add_argument("-o", "--offset", type=whole_number(0), default=None, help="Skip this many records (one page).")


def pagination_of(args: argparse.Namespace) -> Pagination:
    return Pagination(limit=args.limit, offset=args.offset)
