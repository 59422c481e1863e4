"""How the commands print: a result as JSON or as readable lines, tables, and a partial failure."""

import argparse
import json
import sys
from typing import Any, Callable, Iterable, List, Sequence

from ..client import Client
from ..errors import QfcException


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
            print(json.dumps(result, sort_keys=True, indent=2, default=json_default))
        else:
            for line in human():
                print(line)
        sys.stdout.flush()


def json_default(value: Any) -> Any:
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
