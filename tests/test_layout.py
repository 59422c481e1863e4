"""The rooms import one way: widget → task → client, read from the source (no import runs).

- `client/` imports neither Qt nor QGIS (tests/test_client_package.py also runs it without them);
- `core/` and `processing/` import no widget: no `gui/` module, no `QtWidgets`, no `qgis.gui`;
- `gui/` and `processing/` use the client's public surface only: the package itself and its
  `models`, `errors` and `units` modules, never the transfer engine's inside or a `_private` name.
"""

import ast
from pathlib import Path
from typing import Iterator, Tuple

import pytest

PLUGIN = Path(__file__).resolve().parents[1] / "qfieldcloud_plugin"
CLIENT_PUBLIC = {"client", "client.models", "client.errors", "client.units"}
WIDGET_MODULES = ("qgis.PyQt.QtWidgets", "PyQt5.QtWidgets", "PyQt6.QtWidgets", "qgis.gui")


def imports(path: Path) -> Iterator[Tuple[int, str, Tuple[str, ...]]]:
    """(line, module relative to the plugin or absolute, imported names) of each import in `path`."""
    package = path.relative_to(PLUGIN).parent.parts
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name, ()
        elif isinstance(node, ast.ImportFrom):
            names = tuple(alias.name for alias in node.names)
            if node.level == 0:
                yield node.lineno, node.module or "", names
                continue
            base = package[: len(package) - (node.level - 1)] if node.level > 1 else package
            module = ".".join(base + tuple((node.module or "").split(".") if node.module else ()))
            yield node.lineno, "plugin:" + module, names


def modules_of(room: str):
    return sorted((PLUGIN / room).rglob("*.py")) if room else [PLUGIN / "plugin.py", PLUGIN / "__init__.py"]


def violations(room: str, rule) -> list:
    found = []
    for path in modules_of(room):
        for line, module, names in imports(path):
            problem = rule(module, names)
            if problem:
                found.append(f"{path.relative_to(PLUGIN)}:{line}: {problem}")
    return found


def no_qt(module, names):
    top = module.split(".")[0]
    return f"imports {module}" if top in ("qgis", "PyQt5", "PyQt6", "sip") else None


def no_widgets(module, names):
    if module.startswith("plugin:gui"):
        return f"imports the widget module {module[len('plugin:') :]}"
    if module.startswith(WIDGET_MODULES):
        return f"imports {module}"
    return None


def public_client_only(module, names):
    if not module.startswith("plugin:client"):
        return None
    inner = module[len("plugin:") :]
    if inner not in CLIENT_PUBLIC:
        return f"reaches into {inner}"
    private = [n for n in names if n.startswith("_")]
    return f"imports the private {', '.join(private)} from {inner}" if private else None


@pytest.mark.parametrize(
    "room, rule",
    [
        ("client", no_qt),
        ("core", no_widgets),
        ("processing", no_widgets),
        ("gui", public_client_only),
        ("processing", public_client_only),
    ],
    ids=["client: no Qt", "core: no widgets", "processing: no widgets", "gui: public client", "processing: public"],
)
def test_each_room_imports_only_what_its_layer_may(room, rule):
    assert violations(room, rule) == []


def test_the_rules_see_a_bad_import(tmp_path, monkeypatch):
    """The checks above would fail on each kind of wrong import (they are not vacuous)."""
    fake = tmp_path / "qfieldcloud_plugin"
    for room, source in {
        "client": "from qgis.PyQt.QtCore import QObject\n",
        "core": "from ..gui.dock import CloudDock\nfrom qgis.PyQt.QtWidgets import QWidget\n",
        "gui": "from ..client.download import fetch_resumable\nfrom ..client.models import _private\n",
    }.items():
        (fake / room).mkdir(parents=True)
        (fake / room / "bad.py").write_text(source, encoding="utf-8")
    monkeypatch.setitem(globals(), "PLUGIN", fake)
    assert violations("client", no_qt) == ["client/bad.py:1: imports qgis.PyQt.QtCore"]
    assert violations("core", no_widgets) == [
        "core/bad.py:1: imports the widget module gui.dock",
        "core/bad.py:2: imports qgis.PyQt.QtWidgets",
    ]
    assert violations("gui", public_client_only) == [
        "gui/bad.py:1: reaches into client.download",
        "gui/bad.py:2: imports the private _private from client.models",
    ]
