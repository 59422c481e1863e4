"""No socket or file is left for the garbage collector: a full plugin run raises no ResourceWarning."""

import gc
import warnings

from qgis.core import QgsProject

from qfieldcloud_plugin.client import Client
from qfieldcloud_plugin.gui.workflows import CloudActions
from tests.support.gui_flows import sync, upload
from tests.support.qgis_plugin_env import ScriptedAsker, flush_deletes, wait_for_tasks, wait_until
from tests.test_gui_sync import DialogAsker, _linked_project


def _expand_in_the_browser_panel(session, project_name):
    """The QFieldCloud root, the project and its package, expanded in a browser model as a user does."""
    from qgis.core import QgsApplication, QgsBrowserModel

    from qfieldcloud_plugin.core.browser import BrowserSource, CloudDataItemProvider
    from tests.test_browser import expand, root_index

    source = BrowserSource(session)
    provider = CloudDataItemProvider(source)
    QgsApplication.dataItemProviderRegistry().addProvider(provider)
    try:
        model = QgsBrowserModel()
        model.initialize()
        projects = expand(model, root_index(model), "alice/" + project_name)
        expand(model, projects["alice/" + project_name])
    finally:
        QgsApplication.dataItemProviderRegistry().removeProvider(provider)
        source.disconnect_session()


def test_a_full_plugin_run_leaves_no_unclosed_socket_or_file(qfc_server, session, plugin_iface, tmp_path, unique_name):
    # What earlier tests left to the garbage collector (their own unclosed test clients) is collected
    # now, outside the record: only what the plugin leaves during this run is judged.
    flush_deletes()
    gc.collect()
    gc.collect()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("error", ResourceWarning)  # raised where the warning is issued...
        warnings.simplefilter("always", ResourceWarning)  # ...and recorded when it comes from a finalizer
        client = Client(url=qfc_server.url, token=session._token)
        folder = tmp_path / "proj"
        project = _linked_project(client, folder, unique_name)
        client.close()
        results = []
        actions = CloudActions(plugin_iface, session, DialogAsker())
        actions.syncFinished.connect(results.append)
        sync(actions, results)  # plan, upload
        uploads = []
        actions.uploadFinished.connect(uploads.append)
        upload(actions, uploads)  # compare, nothing to send
        downloaded = []
        actions.filesDownloaded.connect(lambda folder, files: downloaded.append(files))
        CloudActions(plugin_iface, session, ScriptedAsker(folder=str(tmp_path / "copy"))).download_files(project)
        actions_for_download = CloudActions(plugin_iface, session, ScriptedAsker(folder=str(tmp_path / "copy")))
        actions_for_download.filesDownloaded.connect(lambda folder, files: downloaded.append(files))
        actions_for_download.download_files(project)
        wait_until(lambda: downloaded, timeout=60, message="download")
        wait_for_tasks()
        _expand_in_the_browser_panel(session, unique_name)
        QgsProject.instance().clear()
        gc.collect()
        gc.collect()
    leaks = [str(w.message) for w in caught if issubclass(w.category, ResourceWarning)]
    assert leaks == [], "\n".join(leaks[:5])
