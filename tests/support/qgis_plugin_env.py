"""Fixtures and helpers for the plugin tests (pytest-qgis, real QGIS, the local server).

`tests/conftest.py` registers this module as a pytest plugin, so its fixtures reach every test;
import only the helpers (`wait_until`, `ScriptedAsker`, ...) a module calls.
"""

import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, List, Optional

import pytest
from qgis.core import QgsApplication, QgsProject, QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QEvent, QThreadPool
from qgis.PyQt.QtWidgets import QMenu

MASTER_PASSWORD = "test-only-master-password"  # pragma: allowlist secret


def wait_until(predicate: Callable[[], bool], timeout: float = 20.0, message: str = "condition") -> None:
    """Spin the Qt event loop (tasks finish, signals arrive) until `predicate()` is true."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            tasks = [(t.description(), t.status(), round(t.progress())) for t in QgsApplication.taskManager().tasks()]
            raise AssertionError(
                "timed out waiting for {}; QGIS tasks: {}; busy pool threads: {}/{}".format(
                    message,
                    tasks,
                    QThreadPool.globalInstance().activeThreadCount(),
                    QThreadPool.globalInstance().maxThreadCount(),
                )
            )
        QCoreApplication.processEvents()
        time.sleep(0.005)


def wait_for_tasks(timeout: float = 30.0) -> None:
    """Wait until QGIS's task manager has no active task."""
    wait_until(lambda: QgsApplication.taskManager().countActiveTasks() == 0, timeout, "background tasks")
    QCoreApplication.processEvents()


@contextmanager
def captured_log():
    """Every (tag, message) the QGIS message log receives inside the block."""
    logged = []

    def received(message, tag, _level):
        logged.append((tag, message))

    QgsApplication.messageLog().messageReceived.connect(received)
    try:
        yield logged
    finally:
        QgsApplication.messageLog().messageReceived.disconnect(received)


def flush_deletes() -> None:
    """Run pending `deleteLater()`s, as the event loop of a running QGIS would."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()


class ScriptedAsker:
    """Answers the plugin's questions from a script and records them (test double of MessageBoxAsker)."""

    def __init__(self, confirm: bool = True, choice: Optional[int] = 0, folder: Optional[str] = None) -> None:
        self.confirm_answer = confirm
        self.choice_answer = choice
        self.folder_answer = folder
        self.questions: List[str] = []
        self.texts: List[str] = []
        self.checks: List[list] = []  # the findings of each project check shown
        self.upload_lists: List[object] = []  # each upload list shown

    def confirm(self, title: str, text: str) -> bool:
        self.questions.append(text)
        return self.confirm_answer

    def choose(self, title: str, text: str, options: List[str]) -> Optional[int]:
        self.questions.append(text)
        return self.choice_answer

    def folder(self, title: str, start: str) -> Optional[str]:
        self.questions.append(title)
        return self.folder_answer

    def show_text(self, title: str, text: str) -> None:
        self.texts.append(text)

    def review_check(self, findings):
        """Upload as it is (as a user who read the findings and clicked "Upload without fixing")."""
        from qfieldcloud_plugin.gui.asker import CheckAnswer

        self.checks.append(findings)
        return CheckAnswer()

    def review_upload_list(self, project_name, listing):
        """The default ticks."""
        from qfieldcloud_plugin.gui.asker import UploadListAnswer

        self.upload_lists.append(listing)
        return UploadListAnswer(listing.ticked)


@pytest.fixture(scope="session")
def auth_manager(qgis_app):
    """QGIS's auth manager, unlocked with a test master password (the profile is a temp dir)."""
    manager = QgsApplication.authManager()
    # pytest-qgis points QGIS_CUSTOM_CONFIG_PATH to a temporary profile: never the user's own.
    assert manager.authenticationDatabasePath().startswith(tempfile.gettempdir()), "tests must not use the real profile"
    assert manager.setMasterPassword(MASTER_PASSWORD, True)
    return manager


@pytest.fixture
def clean_settings(auth_manager):
    """No plugin settings and no stored token before and after the test."""
    settings = QgsSettings()
    authcfg = settings.value("qfieldcloud/authcfg", "", type=str)
    if authcfg:
        auth_manager.removeAuthenticationConfig(authcfg)
    settings.remove("qfieldcloud")
    yield settings
    authcfg = settings.value("qfieldcloud/authcfg", "", type=str)
    if authcfg:
        auth_manager.removeAuthenticationConfig(authcfg)
    settings.remove("qfieldcloud")


@pytest.fixture
def download_root(tmp_path, clean_settings):
    root = tmp_path / "QFieldCloud"
    clean_settings.setValue("qfieldcloud/download_dir", str(root))
    clean_settings.setValue("qfieldcloud/job_poll_interval_ms", 200)
    return root


@pytest.fixture
def session(qfc_server, clean_settings, download_root):
    """A CloudSession logged in as alice on the local server."""
    from qfieldcloud_plugin.core.session import CloudSession

    cloud = CloudSession()
    cloud.login(qfc_server.root_url, "alice", "alice-secret-1", remember=False)
    wait_until(lambda: cloud.is_logged_in, message="login")
    yield cloud
    cloud.shutdown()
    wait_for_tasks()


@pytest.fixture
def plugin_iface(qgis_iface):
    """pytest-qgis's iface plus the few QgisInterface methods it lacks, backed by real Qt widgets."""
    iface = qgis_iface
    window = iface.mainWindow()

    def web_menu() -> QMenu:
        menu = window.menuBar().findChild(QMenu, "mWebMenu")
        if menu is None:
            menu = window.menuBar().addMenu("&Web")
            menu.setObjectName("mWebMenu")
        return menu

    def add_plugin_to_web_menu(name, action) -> None:
        sub = next((m for m in web_menu().findChildren(QMenu) if m.title() == name), None)
        if sub is None:
            sub = web_menu().addMenu(name)
        sub.addAction(action)

    def remove_plugin_web_menu(name, action) -> None:
        for sub in web_menu().findChildren(QMenu):
            if sub.title() == name:
                sub.removeAction(action)
                if not sub.actions():
                    web_menu().removeAction(sub.menuAction())
                    sub.deleteLater()

    def add_tool_bar(name):
        toolbar = window.addToolBar(name)
        return toolbar

    def add_project(path) -> bool:
        return QgsProject.instance().read(str(path))

    iface.web_menu = web_menu
    iface.addPluginToWebMenu = add_plugin_to_web_menu
    iface.removePluginWebMenu = remove_plugin_web_menu
    iface.addToolBar = add_tool_bar
    iface.addDockWidget = lambda area, dock: window.addDockWidget(area, dock)
    iface.removeDockWidget = lambda dock: window.removeDockWidget(dock)
    iface.addProject = add_project
    iface.newProject = lambda prompt_to_save=False: QgsProject.instance().clear()  # as QGIS does
    yield iface
    iface.messageBar().messages = {level: [] for level in iface.messageBar().messages}


def messages(iface, level) -> List[str]:
    return list(iface.messageBar().get_messages(level))


def local_names(folder: Path) -> List[str]:
    """The files of `folder` an upload sends: no hidden, backup (`~`, QGIS 3.40 keeps `x.qgs~`) or SQLite
    side files. QGIS ≥ 3.26 also saves `<name>_attachments.zip` next to a .qgs."""
    return sorted(
        p.relative_to(folder).as_posix()
        for p in Path(folder).rglob("*")
        if p.is_file()
        and not any(part.startswith(".") or part.endswith("~") for part in p.relative_to(folder).parts)
        and not p.name.endswith(("-wal", "-shm", "-journal"))
    )


def make_project_folder(folder: Path, name: str = "survey", n_points: int = 3) -> Path:
    """A real QGIS project with a GeoPackage point layer, saved in `folder`; returns the .qgs path."""
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsVectorFileWriter, QgsVectorLayer

    folder.mkdir(parents=True, exist_ok=True)
    memory = QgsVectorLayer("Point?crs=EPSG:4326&field=name:string", "points", "memory")
    features = []
    for i in range(n_points):
        feature = QgsFeature(memory.fields())
        feature.setAttributes(["p{}".format(i)])
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(7 + i * 0.01, 46 + i * 0.01)))
        features.append(feature)
    memory.dataProvider().addFeatures(features)
    gpkg = folder / "points.gpkg"
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    error = QgsVectorFileWriter.writeAsVectorFormatV3(
        memory, str(gpkg), QgsProject.instance().transformContext(), options
    )
    assert error[0] == QgsVectorFileWriter.NoError, error
    project = QgsProject()
    layer = QgsVectorLayer(str(gpkg) + "|layername=points", "points", "ogr")
    assert layer.isValid()
    project.addMapLayer(layer)
    path = folder / "{}.qgs".format(name)
    project.setFileName(str(path))
    assert project.write()
    return path
