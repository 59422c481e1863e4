"""The "QFieldCloud" root of the Browser panel: projects, their files, and the latest package.

QGIS calls `createChildren()` on a worker thread for every item without the `Fast` capability
(`QgsDataItem::populate()` runs it through QtConcurrent and moves the new items to the GUI
thread), so the HTTP calls below never block the GUI. Each item gets a client of its own from
`BrowserSource.factory`, a plain callable captured on the GUI thread.
"""

import zipfile
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Tuple

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsDataCollectionItem,
    QgsDataItem,
    QgsDataItemProvider,
    QgsDataProvider,
    QgsErrorItem,
    QgsLayerItem,
    QgsProjectItem,
)
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QByteArray, QObject, QXmlStreamReader

from ..client import Client, QfcException
from ..client.names import is_qgis_project
from .geopackage import geopackage_tables
from .icons import plugin_icon
from .session import user_message
from .settings import Settings
from .translation import tr

PROVIDER_KEY = "qfieldcloud"
# A packaged project larger than this is not read for its layer names (they fall back to table names).
MAX_PROJECT_XML = 64 * 1024 * 1024
ROOT_PATH = "qfieldcloud:"


class BrowserSource(QObject):
    """The login the browser lists: a client factory (None when logged out) and the package folder."""

    def __init__(self, session, parent: QObject = None) -> None:
        super().__init__(parent)
        self.session = session
        self.factory: Optional[Callable[[], Client]] = None
        # Strong references: QGIS owns the roots' C++ side, but their Python side (our createChildren)
        # must live as long as it; children are kept alive by QGIS's conversion of createChildren's list.
        self._roots: List["CloudRootItem"] = []
        session.loggedIn.connect(self.update)
        session.loggedOut.connect(self.update)
        self.update()

    def update(self) -> None:
        """Take the session's current login (GUI thread) and refresh every QFieldCloud root."""
        self.factory = self.session.client_factory() if self.session.is_logged_in else None
        for root in self.roots():
            root.refresh()

    def add_root(self, root: "CloudRootItem") -> None:
        self._roots = self.roots() + [root]

    def roots(self) -> List["CloudRootItem"]:
        """The roots QGIS has not deleted yet (one per browser model)."""
        return [root for root in self._roots if not sip.isdeleted(root)]

    def disconnect_session(self) -> None:
        self.session.loggedIn.disconnect(self.update)
        self.session.loggedOut.disconnect(self.update)


def _error_item(parent: QgsDataItem, error: BaseException) -> QgsDataItem:
    return QgsErrorItem(parent, user_message(error), parent.path() + "/error")


class CloudRootItem(QgsDataCollectionItem):
    """ "QFieldCloud": the projects of the logged-in user."""

    def __init__(self, source: BrowserSource, parent: QgsDataItem = None) -> None:
        super().__init__(parent, "QFieldCloud", ROOT_PATH, PROVIDER_KEY)
        self.source = source
        self.setCapabilitiesV2(Qgis.BrowserItemCapabilities(Qgis.BrowserItemCapability.Fertile))
        self.setIcon(plugin_icon("qfieldcloud"))
        self.setToolTip(tr("Your QFieldCloud projects"))

    def createChildren(self):  # QGIS API; worker thread
        factory = self.source.factory
        if factory is None:
            return [QgsErrorItem(self, tr("Log in to QFieldCloud to see your projects."), self.path() + "/login")]
        try:
            with factory() as client:
                projects = list(client.iter_projects())
        except QfcException as error:
            return [_error_item(self, error)]
        projects.sort(key=lambda p: (p.get("owner", ""), p.get("name", "").lower()))
        return [ProjectItem(self, project, factory) for project in projects]


class ProjectItem(QgsDataCollectionItem):
    """A cloud project: its files and its latest package."""

    def __init__(self, parent: QgsDataItem, project: Dict[str, Any], factory: Callable[[], Client]) -> None:
        super().__init__(
            parent,
            "{owner}/{name}".format(owner=project["owner"], name=project["name"]),
            "{root}/{owner}/{name}".format(root=ROOT_PATH, owner=project["owner"], name=project["name"]),
            PROVIDER_KEY,
        )
        self.project = dict(project)
        self.factory = factory
        self.setCapabilitiesV2(Qgis.BrowserItemCapabilities(Qgis.BrowserItemCapability.Fertile))
        self.setToolTip(project.get("description") or "")

    def createChildren(self):  # worker thread
        children = [PackageItem(self, self.project, self.factory)]
        try:
            with self.factory() as client:
                files = client.list_remote_files(self.project["id"])
        except QfcException as error:
            return children + [_error_item(self, error)]
        for file in sorted(files, key=lambda f: f["name"]):
            children.append(RemoteFileItem(self, file))
        return children


class RemoteFileItem(QgsDataItem):
    """A file stored in a cloud project (a leaf: name, size and md5sum in the tooltip)."""

    def __init__(self, parent: QgsDataItem, file: Dict[str, Any]) -> None:
        super().__init__(
            Qgis.BrowserItemType.Custom, parent, file["name"], parent.path() + "/files/" + file["name"], PROVIDER_KEY
        )
        self.file = dict(file)
        self.setState(Qgis.BrowserItemState.Populated)
        self.setToolTip(tr("{name}: {size} bytes on QFieldCloud").format(name=file["name"], size=file.get("size", 0)))
        self.setIcon(QgsApplication.getThemeIcon("/mIconFile.svg"))


class PackageItem(QgsDataCollectionItem):
    """ "Latest package": its QGIS project and GeoPackage layers once downloaded, else its file names."""

    def __init__(self, parent: QgsDataItem, project: Dict[str, Any], factory: Callable[[], Client]) -> None:
        super().__init__(parent, tr("Latest package"), parent.path() + "/package", PROVIDER_KEY)
        self.project = dict(project)
        self.factory = factory
        self.folder: Path = Settings().package_dir(project["owner"], project["name"])
        self.layer_names: Dict[Tuple[str, str], str] = {}
        self.setCapabilitiesV2(Qgis.BrowserItemCapabilities(Qgis.BrowserItemCapability.Fertile))
        self.setIcon(plugin_icon("download_package"))

    def createChildren(self):  # worker thread
        try:
            with self.factory() as client:
                package = client.package_latest(self.project["id"])
        except QfcException as error:
            return [
                QgsErrorItem(
                    self, tr("No package yet ({error}).").format(error=user_message(error)), self.path() + "/none"
                )
            ]
        if package.get("status") != "finished":
            return [
                QgsErrorItem(
                    self,
                    tr("The latest package is {status}.").format(status=package.get("status")),
                    self.path() + "/none",
                )
            ]
        files = sorted(package.get("files") or [], key=lambda f: f["name"])
        project_files = [self.folder / f["name"] for f in files if is_qgis_project(f["name"])]
        self.layer_names = packaged_layer_names(project_files[0]) if project_files else {}
        children = []
        for file in files:
            children.extend(self._file_children(file))
        return children

    def _file_children(self, file: Dict[str, Any]) -> List[QgsDataItem]:
        name = file["name"]
        local = self.folder / name
        if not local.is_file():
            item = RemoteFileItem(self, file)
            item.setToolTip(
                tr("{name}: not downloaded yet (Open the latest package, in the context menu)").format(name=name)
            )
            return [item]
        if is_qgis_project(name):
            return [QgsProjectItem(self, name, str(local), PROVIDER_KEY)]
        if name.lower().endswith(".gpkg"):
            return [
                package_layer_item(self, local, table, self.layer_names.get((name, table), table))
                for table in geopackage_tables(local)
            ]
        item = RemoteFileItem(self, file)
        item.setToolTip(str(local))
        return [item]


def packaged_layer_names(project_file: Path) -> Dict[Tuple[str, str], str]:
    """(file, table) -> layer name, from a downloaded package's project: a real package names its
    GeoPackage tables by the hash of the original source, which means nothing to a user.

    Read with Qt's streaming reader: the file comes from the server, and QXmlStreamReader neither
    fetches external entities nor expands entities without bound.
    """
    try:
        if project_file.suffix.lower() == ".qgz":
            with zipfile.ZipFile(project_file) as archive:
                inner = [i for i in archive.infolist() if i.filename.lower().endswith(".qgs")]
                # the declared size bounds the read: a compressed bomb from the server stops there
                fits = inner and inner[0].file_size <= MAX_PROJECT_XML
                data = archive.read(inner[0]) if fits else b""
        else:
            data = project_file.read_bytes() if project_file.stat().st_size <= MAX_PROJECT_XML else b""
    except (OSError, zipfile.BadZipFile, KeyError):
        return {}
    names: Dict[Tuple[str, str], str] = {}
    reader = QXmlStreamReader(QByteArray(data))
    layer: Dict[str, str] = {}
    while not reader.atEnd():
        token = reader.readNext()
        if token == QXmlStreamReader.TokenType.StartElement:
            if reader.name() == "maplayer":
                layer = {}
            elif reader.name() in ("datasource", "layername"):
                layer.setdefault(reader.name(), reader.readElementText())  # the layer's own, not a nested one
        elif token == QXmlStreamReader.TokenType.EndElement and reader.name() == "maplayer":
            source, _sep, options = layer.get("datasource", "").partition("|")
            table = options.partition("layername=")[2].split("|")[0]
            if table:
                names[(source[2:] if source.startswith("./") else source, table)] = layer.get("layername") or table
    return names


def package_layer_item(parent: QgsDataItem, gpkg: Path, table: str, name: str = "") -> QgsLayerItem:
    """A GeoPackage table as a layer item, named as its layer: its mime data lets the user drag it onto the map."""
    uri = "{path}|layername={table}".format(path=gpkg, table=table)
    item = QgsLayerItem(
        parent,
        name or table,
        "{parent}/{file}/{table}".format(parent=parent.path(), file=gpkg.name, table=table),
        uri,
        Qgis.BrowserLayerType.Vector,
        "ogr",
    )
    item.setToolTip(uri)
    return item


class CloudDataItemProvider(QgsDataItemProvider):
    """Creates the QFieldCloud root of every browser model (Browser panel, data source manager)."""

    def __init__(self, source: BrowserSource) -> None:
        super().__init__()
        self.source = source

    def name(self) -> str:
        return "QFieldCloud"

    def dataProviderKey(self) -> str:
        return PROVIDER_KEY

    def capabilities(self):
        return QgsDataProvider.DataCapability.Net

    def createDataItem(self, path: str, parent: QgsDataItem):
        if parent is not None:  # only a root, at the top of the browser
            return None
        root = CloudRootItem(self.source)
        self.source.add_root(root)
        return root
