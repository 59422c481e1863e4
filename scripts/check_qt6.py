#!/usr/bin/env python3
"""Static check: code that would break under QGIS 4 (Qt 6 / PyQt6).

    python3 scripts/check_qt6.py [PATH ...]      # default: qfieldcloud_plugin/
    python3 scripts/check_qt6.py --update-enums  # regenerate scripts/qt6_enums.txt (needs QGIS)

Prints one `path:line: message` per finding and exits 1 if there is any, 0 otherwise.
No dependencies: the Python standard library (ast, re) and the enum table next to this file.

Rules (each message says what to use instead; the code must keep working on QGIS 3.22 too):
  import     Qt imported directly (PyQt5, PyQt6, PySide2/6, sip, shiboken), or the
             `qgis.PyQt.Qt` module: only `qgis.PyQt.<module>` works on both Qt 5 and Qt 6.
  exec       `exec_()` / `print_()`: gone in PyQt6, use `exec()` / `print()`.
  qregexp    `QRegExp`, `QRegExpValidator`: removed in Qt 6, use QRegularExpression(Validator).
  resources  compiled Qt resources (`resources_rc`, `resources.py`, `pyrcc`, `qInitResources`,
             `:/plugins/...` paths, `.qrc` files): pyrcc does not exist for PyQt6.
  enum       unscoped enum values (`Qt.AlignLeft`, `QMessageBox.Yes`, `QgsTask.CanCancel`...):
             PyQt6 only has the scoped form (`Qt.AlignmentFlag.AlignLeft`), which PyQt5 accepts too.
  removed    classes and calls that Qt 6 removed (QDesktopWidget, QApplication.desktop(), qApp,
             QtWebKit, QDirModel, QMatrix, QTextCodec, QGLWidget, QFontMetrics.width(), signal
             overloads such as `activated[str]`...).
  moved      classes that moved from QtWidgets to QtGui in Qt 6 and that qgis.PyQt does not
             re-export (QUndoCommand, QFileSystemModel...). `qgis.PyQt.QtWidgets.QAction`,
             `QActionGroup` and `QShortcut` are fine: qgis.PyQt re-exports them on Qt 6. Importing
             those three from `qgis.PyQt.QtGui` is flagged: QGIS 3.22 does not have them there.

A line ending in `# qt6: ok` is not checked (for a reviewed exception).
"""

import argparse
import ast
import re
import sys
from pathlib import Path
from typing import Dict, Iterable, Iterator, List, Optional, Sequence, Set, Tuple

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
ENUM_TABLE = HERE / "qt6_enums.txt"
DEFAULT_PATHS = [REPO / "qfieldcloud_plugin"]
SKIP_COMMENT = re.compile(r"#\s*qt6:\s*ok\b")

DIRECT_QT = {"PyQt5", "PyQt6", "PySide2", "PySide6", "sip", "shiboken2", "shiboken6"}
QREGEXP = {
    "QRegExp": "QRegularExpression",
    "QRegExpValidator": "QRegularExpressionValidator",
}
REMOVED_NAMES = {
    "QDesktopWidget": "use QScreen (widget.screen(), QApplication.primaryScreen(), QApplication.screens())",
    "qApp": "use QApplication.instance() (or QgsApplication.instance())",
    "QDirModel": "use QFileSystemModel",
    "QMatrix": "use QTransform",
    "QTextCodec": "encode/decode with Python str, or QStringConverter",
    "QGLWidget": "use QOpenGLWidget",
    "QGLFormat": "use QSurfaceFormat",
    "QStringRef": "use Python str",
    "QLinkedList": "use a Python list",
    "QSound": "use QSoundEffect",
    "QDesktopServices.storageLocation": "use QStandardPaths",
}
REMOVED_MODULES = {
    "QtWebKit": "QtWebKit is not in Qt 6: use QtWebEngine (or QgsWebView for simple pages)",
    "QtWebKitWidgets": "QtWebKit is not in Qt 6: use QtWebEngine (or QgsWebView for simple pages)",
    "QtXmlPatterns": "QtXmlPatterns is not in Qt 6",
    "QtScript": "QtScript is not in Qt 6",
    "Qt": "the qgis.PyQt.Qt module is not in PyQt6: import from qgis.PyQt.QtCore/QtGui/QtWidgets",
}
# Moved from QtWidgets to QtGui in Qt 6. qgis.PyQt re-exports some of them from both modules.
MOVED_TO_QTGUI = {
    "QAction",
    "QActionGroup",
    "QShortcut",
    "QUndoCommand",
    "QUndoStack",
    "QUndoGroup",
    "QFileSystemModel",
}
REEXPORTED_BY_QGIS_QTWIDGETS = {"QAction", "QActionGroup", "QShortcut"}  # on Qt 6 (QGIS >= 3.36)
QGIS_322_QTGUI_LACKS = {"QAction", "QActionGroup", "QShortcut"}  # re-exported there from QGIS 3.36


Finding = Tuple[str, int, str]


# --- the enum table ----------------------------------------------------------------------------
# One line per class: `Class:Base1,Base2|Enum=Member,Member;Enum2=...`, with only the enums the
# class itself defines; members of base classes' enums are found by walking the bases. A value
# written `Attr>Name` is `Class.Attr` unscoped but `Enum.Name` scoped. An enum
# written `Owner.Enum` lives in another class (QGIS moved many to `Qgis`). Merged from the QGIS
# versions of the test matrix, so a value may list one scoped form per version.


class EnumTable:
    def __init__(self, lines: Iterable[str]) -> None:
        self.bases: Dict[str, List[str]] = {}
        # class -> unscoped name -> [(enum, scoped value name)]
        self.own: Dict[str, Dict[str, List[Tuple[str, str]]]] = {}
        self.enum_names: Dict[str, Set[str]] = {}
        for line in lines:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            head, _, enums = line.partition("|")
            name, _, bases = head.partition(":")
            self.bases[name] = [b for b in bases.split(",") if b]
            members: Dict[str, List[Tuple[str, str]]] = {}
            names: Set[str] = set()
            for part in filter(None, enums.split(";")):
                enum_name, _, values = part.partition("=")
                names.add(enum_name)
                for value in values.split(","):
                    unscoped, _, scoped = value.partition(">")
                    members.setdefault(unscoped, []).append((enum_name, scoped or unscoped))
            self.own[name] = members
            self.enum_names[name] = names

    @classmethod
    def load(cls, path: Path = ENUM_TABLE) -> "EnumTable":
        return cls(path.read_text(encoding="utf-8").splitlines())

    def _mro(self, name: str) -> Iterator[str]:
        seen: Set[str] = set()
        todo = [name]
        while todo:
            current = todo.pop(0)
            if current in seen or current not in self.bases:
                continue
            seen.add(current)
            yield current
            todo.extend(self.bases[current])

    def knows(self, name: str) -> bool:
        return name in self.bases

    def is_enum_name(self, name: str, attr: str) -> bool:
        return any(attr in self.enum_names.get(c, ()) for c in self._mro(name))

    def enums_of(self, name: str, member: str) -> List[Tuple[str, str]]:
        """(enum, value name) of the scoped forms of `name.member`, from the class and its bases
        (QGIS versions differ in which class of the hierarchy holds a value), nearest first."""
        found: List[Tuple[str, str]] = []
        for current in self._mro(name):
            for pair in self.own.get(current, {}).get(member, []):
                if pair not in found:
                    found.append(pair)
        return found


# --- the checker -------------------------------------------------------------------------------


def _dotted(node: ast.AST) -> Optional[str]:
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return ".".join(reversed(parts))
    return None


class Checker(ast.NodeVisitor):
    def __init__(self, path: str, source: str, enums: EnumTable) -> None:
        self.path = path
        self.lines = source.splitlines()
        self.enums = enums
        self.findings: List[Finding] = []
        self.parents: Dict[ast.AST, ast.AST] = {}

    def report(self, node: ast.AST, message: str) -> None:
        line = getattr(node, "lineno", 1)
        text = self.lines[line - 1] if 0 < line <= len(self.lines) else ""
        if SKIP_COMMENT.search(text):
            return
        self.findings.append((self.path, line, message))

    def run(self, tree: ast.AST) -> List[Finding]:
        for parent in ast.walk(tree):
            for child in ast.iter_child_nodes(parent):
                self.parents[child] = parent
        self.visit(tree)
        return self.findings

    # imports

    def _check_module(self, node: ast.AST, module: str) -> None:
        top = module.split(".")[0]
        if top in DIRECT_QT:
            hint = (
                "from qgis.PyQt import sip"
                if module.split(".")[-1] == "sip" or top == "sip"
                else "qgis.PyQt" + module[len(top) :]
            )
            self.report(
                node, "import: '{}' is imported directly; use {} (works with Qt 5 and Qt 6)".format(module, hint)
            )
        elif module.startswith("qgis.PyQt."):
            sub = module.split(".")[2]
            if sub in REMOVED_MODULES:
                self.report(node, "removed: {}".format(REMOVED_MODULES[sub]))
        if module.split(".")[-1] == "resources_rc" or module == "resources":
            self.report(
                node,
                "resources: compiled Qt resources ('{}') need pyrcc, which PyQt6 lacks; "
                "load icons and .ui files by file path".format(module),
            )

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            self._check_module(node, alias.name)
        self.generic_visit(node)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        module = node.module or ""
        if node.level == 0:
            self._check_module(node, module)
        elif module.split(".")[-1] in ("resources_rc", "resources"):
            self._check_module(node, module)
        names = {alias.name for alias in node.names}
        # `resources_rc` from anywhere; `resources` only from the package itself (`from . import
        # resources`), not e.g. `from importlib import resources`.
        for name in sorted(names & ({"resources_rc", "resources"} if node.level else {"resources_rc"})):
            self.report(
                node,
                "resources: compiled Qt resources ('{}') need pyrcc, which PyQt6 lacks; "
                "load icons and .ui files by file path".format(name),
            )
        last = module.split(".")[-1]
        is_qgis_pyqt = module.startswith("qgis.PyQt.")
        if last == "QtWidgets":
            moved = names & MOVED_TO_QTGUI
            if is_qgis_pyqt:
                moved -= REEXPORTED_BY_QGIS_QTWIDGETS
            for name in sorted(moved):
                self.report(
                    node,
                    "moved: {} is in QtGui in Qt 6 and qgis.PyQt.QtWidgets does not re-export it; "
                    "import it from qgis.PyQt.QtGui on Qt 6 (try/except ImportError for QGIS 3)".format(name),
                )
        if is_qgis_pyqt and last == "QtGui":
            for name in sorted(names & QGIS_322_QTGUI_LACKS):
                self.report(
                    node,
                    "moved: qgis.PyQt.QtGui has no {0} on QGIS 3.22 (Qt 5); import it from "
                    "qgis.PyQt.QtWidgets, which re-exports it on Qt 6".format(name),
                )
        for name in sorted(names):
            self._check_name(node, name)
        self.generic_visit(node)

    # names and attributes

    def _check_name(self, node: ast.AST, name: str) -> None:
        if name in QREGEXP:
            self.report(node, "qregexp: {} is removed in Qt 6; use {}".format(name, QREGEXP[name]))
        elif name in REMOVED_NAMES:
            self.report(node, "removed: {} is not in Qt 6; {}".format(name, REMOVED_NAMES[name]))
        elif name in ("qInitResources", "qCleanupResources"):
            self.report(
                node, "resources: {}() belongs to compiled Qt resources (pyrcc), which PyQt6 lacks".format(name)
            )

    def visit_Name(self, node: ast.Name) -> None:
        if isinstance(node.ctx, ast.Load):
            self._check_name(node, node.id)

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        if node.name in ("exec_", "print_"):
            self.report(node, "exec: '{}' is gone in PyQt6; name it '{}'".format(node.name, node.name[:-1]))
        self.generic_visit(node)

    visit_AsyncFunctionDef = visit_FunctionDef  # type: ignore[assignment]

    def visit_Attribute(self, node: ast.Attribute) -> None:
        attr = node.attr
        if attr in ("exec_", "print_"):
            self.report(node, "exec: '{}()' is gone in PyQt6; use '{}()' (PyQt5 has it too)".format(attr, attr[:-1]))
        elif attr in QREGEXP or attr in REMOVED_NAMES:
            self._check_name(node, attr)
        elif attr in ("qInitResources", "qCleanupResources"):
            self._check_name(node, attr)
        elif (
            attr in REMOVED_MODULES
            and attr != "Qt"
            and isinstance(node.value, ast.Name)
            and node.value.id in ("PyQt", "PyQt5", "PyQt6")
        ):
            self.report(node, "removed: {}".format(REMOVED_MODULES[attr]))
        elif (
            attr == "desktop"
            and isinstance(node.value, ast.Name)
            and node.value.id in ("QApplication", "QgsApplication", "QCoreApplication")
        ):
            self.report(
                node,
                "removed: {}.desktop() is not in Qt 6; use QScreen (QApplication.primaryScreen(), "
                "widget.screen())".format(node.value.id),
            )
        elif attr == "width" and self._is_font_metrics(node.value):
            self.report(node, "removed: QFontMetrics.width() is not in Qt 6; use horizontalAdvance()")
        else:
            self._check_enum(node)
        self.generic_visit(node)

    @staticmethod
    def _is_font_metrics(node: ast.AST) -> bool:
        if isinstance(node, ast.Call):
            func = node.func
            return (isinstance(func, ast.Name) and func.id in ("QFontMetrics", "QFontMetricsF")) or (
                isinstance(func, ast.Attribute) and func.attr == "fontMetrics"
            )
        return False

    def _check_enum(self, node: ast.Attribute) -> None:
        owner = _dotted(node.value)
        if owner is None:
            return
        cls = owner.split(".")[-1]
        if not self.enums.knows(cls) or not node.attr[:1].isupper():
            return
        if self.enums.is_enum_name(cls, node.attr):
            return  # `Qt.AlignmentFlag` itself: the scoped form (or a flags type)
        # `Qt.AlignmentFlag.AlignLeft`: owner is `Qt.AlignmentFlag`, whose last part is an enum name.
        parts = owner.split(".")
        if len(parts) >= 2 and self.enums.knows(parts[-2]) and self.enums.is_enum_name(parts[-2], parts[-1]):
            return
        enums = self.enums.enums_of(cls, node.attr)
        if not enums:
            return
        # An enum name with a dot lives in another class (e.g. `Qgis.VectorSimplificationAlgorithm`).
        forms = [
            "{}.{}".format(enum, value) if "." in enum else "{}.{}.{}".format(owner, enum, value)
            for enum, value in enums
        ]
        scoped = " or ".join(sorted(set(forms), key=forms.index))
        self.report(node, "enum: unscoped enum value {}.{}; use {}".format(owner, node.attr, scoped))

    def visit_Subscript(self, node: ast.Subscript) -> None:
        # Signal overloads picked by type, e.g. `combo.activated[str]`: PyQt6 has no overloads.
        value = node.value
        index = node.slice
        if isinstance(index, ast.Index):  # Python < 3.9
            index = index.value  # type: ignore[attr-defined]
        parent = self.parents.get(node)
        if (
            isinstance(value, ast.Attribute)
            and value.attr[:1].islower()
            and isinstance(index, ast.Name)
            and index.id in ("str", "int", "bool", "float", "QString", "QModelIndex")
            and isinstance(parent, ast.Attribute)
            and parent.attr in ("connect", "disconnect", "emit")
        ):
            self.report(
                node,
                "removed: signal overload '{}[{}]' does not exist in PyQt6; connect the "
                "plain signal (e.g. textActivated for activated[str])".format(value.attr, index.id),
            )
        self.generic_visit(node)

    def visit_Constant(self, node: ast.Constant) -> None:
        if isinstance(node.value, str) and not isinstance(self.parents.get(node), ast.Expr):  # not docstrings
            if node.value.startswith((":/plugins/", "qrc:/plugins/")):
                self.report(
                    node,
                    "resources: '{}' is a compiled Qt resource path (pyrcc); load the file by path instead".format(
                        node.value
                    ),
                )
            elif re.search(r"\bpyrcc[56]?\b", node.value):
                self.report(node, "resources: pyrcc does not exist for PyQt6; load icons and .ui files by path")


def check_source(source: str, path: str = "<string>", enums: Optional[EnumTable] = None) -> List[Finding]:
    """Findings of one Python source text."""
    enums = enums or _default_enums()
    try:
        tree = ast.parse(source, filename=path)
    except SyntaxError as exc:
        return [(path, exc.lineno or 1, "syntax error: {}".format(exc.msg))]
    return Checker(path, source, enums).run(tree)


def iter_files(paths: Sequence[Path]) -> Iterator[Path]:
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                inner = child.relative_to(path).parts
                if not child.is_file() or any(
                    part == "__pycache__" or part == "site-packages" or part.startswith(".") for part in inner
                ):
                    continue  # caches, virtualenvs (.venv...), hidden folders
                yield child
        elif path.is_file():
            yield path


def check_paths(paths: Sequence[Path], enums: Optional[EnumTable] = None) -> List[Finding]:
    enums = enums or _default_enums()
    findings: List[Finding] = []
    for file in iter_files(paths):
        shown = _shown(file)
        if file.suffix == ".qrc" or file.name.endswith("_rc.py"):
            findings.append(
                (
                    shown,
                    1,
                    "resources: compiled Qt resource file; PyQt6 has no pyrcc, ship the files and load them by path",
                )
            )
        elif file.suffix == ".py":
            findings.extend(check_source(file.read_text(encoding="utf-8"), shown, enums))
        elif file.suffix in (".txt", ".cfg", ".sh", ".mk") or file.name == "Makefile":
            for number, line in enumerate(file.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
                if re.search(r"\bpyrcc[56]?\b", line) and not SKIP_COMMENT.search(line):
                    findings.append((shown, number, "resources: pyrcc does not exist for PyQt6"))
    return sorted(set(findings), key=lambda f: (f[0], f[1], f[2]))


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(REPO))
    except ValueError:
        return str(path)


_ENUMS: Optional[EnumTable] = None


def _default_enums() -> EnumTable:
    global _ENUMS
    if _ENUMS is None:
        _ENUMS = EnumTable.load()
    return _ENUMS


# --- regenerating the enum table (needs QGIS's Python bindings) --------------------------------


def _parse_table(text: str) -> Tuple[List[str], Dict[str, Tuple[List[str], Dict[str, Set[str]]]]]:
    """Header comment lines and {class: (bases, {enum: members})} of a table file."""
    header: List[str] = []
    entries: Dict[str, Tuple[List[str], Dict[str, Set[str]]]] = {}
    for line in text.splitlines():
        if line.startswith("#"):
            header.append(line)
        elif line.strip():
            head, _, enums = line.partition("|")
            name, _, bases = head.partition(":")
            entries[name] = (
                [b for b in bases.split(",") if b],
                {
                    enum: set(values.split(","))
                    for enum, _, values in (part.partition("=") for part in enums.split(";") if part)
                },
            )
    return header, entries


def generate_enum_entries() -> Dict[str, Tuple[List[str], Dict[str, Set[str]]]]:
    """Enums of the running PyQt/QGIS: every class of QtCore, QtGui, QtWidgets, QtNetwork, plus
    the qgis.core/qgis.gui classes that have enum values. Only values whose scoped form resolves
    here are listed. An enum that lives in another class (QGIS moves many to `Qgis`) is written
    with its owner, e.g. `Qgis.VectorSimplificationAlgorithm`."""
    import enum
    import inspect

    import qgis.core
    import qgis.gui
    from qgis.PyQt import QtCore, QtGui, QtNetwork, QtWidgets

    modules = (QtCore, QtGui, QtWidgets, QtNetwork, qgis.core, qgis.gui)

    def is_enum_type(t: object) -> bool:
        return type(t).__name__ == "enumtype" or (isinstance(t, type) and issubclass(t, enum.Enum))

    def same(a: object, b: object) -> bool:  # sip enum values are new objects at each access
        return a is b or (a is not None and type(a) is type(b) and a == b)

    def absolute(kind: type) -> Optional[str]:
        owner, _, rest = kind.__qualname__.partition(".")
        for module in modules:
            target: object = getattr(module, owner, None)
            for part in rest.split(".") if rest else []:
                target = getattr(target, part, None)
            if target is kind:
                return kind.__qualname__
        return None

    classes: Dict[str, type] = {}
    for module in modules:
        for name, cls in vars(module).items():
            if inspect.isclass(cls) and cls.__name__ == name and name not in classes and not is_enum_type(cls):
                classes[name] = cls  # (aliases such as qgis.core.AnnotationItemFlags are skipped)
    entries: Dict[str, Tuple[List[str], Dict[str, Set[str]]]] = {}
    for name, cls in sorted(classes.items()):
        own: Dict[str, Set[str]] = {}
        for attr, value in vars(cls).items():
            kind = type(value)
            if attr.startswith("_") or not is_enum_type(kind) or kind.__name__ == attr:
                continue
            # A Python enum's value may have another name than the class attribute (QGIS 3.22:
            # QgsGeometry.SideLeft is Qgis.BufferSide.Left): written `SideLeft>Left`.
            real = getattr(value, "name", attr) if isinstance(value, enum.Enum) else attr
            if same(getattr(kind, attr, None), value):
                real = attr
            elif not same(getattr(kind, real, None), value):
                continue
            enum_name: Optional[str] = kind.__name__
            if getattr(cls, kind.__name__, None) is not kind:
                enum_name = absolute(kind)
            if enum_name:
                own.setdefault(enum_name, set()).add(attr if real == attr else "{}>{}".format(attr, real))
        bases = [b.__name__ for b in cls.__bases__ if b.__name__ in classes]
        if own or (bases and not name.startswith("Qgs")):
            entries[name] = (bases, own)
    return entries


def update_enum_table(path: Path = ENUM_TABLE) -> str:
    """Merge the running QGIS's enums into the table (run it on each QGIS of the matrix)."""
    import qgis.core
    from qgis.PyQt import QtCore

    header, entries = _parse_table(path.read_text(encoding="utf-8")) if path.exists() else ([], {})
    for name, (bases, enums) in generate_enum_entries().items():
        old_bases, old_enums = entries.setdefault(name, ([], {}))
        old_bases.extend(b for b in bases if b not in old_bases)
        for enum_name, members in enums.items():
            old_enums.setdefault(enum_name, set()).update(members)
    source = "# From QGIS {} / Qt {}".format(qgis.core.Qgis.QGIS_VERSION, QtCore.QT_VERSION_STR)
    header = [line for line in header if line.startswith("# From ") and line != source] + [source]
    lines = [
        "# Enums of Qt and QGIS classes for scripts/check_qt6.py: `Class:Bases|Enum=Value,...;...`",
        "# (`Attr>Name`: unscoped `Class.Attr` is scoped `Enum.Name`; `Owner.Enum`: enum of another class),",
        "# merged from several QGIS versions by `python3 scripts/check_qt6.py --update-enums` run on each.",
    ]
    lines += header
    for name, (bases, enums) in sorted(entries.items()):
        lines.append(
            "{}:{}|{}".format(
                name,
                ",".join(bases),
                ";".join("{}={}".format(e, ",".join(sorted(members))) for e, members in sorted(enums.items())),
            )
        )
    text = "\n".join(lines) + "\n"
    path.write_text(text, encoding="utf-8")
    return text


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", type=Path, help="files or folders (default: qfieldcloud_plugin/)")
    parser.add_argument(
        "--update-enums", action="store_true", help="regenerate {} from the installed QGIS".format(ENUM_TABLE.name)
    )
    args = parser.parse_args(argv)
    if args.update_enums:
        update_enum_table()
        print("updated {}".format(ENUM_TABLE))
        return 0
    findings = check_paths(args.paths or DEFAULT_PATHS)
    for path, line, message in findings:
        print("{}:{}: {}".format(path, line, message))
    if findings:
        print("{} Qt 6 / QGIS 4 finding(s)".format(len(findings)), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
