"""The plugin never writes the token anywhere readable, and goes through QGIS's proxy settings."""

from pathlib import Path

from qgis.core import Qgis, QgsApplication, QgsProject, QgsSettings

import qfieldcloud_plugin
from qfieldcloud_plugin.core.project_link import read_link
from tests.support.forward_proxy import ForwardProxy
from tests.support.qgis_plugin_env import (
    ScriptedAsker,
    captured_log,
    flush_deletes,
    make_project_folder,
    wait_for_tasks,
    wait_until,
)


def _run_everything(plugin, qfc_server, tmp_path, name, remember=True):
    """Log in, list projects in the dock, upload the open project, download its files, log out."""
    session = plugin.session
    session.login(qfc_server.root_url, "alice", qfc_server.users["alice"], remember=remember)
    wait_until(lambda: session.is_logged_in, message="login")
    token = session._token
    wait_until(
        lambda: plugin.dock.projects_model.rowCount() > 0 or plugin.dock.projects_model.exhausted,
        message="project list",
    )
    path = make_project_folder(tmp_path / "proj", name)
    assert QgsProject.instance().read(str(path))
    plugin.cloud_actions.asker = ScriptedAsker(confirm=True, choice=0, folder=str(tmp_path / "copy"))
    uploads, downloads = [], []
    plugin.cloud_actions.uploadFinished.connect(uploads.append)
    plugin.cloud_actions.filesDownloaded.connect(lambda folder, files: downloads.append(files))
    plugin.upload_action.trigger()
    wait_until(lambda: uploads, timeout=60, message="upload")
    wait_for_tasks()
    link = read_link()
    plugin.cloud_actions.download_files({"id": link.project_id, "owner": link.owner, "name": link.name})
    wait_until(lambda: downloads, timeout=60, message="download")
    wait_for_tasks()
    logged_out = []
    session.logout().done.connect(lambda: logged_out.append(True))
    wait_until(lambda: logged_out, message="logout")
    return token, link


def test_the_token_is_never_written_to_settings_logs_messages_or_files(
    plugin_iface, qfc_server, clean_settings, download_root, tmp_path, unique_name
):
    plugin = qfieldcloud_plugin.classFactory(plugin_iface)
    plugin.initGui()
    try:
        with captured_log() as logged:
            token, link = _run_everything(plugin, qfc_server, tmp_path, unique_name)
    finally:
        plugin.unload()
        flush_deletes()
        QgsProject.instance().clear()
    assert token and len(token) >= 20 and link is not None
    QgsSettings().sync()
    texts = {"log": "\n".join(message for _tag, message in logged)}
    assert any(tag == "QFieldCloud" for tag, _m in logged)
    for level in (Qgis.Info, Qgis.Warning, Qgis.Critical, Qgis.Success):
        texts["message bar {}".format(level)] = "\n".join(plugin_iface.messageBar().get_messages(level))
    files = [Path(QgsSettings().fileName())]
    files += [
        p for root in (Path(QgsApplication.qgisSettingsDirPath()), tmp_path) for p in root.rglob("*") if p.is_file()
    ]
    assert any(p.name == "sync-state.json" for p in files)  # the plugin's own files are among those checked
    found = []
    for path in files:
        data = path.read_bytes()
        if token.encode() in data:
            found.append(str(path))
    for name, text in texts.items():
        if token in text:
            found.append(name)
    assert found == [], "the token was written to: {}".format(found)
    assert len(files) > 10


def test_the_plugin_goes_through_the_proxy_set_in_qgis(
    plugin_iface, qfc_server, clean_settings, download_root, tmp_path, unique_name
):
    settings = QgsSettings()
    keys = (
        "proxy/proxyEnabled",
        "proxy/proxyType",
        "proxy/proxyHost",
        "proxy/proxyPort",
        "proxy/proxyExcludedUrls",
        "proxy/noProxyUrls",
    )
    saved = {key: settings.value(key) for key in keys}
    with ForwardProxy() as proxy:
        settings.setValue("proxy/proxyEnabled", True)
        settings.setValue("proxy/proxyType", "HttpProxy")
        settings.setValue("proxy/proxyHost", "127.0.0.1")
        settings.setValue("proxy/proxyPort", proxy.url.rsplit(":", 1)[1])
        settings.setValue("proxy/proxyExcludedUrls", "")
        settings.setValue("proxy/noProxyUrls", "")
        plugin = qfieldcloud_plugin.classFactory(plugin_iface)
        plugin.initGui()
        try:
            _token, link = _run_everything(plugin, qfc_server, tmp_path, unique_name, remember=False)
        finally:
            plugin.unload()
            flush_deletes()
            QgsProject.instance().clear()
            for key, value in saved.items():
                if value is None:
                    settings.remove(key)
                else:
                    settings.setValue(key, value)
    api = qfc_server.url
    assert "POST {}auth/login/".format(api) in proxy.seen
    assert any(line.startswith("GET {}projects/".format(api)) for line in proxy.seen)
    assert any(line.startswith("POST {}files/{}/points.gpkg/".format(api, link.project_id)) for line in proxy.seen)
    assert any(line.startswith("GET {}files/{}/points.gpkg/".format(api, link.project_id)) for line in proxy.seen)
    assert "POST {}auth/logout/".format(api) in proxy.seen
