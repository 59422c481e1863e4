"""Which findings of the project check the user has seen and accepted, per project folder, so that
the check dialog shows again only when something new turns up (kept in `.qfieldcloud/check.json`)."""

import json
from pathlib import Path
from typing import Iterable, List, Set, Tuple

from ..client.atomic_file import write_json_atomically
from ..client.names import STATE_DIR
from .findings import Finding

CHECK_FILE = "check.json"


def accepted(folder: Path) -> Set[Tuple[str, str]]:
    try:
        data = json.loads((Path(folder) / STATE_DIR / CHECK_FILE).read_text(encoding="utf-8"))
        return {(str(kind), str(layer)) for kind, layer in data.get("accepted", [])}
    except (OSError, ValueError, TypeError, AttributeError):
        return set()  # unreadable: the dialog shows again, which loses nothing


def needs_review(folder: Path, findings: Iterable[Finding]) -> bool:
    """Whether any finding was not accepted before (the first upload: any finding at all)."""
    return bool({f.key for f in findings} - accepted(folder))


def accept(folder: Path, findings: List[Finding]) -> None:
    """Remember `findings` as seen and accepted; findings gone since are forgotten."""
    keys = sorted({f.key for f in findings})
    write_json_atomically(Path(folder) / STATE_DIR / CHECK_FILE, {"format": 1, "accepted": keys})
