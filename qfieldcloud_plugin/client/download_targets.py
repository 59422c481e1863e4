"""Where each listed file of a download lands in the folder, and which names are refused.

A refused name fails that file only (UnsafePathError); the other files still come.
"""

import errno
import os
from pathlib import Path
from typing import Any, Dict, List, Optional, Set, cast

from .batch import mark_failed
from .errors import UnsafePathError
from .models import PathLike
from .names import STATE_DIR, SafeJoiner, is_state_name

# What a file system answers for a name it cannot hold (too long, characters it refuses).
NAME_ERRNOS = frozenset({errno.ENAMETOOLONG, errno.EINVAL, errno.EILSEQ})


def name_max_of(folder: Path) -> int:
    """The longest file name (bytes) the file system of `folder` (or of its nearest existing parent) allows."""
    probe = folder
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    try:
        return int(os.pathconf(probe, "PC_NAME_MAX"))
    except (OSError, ValueError, AttributeError):  # no pathconf on Windows
        return 255  # NTFS, APFS, ext4 and most others


def download_targets(files: List[Dict[str, Any]], local_dir: PathLike) -> Dict[int, Path]:
    """The local path of each listed file that may be written (by `id` of its dict).

    Every other file is marked FAILED with UnsafePathError and `refused`: its name is unsafe
    or in `.qfieldcloud/`, it names a folder that the listing also has files in, or a local
    folder (or, for a file inside a folder, a local file) is in the way. Nothing that is
    there is ever moved or deleted to make room.
    """
    join = SafeJoiner(local_dir)
    root = Path(os.path.abspath(local_dir))
    name_max = name_max_of(root)
    listed_folders: Set[str] = set()
    for file in files:
        parts = str(file.get("name", "")).split("/")
        listed_folders.update("/".join(parts[:i]) for i in range(1, len(parts)))
    blocked_parents: Dict[str, Optional[str]] = {}

    def parent_in_the_way(name: str) -> Optional[str]:
        parts = name.split("/")
        for i in range(1, len(parts)):
            prefix = "/".join(parts[:i])
            if prefix not in blocked_parents:
                path = root.joinpath(*parts[:i])
                blocked_parents[prefix] = prefix if os.path.lexists(path) and not os.path.isdir(path) else None
            if blocked_parents[prefix]:
                return prefix
        return None

    targets: Dict[int, Path] = {}
    for file in files:
        # a listing entry without a name is refused by join (check_remote_name) like an unsafe one
        name = cast(str, file.get("name"))
        try:
            target = join(name)  # also refuses unsafe names
            problem = None
            too_long = next((part for part in name.split("/") if len(part.encode("utf-8")) > name_max), None)
            if is_state_name(name):
                problem = f"it is inside {STATE_DIR}, the plugin's own folder"
            elif too_long is not None:
                problem = f"a name part is longer than the {name_max} bytes this file system allows"
            elif name in listed_folders:
                problem = "the server also lists files inside a folder of that name"
            elif os.path.isdir(target) and not os.path.islink(target):
                problem = "a local folder of that name is in the way; it was left as it is"
            else:
                blocker = parent_in_the_way(name)
                if blocker:
                    problem = f'the local file "{blocker}" is in the way; it was left as it is'
            if problem:
                raise UnsafePathError(f'Skipped "{name}": {problem}')
        except UnsafePathError as exc:
            mark_failed(file, exc)
            file["refused"] = True
            continue
        targets[id(file)] = target
    return targets


def refused_name(file: Dict[str, Any], exc: OSError) -> UnsafePathError:
    """The error of a file whose name this file system cannot hold: only that file is refused."""
    file["refused"] = True  # the name, not the transfer: the other files still go in
    return UnsafePathError(f'Skipped "{file["name"]}": this file system cannot hold that name ({exc.strerror or exc})')
