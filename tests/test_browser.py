"""The QFieldCloud root of the Browser panel, populated off the GUI thread from the local server."""

import threading

import pytest
from qgis.core import Qgis, QgsApplication, QgsBrowserModel, QgsLayerItem, QgsProject, QgsProjectItem, QgsVectorLayer
from qgis.gui import QgsDataItemGuiContext
from qgis.PyQt.QtWidgets import QMenu

from qfieldcloud_plugin.client import Client
from qfieldcloud_plugin.core.browser import (
    BrowserSource,
    CloudDataItemProvider,
    PackageItem,
    ProjectItem,
    RemoteFileItem,
)
from qfieldcloud_plugin.gui.browser_menu import CloudItemGuiProvider
from qfieldcloud_plugin.gui.workflows import CloudActions
from tests.support.qgis_plugin_env import ScriptedAsker, make_project_folder, wait_for_tasks, wait_until


@pytest.fixture
def source(session):
    source = BrowserSource(session)
    yield source
    source.disconnect_session()


@pytest.fixture
def recorded_threads(source):
    """The threads on which the browser items create their clients (inside createChildren)."""
    threads = []
    factory = source.factory

    def recording_factory():
        threads.append(threading.current_thread())
        return factory()

    source.factory = recording_factory
    return threads


@pytest.fixture
def model(source):
    """A browser model like the Browser panel's, with the provider registered as the plugin does."""
    provider = CloudDataItemProvider(source)
    QgsApplication.dataItemProviderRegistry().addProvider(provider)
    model = QgsBrowserModel()
    model.initialize()
    yield model
    QgsApplication.dataItemProviderRegistry().removeProvider(provider)


def root_index(model):
    return next(
        model.index(row, 0) for row in range(model.rowCount()) if model.data(model.index(row, 0)) == "QFieldCloud"
    )


def expand(model, index, wanted=None):
    """Expand `index` as the user does (children load in the background); {name: child index}."""
    item = model.dataItem(index)
    if model.canFetchMore(index):
        model.fetchMore(index)
    else:
        item.refresh()

    def names():
        if item.state() != Qgis.BrowserItemState.Populated:
            return None
        return {
            model.data(model.index(row, 0, index)): model.index(row, 0, index) for row in range(model.rowCount(index))
        }

    wait_until(
        lambda: names() is not None and (wanted is None or wanted in names()), message="children of " + item.name()
    )
    return names()


def test_root_lists_the_projects_of_the_session_off_the_gui_thread(
    qfc_server, session, source, recorded_threads, model, unique_name
):
    client = Client(url=qfc_server.url, token=session.client_factory()().token)
    client.create_project(unique_name)
    root = model.dataItem(root_index(model))
    assert root.path() == "qfieldcloud:" and source.roots() == [root]
    assert not root.capabilities2() & Qgis.BrowserItemCapability.Fast

    children = expand(model, root_index(model))

    assert "alice/" + unique_name in children
    assert set(children) == {"{}/{}".format(p["owner"], p["name"]) for p in client.list_projects()}
    assert recorded_threads and all(t is not threading.main_thread() for t in recorded_threads)
    assert isinstance(model.dataItem(children["alice/" + unique_name]), ProjectItem)


def test_project_items_show_files_and_the_package_layers_once_downloaded(
    qfc_server, session, source, recorded_threads, model, tmp_path, download_root, unique_name
):
    client = Client(url=qfc_server.url, token=session.client_factory()().token)
    project = client.create_project(unique_name)
    make_project_folder(tmp_path / "src", unique_name)
    client.upload_files(project["id"], "project", str(tmp_path / "src"), throw_on_error=True)
    client.job_wait(client.job_trigger(project["id"], "package")["id"], poll_interval=0.1)

    project_index = expand(model, root_index(model))["alice/" + unique_name]
    files = expand(model, project_index)

    assert {"points.gpkg", unique_name + ".qgs", "Latest package"} <= set(files)
    assert isinstance(model.dataItem(files["points.gpkg"]), RemoteFileItem)
    package_index = files["Latest package"]
    assert isinstance(model.dataItem(package_index), PackageItem)
    not_downloaded = expand(model, package_index)
    assert isinstance(model.dataItem(not_downloaded["data.gpkg"]), RemoteFileItem)  # the package's offline data

    client.package_download(project["id"], str(download_root / "alice" / unique_name), throw_on_error=True)
    package = expand(model, package_index, wanted="points")

    # Named as the layer, not as its table (a real package names tables by a hash of the source).
    layer_item = model.dataItem(package["points"])
    assert isinstance(layer_item, QgsLayerItem) and layer_item.hasDragEnabled()
    uri = layer_item.mimeUris()[0]
    assert (uri.layerType, uri.providerKey) == ("vector", "ogr")
    data = download_root / "alice" / unique_name / "data.gpkg"
    assert uri.uri.startswith("{}|layername=".format(data)) and not uri.uri.endswith("=points")
    assert QgsVectorLayer(uri.uri, "points", "ogr").featureCount() == 3
    mime = model.mimeData([package["points"]])
    assert mime is not None and mime.hasFormat("application/x-vnd.qgis.qgis.uri")
    assert isinstance(model.dataItem(package[unique_name + "_qfield.qgs"]), QgsProjectItem)
    assert all(t is not threading.main_thread() for t in recorded_threads)


def test_logged_out_the_root_says_to_log_in(session, source, model):
    session.logout()
    assert source.factory is None
    children = expand(model, root_index(model))
    assert len(children) == 1
    ((name, index),) = children.items()
    assert "Log in" in name and model.dataItem(index).type() == Qgis.BrowserItemType.Error


def test_context_menu_opens_the_latest_package_in_the_map(
    qfc_server, session, source, model, plugin_iface, tmp_path, download_root, unique_name
):
    client = Client(url=qfc_server.url, token=session.client_factory()().token)
    project = client.create_project(unique_name)
    make_project_folder(tmp_path / "src", unique_name)
    client.upload_files(project["id"], "project", str(tmp_path / "src"), throw_on_error=True)
    project_index = expand(model, root_index(model))["alice/" + unique_name]
    actions = CloudActions(plugin_iface, session, ScriptedAsker())
    opened = []
    actions.packageOpened.connect(opened.append)
    menu = QMenu()
    CloudItemGuiProvider(actions).populateContextMenu(model.dataItem(project_index), menu, [], QgsDataItemGuiContext())
    by_text = {a.text(): a for a in menu.actions()}
    assert set(by_text) == {"Open the latest package", "Download project files…"}

    by_text["Open the latest package"].trigger()  # no package yet: one is made, then opened

    wait_until(lambda: opened, timeout=60, message="package opened from the browser")
    wait_for_tasks()
    assert QgsProject.instance().fileName().startswith(str(download_root / "alice" / unique_name))
    assert [layer.name() for layer in QgsProject.instance().mapLayers().values()] == ["points"]
    QgsProject.instance().clear()


PACKAGED = (
    "<qgis><projectlayers><maplayer><id>l1</id><datasource>./data.gpkg|layername=ab12</datasource>"
    "<layername>Trees &amp; shrubs</layername></maplayer>"
    "<maplayer><datasource>./ortho.tif</datasource><layername>ortho</layername></maplayer>"
    "</projectlayers></qgis>"
)


def test_a_package_s_layer_names_come_from_its_project_qgs_or_qgz(tmp_path):
    import zipfile

    from qfieldcloud_plugin.core.browser import packaged_layer_names

    (tmp_path / "p_qfield.qgs").write_text(PACKAGED, encoding="utf-8")
    with zipfile.ZipFile(tmp_path / "p_qfield.qgz", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("p_qfield.qgs", PACKAGED)
    expected = {("data.gpkg", "ab12"): "Trees & shrubs"}
    assert packaged_layer_names(tmp_path / "p_qfield.qgs") == expected
    assert packaged_layer_names(tmp_path / "p_qfield.qgz") == expected
    (tmp_path / "broken.qgz").write_bytes(b"not a zip")
    assert packaged_layer_names(tmp_path / "broken.qgz") == {}
    assert packaged_layer_names(tmp_path / "missing.qgs") == {}


def test_a_package_project_larger_than_the_bound_is_not_read(tmp_path, monkeypatch):
    import zipfile

    from qfieldcloud_plugin.core import browser

    # A compressed bomb from the server: small on disk, huge once inflated. Its declared size stops it.
    with zipfile.ZipFile(tmp_path / "bomb.qgz", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("bomb.qgs", PACKAGED + " " * 100_000)
    (tmp_path / "big.qgs").write_text(PACKAGED + " " * 100_000, encoding="utf-8")
    assert (tmp_path / "bomb.qgz").stat().st_size < 2_000
    monkeypatch.setattr(browser, "MAX_PROJECT_XML", 50_000)
    assert browser.packaged_layer_names(tmp_path / "bomb.qgz") == {}
    assert browser.packaged_layer_names(tmp_path / "big.qgs") == {}
    monkeypatch.setattr(browser, "MAX_PROJECT_XML", 200_000)
    assert browser.packaged_layer_names(tmp_path / "bomb.qgz") == {("data.gpkg", "ab12"): "Trees & shrubs"}
