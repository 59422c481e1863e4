"""What an upload sends, in the groups a user thinks in: the project file, its layers' data, the
attachments, and the other files of the folder that the project does not use.

Unused files that look private (office documents, archives, videos, keys) or are large start
unticked; the user can untick anything, and remember a choice in `.qfieldcloudignore`.
"""

from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Iterable, List

from qgis.core import QgsProject

from ..client.ignore import add_ignored_names
from .project_files import ATTACHMENTS, DATA, OTHER, PROJECT, group_of, used_files

GROUPS = (PROJECT, DATA, ATTACHMENTS, OTHER)
# Files a project rarely needs and a person rarely wants shared, when the project does not use them.
PRIVATE_SUFFIXES = (
    ".doc", ".docx", ".xls", ".xlsx", ".xlsm", ".ods", ".odt", ".odp", ".ppt", ".pptx", ".pdf", ".rtf",
    ".zip", ".7z", ".rar", ".tar", ".gz", ".tgz", ".bz2", ".xz",
    ".mov", ".mp4", ".avi", ".mkv", ".wmv", ".m4v", ".mpg", ".mpeg",
    ".key", ".pem", ".p12", ".pfx", ".kdbx", ".env", ".eml", ".msg", ".pst",
)  # fmt: skip
LARGE_UNUSED = 50 * 1024 * 1024
PRIVATE, LARGE = "private", "large"


@dataclass
class UploadEntry:
    name: str
    size: int
    group: str
    ticked: bool = True
    why_unticked: str = ""  # PRIVATE or LARGE when unticked by default


@dataclass
class UploadList:
    entries: List[UploadEntry] = field(default_factory=list)

    def group(self, group: str) -> List[UploadEntry]:
        return [e for e in self.entries if e.group == group]

    @property
    def ticked(self) -> List[str]:
        return [e.name for e in self.entries if e.ticked]


def build_upload_list(project: QgsProject, folder: Path, sizes: Dict[str, int]) -> UploadList:
    """The entries for the files in `sizes` (name -> bytes), grouped, with their default ticks."""
    used = used_files(project, folder)
    entries = []
    for name in sorted(sizes):
        entry = UploadEntry(name, sizes[name], group_of(name, used, project))
        if entry.group == OTHER:
            if name.lower().endswith(PRIVATE_SUFFIXES):
                entry.ticked, entry.why_unticked = False, PRIVATE
            elif entry.size >= LARGE_UNUSED:
                entry.ticked, entry.why_unticked = False, LARGE
        entries.append(entry)
    order = {g: i for i, g in enumerate(GROUPS)}
    return UploadList(sorted(entries, key=lambda e: (order[e.group], e.name)))


def has_new_files(names: Iterable[str], known: Iterable[str]) -> bool:
    """Whether any of `names` was never synced nor seen on QFieldCloud: then the list is shown."""
    return bool(set(names) - set(known))


def remember_left_out(folder: Path, names: Iterable[str]) -> None:
    """Keep `names` out of every later upload and sync (in `.qfieldcloudignore`)."""
    add_ignored_names(folder, sorted(names))
