"""`.qfieldcloudignore`: gitignore-style patterns of local files never to upload (pure functions).

Supported, as in gitignore: blank lines and `#` comments; `\\#` and `\\!` escapes; trailing
spaces dropped unless escaped; `!pattern` re-includes; a trailing `/` matches folders only; a
`/` at the start or in the middle anchors the pattern to the project folder, otherwise it
matches at any depth; `*`, `?`, `[...]` do not cross `/`; `**/`, `/**/` and `/**` span
folders. As in git, a file inside an ignored folder cannot be re-included.
"""

import os
import re
from pathlib import Path
from typing import Iterable, List, Optional, Pattern, Tuple, Union

from .atomic_file import write_text_atomically
from .names import bracket_end

IGNORE_FILE = ".qfieldcloudignore"

Rule = Tuple[Pattern[str], bool, bool]  # (regex, negated, folders only)


def _translate(glob: str) -> str:
    """The regex body for one gitignore glob (without anchoring)."""
    out = []
    i, n = 0, len(glob)
    while i < n:
        c = glob[i]
        if c == "*":
            if glob[i : i + 2] == "**":
                before_ok = i == 0 or glob[i - 1] == "/"
                after = glob[i + 2 : i + 3]
                if before_ok and after == "/":
                    out.append("(?:.*/)?")
                    i += 3
                    continue
                if before_ok and after == "":
                    out.append(".*")
                    i += 2
                    continue
            out.append("[^/]*")
        elif c == "?":
            out.append("[^/]")
        elif c == "[":
            j = bracket_end(glob, i)
            if j >= n:
                out.append(re.escape(c))
            else:
                body = glob[i + 1 : j]
                if body[:1] == "!":  # a regex set is negated by ^, which gitignore also accepts
                    body = "^" + body[1:]
                out.append("[" + body.replace("\\", "\\\\") + "]")
                i = j
        elif c == "\\" and i + 1 < n:
            i += 1
            out.append(re.escape(glob[i]))
        else:
            out.append(re.escape(c))
        i += 1
    return "".join(out)


def parse_ignore_patterns(lines: Iterable[str]) -> List[Rule]:
    """Compile the lines of an ignore file into rules for `is_ignored_by`."""
    rules: List[Rule] = []
    for raw in lines:
        line = raw.rstrip("\n").rstrip("\r")
        stripped = line.rstrip(" ")
        trailing_backslashes = len(stripped) - len(stripped.rstrip("\\"))
        if stripped != line and trailing_backslashes % 2:
            stripped += " "  # the first trailing space is escaped: it is part of the name
        line = stripped
        if not line or line.startswith("#"):
            continue
        negated = line.startswith("!")
        if negated:
            line = line[1:]
        dir_only = line.endswith("/")
        line = line.rstrip("/")
        if not line:
            continue
        anchored = "/" in line
        line = line.lstrip("/")
        body = _translate(line)
        prefix = "^" if anchored else "^(?:.*/)?"
        rules.append((re.compile(prefix + body + "$"), negated, dir_only))
    return rules


def is_ignored_by(rules: List[Rule], name: str, is_dir: bool = False) -> bool:
    """Whether POSIX relative `name` is ignored: the last matching rule wins."""
    ignored = False
    for regex, negated, dir_only in rules:
        if dir_only and not is_dir:
            continue
        if regex.match(name):
            ignored = not negated
    return ignored


def path_ignored(rules: List[Rule], name: str, is_dir: bool = False) -> bool:
    """Like `is_ignored_by`, also true when a parent folder of `name` is ignored."""
    parts = name.split("/")
    for depth in range(1, len(parts)):
        if is_ignored_by(rules, "/".join(parts[:depth]), is_dir=True):
            return True
    return is_ignored_by(rules, name, is_dir)


def exact_pattern(name: str) -> str:
    """A pattern matching the one file `name` (POSIX, relative to the project folder) and nothing else."""
    escaped = re.sub(r"([*?\[\\])", r"\\\1", name)
    if escaped.endswith(" "):
        escaped = escaped[:-1] + "\\ "
    return "/" + escaped  # anchored: a file of the same name in another folder stays


def add_ignored_names(root: Union[str, "os.PathLike[str]"], names: Iterable[str], filename: str = IGNORE_FILE) -> None:
    """Append one exact pattern per name to `root/.qfieldcloudignore` (created when missing; replaced
    atomically, so a crash leaves the old file or the new one)."""
    path = os.path.join(os.fspath(root), filename)
    try:
        with open(path, encoding="utf-8-sig") as f:
            text = f.read()
    except FileNotFoundError:
        text = ""
    if text and not text.endswith("\n"):
        text += "\n"
    text += "".join(exact_pattern(name) + "\n" for name in names)
    write_text_atomically(Path(path), text, durable=True)


def load_ignore_rules(root: Union[str, "os.PathLike[str]"], filename: str = IGNORE_FILE) -> Optional[List[Rule]]:
    """The rules of `root/.qfieldcloudignore`, or None when there is no such file."""
    path = os.path.join(os.fspath(root), filename)
    try:
        with open(path, encoding="utf-8-sig", errors="replace") as f:
            return parse_ignore_patterns(f.readlines())
    except FileNotFoundError:
        return None
