"""The plugin stays ready for QGIS 4 (Qt 6 / PyQt6): scripts/check_qt6.py finds nothing in it.

The rule cases below prove that each rule of the check fires on a small snippet (and stays
quiet on the Qt 6-safe spelling), so a clean package means something.
"""

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from scripts import check_qt6

REPO = Path(__file__).resolve().parents[1]


def findings(source: str):
    return [message for _, _, message in check_qt6.check_source(textwrap.dedent(source), "snippet.py")]


def test_plugin_package_is_ready_for_qt6():
    found = check_qt6.check_paths([REPO / "qfieldcloud_plugin"])
    assert found == [], "Qt 6 / QGIS 4 problems:\n" + "\n".join("{}:{}: {}".format(*f) for f in found)


# --- each rule fires ---------------------------------------------------------------------------

FIRES = {
    # imports
    "import PyQt5": ("import PyQt5.QtCore\n", "import: 'PyQt5.QtCore' is imported directly; use qgis.PyQt.QtCore"),
    "from PyQt5": ("from PyQt5.QtWidgets import QWidget\n", "use qgis.PyQt.QtWidgets"),
    "from PyQt6": ("from PyQt6.QtCore import Qt\n", "import: 'PyQt6.QtCore' is imported directly"),
    "PySide6": ("from PySide6.QtGui import QIcon\n", "import: 'PySide6.QtGui' is imported directly"),
    "PySide2": ("import PySide2\n", "import: 'PySide2' is imported directly"),
    "sip": ("import sip\n", "use from qgis.PyQt import sip"),
    "PyQt5.sip": ("from PyQt5 import sip\n", "import: 'PyQt5' is imported directly"),
    "qgis.PyQt.Qt": ("from qgis.PyQt.Qt import Qt\n", "removed: the qgis.PyQt.Qt module is not in PyQt6"),
    "QtWebKit": ("from qgis.PyQt.QtWebKitWidgets import QWebView\n", "removed: QtWebKit is not in Qt 6"),
    # exec_ / print_
    "exec_ call": ("dialog.exec_()\n", "exec: 'exec_()' is gone in PyQt6; use 'exec()'"),
    "exec_ reference": ("run = dialog.exec_\n", "exec: 'exec_()' is gone in PyQt6"),
    "print_": ("document.print_(printer)\n", "exec: 'print_()' is gone in PyQt6; use 'print()'"),
    "def exec_": ("class D:\n    def exec_(self):\n        pass\n", "exec: 'exec_' is gone in PyQt6; name it 'exec'"),
    # QRegExp
    "QRegExp import": (
        "from qgis.PyQt.QtCore import QRegExp\n",
        "qregexp: QRegExp is removed in Qt 6; use QRegularExpression",
    ),
    "QRegExp use": ("pattern = QtCore.QRegExp('a+')\n", "qregexp: QRegExp is removed"),
    "QRegExpValidator": ("v = QRegExpValidator(rx)\n", "use QRegularExpressionValidator"),
    # compiled resources
    "resources_rc": ("import resources_rc\n", "resources: compiled Qt resources ('resources_rc')"),
    "from . import resources": ("from . import resources\n", "resources: compiled Qt resources ('resources')"),
    "from .resources import": ("from .resources import qInitResources\n", "resources: compiled Qt resources"),
    "qInitResources": ("qInitResources()\n", "resources: qInitResources() belongs to compiled Qt resources"),
    "resource path": (
        "icon = QIcon(':/plugins/qfieldcloud/icon.svg')\n",
        "resources: ':/plugins/qfieldcloud/icon.svg'",
    ),
    "pyrcc string": ("subprocess.run(['pyrcc5', '-o', 'r.py', 'r.qrc'])\n", "resources: pyrcc does not exist"),
    # unscoped enums
    "Qt.AlignLeft": (
        "label.setAlignment(Qt.AlignLeft)\n",
        "enum: unscoped enum value Qt.AlignLeft; use Qt.AlignmentFlag.AlignLeft",
    ),
    "QMessageBox.Yes": ("if answer == QMessageBox.Yes:\n    pass\n", "use QMessageBox.StandardButton.Yes"),
    "QDialogButtonBox.Ok": ("box.button(QDialogButtonBox.Ok)\n", "use QDialogButtonBox.StandardButton.Ok"),
    "QSizePolicy.Expanding": (
        "p = QSizePolicy(QSizePolicy.Expanding, QSizePolicy.Policy.Fixed)\n",
        "use QSizePolicy.Policy.Expanding",
    ),
    "QgsTask.CanCancel": ("QgsTask('x', QgsTask.CanCancel)\n", "use QgsTask.Flag.CanCancel"),
    "Qgis.Critical": ("bar.pushMessage('t', 'm', Qgis.Critical)\n", "use Qgis.MessageLevel.Critical"),
    "inherited enum": ("if dlg.exec() == QMessageBox.Accepted:\n    pass\n", "use QMessageBox.DialogCode.Accepted"),
    "module-qualified": ("role = QtCore.Qt.UserRole\n", "use QtCore.Qt.ItemDataRole.UserRole"),
    "enum moved to Qgis": (
        "s = QgsMapToPixelSimplifier(QgsMapToPixelSimplifier.SimplifyGeometry, 1, QgsMapToPixelSimplifier.Distance)\n",
        "use Qgis.VectorSimplificationAlgorithm.Distance or QgsMapToPixelSimplifier.SimplifyAlgorithm.Distance",
    ),
    "QEvent type": ("if event.type() == QEvent.Show:\n    pass\n", "use QEvent.Type.Show"),
    # removed in Qt 6
    "QDesktopWidget": ("from qgis.PyQt.QtWidgets import QDesktopWidget\n", "removed: QDesktopWidget is not in Qt 6"),
    "desktop()": ("size = QApplication.desktop().screenGeometry()\n", "removed: QApplication.desktop() is not in Qt 6"),
    "qApp": ("qApp.processEvents()\n", "removed: qApp is not in Qt 6"),
    "QFontMetrics.width": ("w = QFontMetrics(font).width('abc')\n", "use horizontalAdvance()"),
    "fontMetrics().width": ("w = label.fontMetrics().width('abc')\n", "use horizontalAdvance()"),
    "activated[str]": ("combo.activated[str].connect(f)\n", "removed: signal overload 'activated[str]'"),
    "QTextCodec": ("codec = QTextCodec.codecForName('UTF-8')\n", "removed: QTextCodec is not in Qt 6"),
    # moved to QtGui
    "QUndoStack from QtWidgets": (
        "from qgis.PyQt.QtWidgets import QUndoStack\n",
        "moved: QUndoStack is in QtGui in Qt 6",
    ),
    "QAction from PyQt5.QtWidgets": ("from PyQt5.QtWidgets import QAction\n", "moved: QAction is in QtGui in Qt 6"),
    "QAction from qgis.PyQt.QtGui": (
        "from qgis.PyQt.QtGui import QAction\n",
        "moved: qgis.PyQt.QtGui has no QAction on QGIS 3.22",
    ),
}


@pytest.mark.parametrize("name", sorted(FIRES))
def test_rule_fires(name):
    source, expected = FIRES[name]
    found = findings(source)
    assert any(expected in message for message in found), found


QUIET = {
    "scoped enum": "label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)\n",
    "module-qualified scoped enum": "role = QtCore.Qt.ItemDataRole.UserRole\n",
    "enum type itself": "flags = QDialogButtonBox.StandardButton(0)\n",
    "flags type": "buttons = QDialogButtonBox.StandardButtons()\n",
    "method of an enum class": "answer = QMessageBox.question(None, 't', 'q')\n",
    "not a Qt class": "value = self.Yes\nother = Config.AlignLeft\n",
    "exec()": "dialog.exec()\napp.exec()\n",
    "QAction via qgis.PyQt.QtWidgets": "from qgis.PyQt.QtWidgets import QAction, QActionGroup, QShortcut\n",
    "QUndoStack via qgis.PyQt.QtGui": "from qgis.PyQt.QtGui import QUndoStack\n",
    "sip via qgis.PyQt": "from qgis.PyQt import sip\n",
    "qgis.PyQt modules": (
        "from qgis.PyQt.QtCore import Qt\nfrom qgis.PyQt.QtWidgets import QWidget\nimport qgis.PyQt.QtGui\n"
    ),
    "QRegularExpression": "from qgis.PyQt.QtCore import QRegularExpression\nrx = QRegularExpression('a+')\n",
    "theme icon path": (
        "icon = QgsApplication.getThemeIcon('/mActionAdd.svg')\npath = ':/images/themes/default/x.svg'\n"
    ),
    "pyrcc in a docstring": '"""Icons are files: no pyrcc, no resources_rc."""\n',
    "reviewed exception": "label.setAlignment(Qt.AlignLeft)  # qt6: ok\n",
    "screen API": "size = QApplication.primaryScreen().availableGeometry()\n",
    "horizontalAdvance": "w = QFontMetrics(font).horizontalAdvance('abc')\n",
    "plain signal": "combo.textActivated.connect(f)\n",
    "type subscripts": "def f(p: os.PathLike[str], s: t.Sequence[str]) -> None:\n    pass\n",
    "importlib.resources": "import importlib.resources\nfrom importlib import resources as res\n",
}


@pytest.mark.parametrize("name", sorted(QUIET))
def test_rule_stays_quiet_on_qt6_safe_code(name):
    assert findings(QUIET[name]) == []


def test_finding_has_the_right_line():
    source = "from qgis.PyQt.QtCore import Qt\n\n\nx = 1\ny = Qt.AlignLeft\n"
    assert check_qt6.check_source(source, "a.py") == [
        ("a.py", 5, "enum: unscoped enum value Qt.AlignLeft; use Qt.AlignmentFlag.AlignLeft")
    ]


def test_command_line_reports_path_line_message_and_exits_1(tmp_path):
    package = tmp_path / "plugin"
    package.mkdir()
    (package / "good.py").write_text("from qgis.PyQt.QtCore import Qt\nx = Qt.AlignmentFlag.AlignLeft\n")
    (package / "bad.py").write_text("from qgis.PyQt.QtCore import Qt\n\nx = Qt.AlignLeft\ndialog.exec_()\n")
    (package / "resources.qrc").write_text("<RCC/>\n")
    result = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "check_qt6.py"), str(package)], capture_output=True, text=True
    )
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    bad, qrc = str(package / "bad.py"), str(package / "resources.qrc")
    assert lines == [
        bad + ":3: enum: unscoped enum value Qt.AlignLeft; use Qt.AlignmentFlag.AlignLeft",
        bad + ":4: exec: 'exec_()' is gone in PyQt6; use 'exec()' (PyQt5 has it too)",
        qrc + ":1: resources: compiled Qt resource file; PyQt6 has no pyrcc, ship the files and load them by path",
    ]
    (package / "bad.py").unlink()
    (package / "resources.qrc").unlink()
    clean = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "check_qt6.py"), str(package)], capture_output=True, text=True
    )
    assert (clean.returncode, clean.stdout) == (0, "")


def test_command_line_default_is_the_plugin_package():
    result = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "check_qt6.py")], capture_output=True, text=True, cwd=str(REPO)
    )
    assert result.returncode == 0, result.stdout + result.stderr


# --- the enum table matches the QGIS the suite runs on -----------------------------------------


def test_enum_table_suggestions_resolve_on_this_qgis():
    """Every scoped replacement the check suggests exists on the running QGIS (3.22 and 3.40 in
    `make test`), for each class and unscoped enum value this QGIS has."""
    import qgis.core
    import qgis.gui
    from qgis.PyQt import QtCore, QtGui, QtNetwork, QtWidgets

    modules = (QtCore, QtGui, QtWidgets, QtNetwork, qgis.core, qgis.gui)

    def find(name):
        return next((getattr(m, name) for m in modules if hasattr(m, name)), None)

    def enum_type(cls, enum):
        if "." not in enum:
            return getattr(cls, enum, None)
        owner, *parts = enum.split(".")  # an enum that lives in another class, e.g. Qgis.X
        target = find(owner)
        for part in parts:
            target = getattr(target, part, None)
        return target

    table = check_qt6.EnumTable.load()
    checked, missing = 0, []
    for name, members in table.own.items():
        cls = find(name)
        if cls is None:
            continue
        for member in members:
            enums = table.enums_of(name, member)
            value = getattr(cls, member, None)
            if value is None or type(value) in (int, bool, str, float):
                continue  # gone from this QGIS, or not an enum value here (a plain int constant)
            checked += 1
            if not any(getattr(enum_type(cls, enum), value, None) is not None for enum, value in enums):
                missing.append("{}.{}: {}".format(name, member, enums))
    assert checked > 5000
    assert missing == [], "suggestions that do not exist here: " + ", ".join(missing[:50])
