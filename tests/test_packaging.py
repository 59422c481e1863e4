"""The zip users install from the plugin manager: built by `make zip`, valid for plugins.qgis.org,
and installed and started by QGIS's own plugin installer in the real QGIS application."""

import configparser
import json
import os
import zipfile

import pytest

from scripts.plugin_zip import ValidationError, build, validate
from tests.support.real_qgis import run_qgis_script


@pytest.fixture(scope="module")
def plugin_zip(tmp_path_factory):
    return build(tmp_path_factory.mktemp("dist") / "qfieldcloud_plugin.zip")


def test_zip_passes_repository_validation(plugin_zip):
    metadata = validate(plugin_zip)
    assert metadata["name"] == "QFieldCloud"
    assert metadata["qgisMaximumVersion"] == "4.99"
    assert metadata["tracker"].startswith("https://")


def test_zip_holds_one_folder_with_code_license_and_translations_but_no_tests_or_bytecode(plugin_zip):
    names = zipfile.ZipFile(plugin_zip).namelist()
    assert {n.split("/")[0] for n in names} == {"qfieldcloud_plugin"}
    for required in ("__init__.py", "plugin.py", "metadata.txt", "LICENSE", "client/client.py"):
        assert f"qfieldcloud_plugin/{required}" in names
    assert any(n.endswith(".qm") for n in names), "compiled translations missing"
    assert not [n for n in names if n.endswith((".pyc", ".ts")) or "__pycache__" in n or "/tests/" in n]


def test_zip_version_matches_the_client_version(plugin_zip):
    from qfieldcloud_plugin.client import __version__

    parser = configparser.ConfigParser(interpolation=None)
    parser.read_string(zipfile.ZipFile(plugin_zip).read("qfieldcloud_plugin/metadata.txt").decode())
    assert parser["general"]["version"] == __version__


def test_validator_refuses_a_zip_with_bytecode(tmp_path):
    bad = tmp_path / "bad.zip"
    with zipfile.ZipFile(bad, "w") as archive:
        archive.writestr("qfieldcloud_plugin/__init__.py", "")
        archive.writestr("qfieldcloud_plugin/x.pyc", "")
    with pytest.raises(ValidationError, match="compiled"):
        validate(bad)


def test_qgis_plugin_installer_installs_and_starts_the_zip(plugin_zip, tmp_path):
    report = tmp_path / "report.json"
    script = f"""
        import json, os, sys
        from qgis.core import QgsApplication
        from qgis.PyQt.QtCore import QTimer
        from qgis.PyQt.QtWidgets import QToolBar, QDockWidget
        from qgis.utils import iface
        import qgis.utils
        import pyplugin_installer

        def install():
            result = {{}}
            try:
                pyplugin_installer.instance().installFromZipFile({str(plugin_zip)!r})
                module = sys.modules.get("qfieldcloud_plugin")
                result["module_file"] = getattr(module, "__file__", None)
                # The profile's plugin folder (qgis.utils.home_plugin_path is gone in QGIS 3.40).
                result["home_plugin_path"] = os.path.join(QgsApplication.qgisSettingsDirPath(), "python", "plugins")
                result["active"] = "qfieldcloud_plugin" in qgis.utils.active_plugins
                result["toolbars"] = [t.windowTitle() for t in iface.mainWindow().findChildren(QToolBar)]
                result["docks"] = [d.objectName() for d in iface.mainWindow().findChildren(QDockWidget)]
            except Exception as exc:
                result["error"] = repr(exc)
            with open({str(report)!r}, "w") as out:
                json.dump(result, out)
            iface.actionExit().trigger()

        QTimer.singleShot(500, install)
    """
    finished = run_qgis_script(script, tmp_path / "profiles")
    assert report.exists(), finished.stderr[-3000:]
    result = json.loads(report.read_text())
    assert "error" not in result, result
    assert result["active"] is True
    assert result["module_file"].startswith(os.path.realpath(result["home_plugin_path"])) or result[
        "module_file"
    ].startswith(result["home_plugin_path"])
    assert "QFieldCloud" in result["toolbars"]
    assert any("QFieldCloud" in name for name in result["docks"])
