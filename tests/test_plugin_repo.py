"""`make repo`: a plugins.xml QGIS accepts as a plugin repository, served over loopback, fetched and
installed from by QGIS's own plugin installer in the real QGIS application."""

import functools
import http.server
import json
import threading
import xml.etree.ElementTree as ET

import pytest

from scripts.plugin_repo import write
from scripts.plugin_zip import build
from tests.support.real_qgis import run_qgis_script


@pytest.fixture(scope="module")
def dist(tmp_path_factory):
    folder = tmp_path_factory.mktemp("dist")
    build(folder / "qfieldcloud_plugin.zip")
    return folder


@pytest.fixture
def served(dist):
    """dist/ over HTTP on 127.0.0.1 (a free port), with plugins.xml pointing at the served zip."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(dist))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = "http://127.0.0.1:{}/".format(server.server_address[1])
    write(dist / "qfieldcloud_plugin.zip", dist / "plugins.xml", base_url=base)
    yield base
    server.shutdown()
    server.server_close()
    thread.join(5)


def test_plugins_xml_describes_the_zip(dist):
    write(dist / "qfieldcloud_plugin.zip", dist / "plugins.xml")
    plugins = ET.parse(str(dist / "plugins.xml")).getroot()
    assert plugins.tag == "plugins"
    (plugin,) = plugins.findall("pyqgis_plugin")
    assert plugin.get("name") == "QFieldCloud" and plugin.get("version") == plugin.findtext("version")
    assert plugin.findtext("file_name") == "qfieldcloud_plugin.zip"
    assert plugin.findtext("download_url") == (dist / "qfieldcloud_plugin.zip").resolve().as_uri()
    assert plugin.findtext("qgis_minimum_version") == "3.22"
    for field in ("description", "about", "author_name", "tracker", "repository", "homepage"):
        assert plugin.findtext(field), field


def test_qgis_installs_the_plugin_from_the_served_repository(served, tmp_path):
    report = tmp_path / "report.json"
    script = f"""
        import json, sys
        from qgis.core import QgsSettings
        from qgis.PyQt.QtCore import QTimer
        from qgis.utils import iface
        import qgis.utils
        import pyplugin_installer
        from pyplugin_installer.installer_data import officialRepo, plugins, repositories, reposGroup

        REPO = "qfieldcloud-test"
        result = {{}}

        def finish():
            with open({str(report)!r}, "w") as out:
                json.dump(result, out)
            iface.actionExit().trigger()

        def setup():
            settings = QgsSettings()
            # What the user sets in Plugins > Settings: show experimental plugins, add a repository.
            settings.setValue("app/plugin_installer/allowExperimental", True)
            try:  # QGIS >= 3.36 keeps it in the settings tree
                from qgis.core import QgsSettingsTree
                QgsSettingsTree.node("plugin-manager").childSetting("allow-experimental").setValue(True)
            except (ImportError, AttributeError):
                pass
            settings.setValue(reposGroup + "/" + officialRepo[0] + "/url", officialRepo[1])
            settings.setValue(reposGroup + "/" + officialRepo[0] + "/enabled", False)  # no internet here
            settings.setValue(reposGroup + "/" + REPO + "/url", {served + "plugins.xml"!r})
            settings.setValue(reposGroup + "/" + REPO + "/enabled", True)
            repositories.load()
            result["repositories"] = sorted(k for k, v in repositories.all().items() if v["enabled"])
            repositories.requestFetching(REPO)
            wait_for_fetch(0)

        def wait_for_fetch(elapsed):
            if repositories.fetchingInProgress() and elapsed < 30000:
                QTimer.singleShot(100, lambda: wait_for_fetch(elapsed + 100))
                return
            try:
                result["state"] = repositories.all()[REPO]["state"]
                result["error"] = repositories.all()[REPO].get("error", "")
                plugins.getAllInstalled()
                plugins.rebuild()
                plugin = plugins.all().get("qfieldcloud_plugin")
                result["offered"] = plugin is not None and plugin["zip_repository"] == REPO
                result["status_before"] = plugin and plugin["status_exp"]
                # The plugin is experimental (metadata.txt): the manager's "Install Experimental Plugin".
                pyplugin_installer.instance().installPlugin("qfieldcloud_plugin", quiet=True, stable=False)
                result["installed_from"] = getattr(sys.modules.get("qfieldcloud_plugin"), "__file__", None)
                result["active"] = "qfieldcloud_plugin" in qgis.utils.active_plugins
                plugins.getAllInstalled()
                plugins.rebuild()
                result["status_after"] = plugins.all()["qfieldcloud_plugin"]["status_exp"]
            except Exception as exc:
                result["exception"] = repr(exc)
            finish()

        QTimer.singleShot(500, setup)
    """
    finished = run_qgis_script(script, tmp_path / "profiles")
    assert report.exists(), finished.stderr[-3000:]
    result = json.loads(report.read_text())
    assert "exception" not in result, result
    assert result["repositories"] == ["qfieldcloud-test"]
    assert result["state"] == 2, result  # Repositories.STATE_LOADED
    assert result["offered"] is True, result
    assert result["status_before"] == "not installed"
    assert result["active"] is True, result
    assert result["status_after"] == "installed"
    assert str(tmp_path / "profiles") in result["installed_from"]
