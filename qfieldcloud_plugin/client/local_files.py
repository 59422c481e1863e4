"""The local side of an upload: which files of a folder are sent, under which names."""

import logging
import os
from pathlib import Path
from typing import Any, Dict, List, Optional

from .errors import QfcException, UnsafePathError
from .ignore import IGNORE_FILE, is_ignored_by, load_ignore_rules
from .models import FileTransferStatus, PathLike
from .names import is_ignored, is_qgis_project, match_glob, validate_glob

logger = logging.getLogger(__name__)


def list_local_files(
    root_path: PathLike,
    filter_glob: Optional[str] = "*",
    ignore_file: Optional[str] = IGNORE_FILE,
    refused: Optional[List[Dict[str, Any]]] = None,
) -> List[Dict[str, Any]]:
    """Files under `root_path` matching the glob, POSIX names, QGIS project files last.

    Hidden and backup paths are skipped, and so is whatever `root_path/<ignore_file>`
    (`.qfieldcloudignore`, gitignore syntax) ignores; `ignore_file=None` reads no file.
    Never listed, but appended to `refused` (name, FAILED, UnsafePathError) when given: a
    symlink that points outside the folder (its target is not the project's to upload; a
    symlink to a file inside goes up as that file's content), and a name that is not valid
    UTF-8 (the server could not store it).
    """
    pattern = validate_glob(filter_glob)
    root = Path(root_path)
    if not root.is_dir():
        raise QfcException(f'Local folder "{root}" does not exist or is not a folder')
    real_root = os.path.realpath(root)
    rules = (load_ignore_rules(root, ignore_file) if ignore_file else None) or []
    files: List[Dict[str, Any]] = []

    def refuse(name: str, why: str) -> None:
        if refused is not None:
            shown = name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
            refused.append(
                {
                    "name": shown,
                    "status": FileTransferStatus.FAILED,
                    "refused": True,
                    "error": UnsafePathError(f'Not uploaded: "{shown}" {why}'),
                }
            )

    def outside(path: str) -> bool:
        target = os.path.realpath(path)
        return os.path.commonpath([real_root, target]) != real_root

    for dirpath, dirnames, filenames in os.walk(root):
        rel_dir = Path(dirpath).relative_to(root).as_posix()
        prefix = "" if rel_dir == "." else rel_dir + "/"
        kept_dirs = []
        for d in sorted(dirnames):
            if d.startswith(".") or d.endswith("~") or (rules and is_ignored_by(rules, prefix + d, is_dir=True)):
                continue
            if os.path.islink(os.path.join(dirpath, d)) and outside(os.path.join(dirpath, d)):
                refuse(prefix + d, "is a link to a folder outside the project folder")
                continue
            kept_dirs.append(d)
        dirnames[:] = kept_dirs
        for filename in sorted(filenames):
            name = prefix + filename
            absolute = os.path.join(dirpath, filename)
            if is_ignored(name) or not match_glob(name, pattern) or (rules and is_ignored_by(rules, name)):
                continue
            if not _valid_utf8(name):
                refuse(name, "has a name that is not valid UTF-8; rename it to upload it")
                continue
            if os.path.islink(absolute) and outside(absolute):
                refuse(name, "is a link to a file outside the project folder")
                continue
            if not os.path.isfile(absolute):
                continue
            files.append(
                {
                    "name": name,
                    "absolute_filename": absolute,
                    "size": os.path.getsize(absolute),
                    "status": FileTransferStatus.PENDING,
                    "error": None,
                }
            )
    files.sort(key=lambda f: is_qgis_project(f["name"]))
    return files


def _valid_utf8(name: str) -> bool:
    """False for a name with bytes that are not UTF-8 (os.walk gives them as lone surrogates)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
