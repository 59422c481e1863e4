"""File names: which are safe to write locally, how they go into URLs, globs and ignored paths.

Every name a server lists, and every name the user gives for a remote file, passes through
`check_remote_name` before it is joined to a local folder or put into a URL. A name with a
`.` or `..` segment is refused outright rather than encoded: requests and urllib3 collapse
such segments (`files/P1/../../projects/P2/` is sent as `projects/P2/`), and percent-encoding
the dots does not help, because `%2E` is normalised back to `.` before sending.
"""

import fnmatch
import os
import re
import threading
from pathlib import Path
from typing import Any, Dict, Optional
from urllib.parse import quote

from .errors import InvalidGlobError, UnsafePathError
from .models import QGIS_PROJECT_SUFFIXES, PathLike

# The hidden folder in a project or download folder that holds the plugin's own state (staging,
# journal, trash, sync base). A server file under it is never written there.
STATE_DIR = ".qfieldcloud"

_DRIVE = re.compile(r"^[A-Za-z]:")
# C0 control characters and DEL: a newline or tab in a name breaks logs, terminals and the
# file systems of Windows; the server itself refuses them in uploads (contract §5).
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def _name_problem(name: str) -> Optional[str]:
    """Why `name` is not a safe POSIX relative file name, or None."""
    control = _CONTROL.search(name)
    if control:
        return "it contains the control character {!r}".format(control.group())
    if name.startswith("/") or _DRIVE.match(name):
        return "it is absolute"
    if "\\" in name:
        return "it contains a backslash"
    if any(segment in ("", ".", "..") for segment in name.split("/")):
        return "it has '..', '.' or empty segments"
    return None


# What the newest server refuses in an uploaded name (contract §6), per segment.
_FORBIDDEN_CHARACTERS = re.compile(r'[<>:"\\|?*\x00-\x1f\x7f]')
_RESERVED = re.compile(r"^(CON|PRN|AUX|NUL|COM[0-9]|LPT[0-9])(\..*)?$", re.IGNORECASE)
MAX_NAME_LENGTH = 255


def upload_name_problem(name: str) -> Optional[str]:
    """Why QFieldCloud would refuse to store a file under POSIX relative `name`, or None."""
    if len(name) > MAX_NAME_LENGTH:
        return "it is longer than 255 characters"
    if name != name.strip():
        return "it starts or ends with a space"
    for segment in name.split("/"):
        forbidden = _FORBIDDEN_CHARACTERS.search(segment)
        if forbidden:
            return "it contains {!r}".format(forbidden.group())
        if _RESERVED.match(segment):
            return "{!r} is a name Windows reserves".format(segment)
        if segment.endswith((" ", ".")):
            return "a part ends with a space or a dot"
    return None


def check_remote_name(name: Any) -> str:
    """Return `name` if it is a safe relative file name, else raise UnsafePathError."""
    if not isinstance(name, str) or not name:
        raise UnsafePathError(f"Refusing the file name {name!r}: it is empty or not text")
    problem = _name_problem(name)
    if problem:
        raise UnsafePathError(f"Refusing the file name {name!r}: {problem}")
    return name


def is_state_name(name: str) -> bool:
    """Whether `name` lies in the plugin's own state folder (`.qfieldcloud/...`)."""
    return name.split("/", 1)[0] == STATE_DIR


def url_path(name: str) -> str:
    """A checked file name as a URL path: each segment percent-encoded, `/` kept between them."""
    check_remote_name(name)
    return "/".join(quote(segment, safe="") for segment in name.split("/"))


def url_segment(value: Any) -> str:
    """One URL path segment (a project id, a user name): percent-encoded, `/` included.

    Refused: an empty value, `.` and `..` (collapsed by requests, see above) and control characters.
    """
    text = str(getattr(value, "value", value))
    if text in ("", ".", "..") or _CONTROL.search(text):
        raise UnsafePathError(f"Refusing {text!r} as part of a URL: it is empty, '.', '..' or has control characters")
    return quote(text, safe="")


def safe_join(local_dir: PathLike, name: str) -> Path:
    """The local path for remote `name` inside `local_dir`, or UnsafePathError if it escapes."""
    return SafeJoiner(local_dir)(name)


class SafeJoiner:
    """`safe_join` for many names under one folder, resolving the folder and each parent folder
    once instead of running `realpath` over every component of every name.

    The resolved target (its parent's real path, plus the target itself resolved if it is a
    symlink) must stay inside the folder's real path.
    """

    def __init__(self, local_dir: PathLike) -> None:
        self.local_dir = local_dir
        self._abs: Optional[str] = None
        self._root: Optional[str] = None
        self._parents: Dict[str, str] = {}
        self._lock = threading.Lock()

    def __call__(self, name: str) -> Path:
        check_remote_name(name)
        if self._root is None:
            with self._lock:
                self._abs = os.path.abspath(self.local_dir)
                self._root = os.path.realpath(self.local_dir)
        root, parts = self._root, name.split("/")
        parent_name = "/".join(parts[:-1])
        parent = self._parents.get(parent_name)
        if parent is None:
            parent = os.path.realpath(os.path.join(root, *parts[:-1])) if parent_name else root
            self._parents[parent_name] = parent
        target = os.path.join(parent, parts[-1])
        if os.path.islink(target):
            target = os.path.realpath(target)
        if os.path.commonpath([root, target]) != root or target == root:
            raise UnsafePathError(f"Refusing the file name {name!r}: it resolves outside {root}")
        return Path(os.path.join(str(self._abs), *parts))


# --- globs and ignored paths ------------------------------------------------------------


def validate_glob(pattern: Optional[str]) -> str:
    """Return a usable relative shell-style pattern ("*" when empty) or raise InvalidGlobError."""
    if pattern is None or pattern == "":
        return "*"
    if not isinstance(pattern, str):
        raise InvalidGlobError(f"Invalid glob {pattern!r}: expected a string such as '*.gpkg'")
    problem = None
    if "\x00" in pattern:
        problem = "it contains a NUL character"
    elif pattern.startswith(("/", "\\")) or _DRIVE.match(pattern):
        problem = "it is absolute; give a pattern relative to the project, such as 'DCIM/*.jpg'"
    elif "\\" in pattern:
        problem = "it contains a backslash; use / to separate folders"
    elif ".." in pattern.split("/"):
        problem = "it contains a '..' segment"
    elif _unbalanced_brackets(pattern):
        problem = "it has an unclosed '['"
    if problem:
        raise InvalidGlobError(f"Invalid glob {pattern!r}: {problem}")
    return pattern


def bracket_end(pattern: str, start: int) -> int:
    """Where the character class opened by the `[` at `start` ends: the index of its `]`, or
    len(pattern) when it is never closed. A `]` right after `[`, `[!` or `[^` belongs to the set."""
    j, n = start + 1, len(pattern)
    if j < n and pattern[j] in "!^":
        j += 1
    if j < n and pattern[j] == "]":
        j += 1
    while j < n and pattern[j] != "]":
        j += 1
    return j


def _unbalanced_brackets(pattern: str) -> bool:
    i, n = 0, len(pattern)
    while i < n:
        if pattern[i] == "[":
            j = bracket_end(pattern, i)
            if j >= n:
                return True
            i = j
        i += 1
    return False


def match_glob(name: str, pattern: str) -> bool:
    """Whether a POSIX relative name matches; a pattern without '/' also matches the basename."""
    if fnmatch.fnmatchcase(name, pattern):
        return True
    return "/" not in pattern and fnmatch.fnmatchcase(name.rsplit("/", 1)[-1], pattern)


def is_ignored(name: str) -> bool:
    """Hidden (leading '.') or backup (trailing '~') path segments are never transferred."""
    return any(part.startswith(".") or part.endswith("~") for part in name.split("/"))


def is_qgis_project(name: str) -> bool:
    return name.lower().endswith(QGIS_PROJECT_SUFFIXES)
