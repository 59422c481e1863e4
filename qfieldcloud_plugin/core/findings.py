"""What the project check finds: a finding, its severity and the fix that settles it, if any.
The checks are in project_check.py (the project and its folder) and layer_check.py (each layer);
project_fixes.py applies the fixes."""

from dataclasses import dataclass
from typing import Optional, Tuple

BLOCKS, WARNS, INFORMS = "blocks", "warns", "informs"
SEVERITY_ORDER = (BLOCKS, WARNS, INFORMS)

# Fixes project_fixes.py knows.
FIX_COPY_INTO_FOLDER = "copy_into_folder"
FIX_RELATIVE_PATHS = "relative_paths"
FIX_SAVE_MEMORY_LAYER = "save_memory_layer"
FIX_COMMIT_EDITS = "commit_edits"
FIX_FLUSH_WAL = "flush_wal"
FIX_REMOVE_FROM_PACKAGE = "remove_from_package"
FIX_RELATIVE_ATTACHMENTS = "relative_attachments"
FIX_CLEAR_HOME_PATH = "clear_home_path"


@dataclass(frozen=True)
class Finding:
    kind: str
    severity: str
    message: str
    layer_id: str = ""
    fix: Optional[str] = None
    fix_label: str = ""

    @property
    def key(self) -> Tuple[str, str]:
        """What identifies the finding from one check to the next (its wording may change)."""
        return self.kind, self.layer_id
