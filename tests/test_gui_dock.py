"""The dock against the local server: paging, search, public toggle, jobs, files, empty states."""

import pytest
from qgis.core import Qgis
from qgis.PyQt.QtCore import QModelIndex

from qfieldcloud_plugin.client import Client
from qfieldcloud_plugin.core.session import CloudSession
from qfieldcloud_plugin.gui.dock import CloudDock
from qfieldcloud_plugin.gui.models import ProjectsModel
from qfieldcloud_plugin.gui.workflows import CloudActions
from tests.support.qgis_plugin_env import ScriptedAsker, local_names, make_project_folder, wait_for_tasks, wait_until


@pytest.fixture(scope="module")
def carol_projects(qfc_server):
    """Carol owns 60 projects (and nothing else): enough for three pages of 25."""
    client = Client(url=qfc_server.url)
    client.login("carol", "carol-secret-1")
    names = ["paged-{:02d}".format(i) for i in range(60)]
    existing = {p["name"] for p in client.list_projects()}
    for name in names:
        if name not in existing:
            client.create_project(name, description="page test")
    return names


def _dock(iface, cloud, asker=None, show=True):
    actions = CloudActions(iface, cloud, asker or ScriptedAsker())
    dock = CloudDock(cloud, actions)
    dock.resize(500, 800)
    if show:
        dock.show()
    return dock, actions


def _login(qfc_server, user, password):
    cloud = CloudSession()
    cloud.login(qfc_server.root_url, user, password, remember=False)
    wait_until(lambda: cloud.is_logged_in, message="login")
    return cloud


def test_projects_model_loads_one_page_per_fetch(qfc_server, carol_projects, clean_settings):
    cloud = _login(qfc_server, "carol", "carol-secret-1")
    model = ProjectsModel(cloud, page_size=25)
    model.reload()
    wait_until(lambda: not model.loading, message="first page")
    assert model.rowCount() == 25 and model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    model.fetchMore(QModelIndex())  # ignored: a page is already loading
    wait_until(lambda: not model.loading, message="second page")
    assert model.rowCount() == 50
    model.fetchMore(QModelIndex())
    wait_until(lambda: not model.loading, message="last page")
    assert model.rowCount() == 60 and not model.canFetchMore(QModelIndex())
    assert sorted(r["name"] for r in model.rows) == carol_projects
    assert model.index(0, model.ROLE).data() == "admin"
    assert model.index(0, model.VISIBILITY).data() == "Private"
    cloud.shutdown()
    wait_for_tasks()


def test_dock_pages_through_projects_and_searches(qfc_server, carol_projects, plugin_iface, clean_settings):
    clean_settings.setValue("qfieldcloud/page_size", 25)
    cloud = _login(qfc_server, "carol", "carol-secret-1")
    dock, _actions = _dock(plugin_iface, cloud)
    model = dock.projects_model
    pages, statuses = [], []
    model.pageLoaded.connect(lambda: pages.append(model.rowCount()))
    model.pageLoaded.connect(lambda: statuses.append(dock.status_label.text()))
    wait_until(lambda: pages, message="first page")
    assert dock.stack.currentIndex() == dock.MAIN_PAGE
    assert statuses[0] in ("25 project(s) shown, more on the server", "25 project(s), loading more…")
    # Scrolling (or "Load more") fetches the next pages, one request each.
    while not model.exhausted:
        if not model.loading:
            dock.more_button.click()
        wait_until(lambda: not model.loading, message="next page")
    assert pages == [25, 50, 60]
    assert dock.status_label.text() == "60 project(s)"
    assert dock.more_button.isHidden()

    dock.search_edit.setText("paged-05")
    wait_until(lambda: model.rowCount() == 1 and not model.loading, timeout=10, message="search")
    assert model.rows[0]["name"] == "paged-05"
    dock.search_edit.setText("no-such-project")
    wait_until(
        lambda: model.rowCount() == 0 and not model.loading and "No project matches" in dock.status_label.text(),
        message="empty search",
    )
    dock.close()
    cloud.shutdown()
    wait_for_tasks()


def test_public_toggle_shows_other_users_public_projects(qfc_server, plugin_iface, clean_settings, unique_name):
    bob = Client(url=qfc_server.url)
    bob.login("bob", "bob-secret-1")
    bob.create_project(unique_name, is_public=True)
    cloud = _login(qfc_server, "dave", "dave-secret-1")
    dock, _actions = _dock(plugin_iface, cloud)
    model = dock.projects_model
    wait_until(lambda: not model.loading and model.exhausted, message="dave's projects")
    assert model.rowCount() == 0
    assert dock.status_label.text().startswith("You have no QFieldCloud projects yet.")
    dock.public_check.setChecked(True)
    wait_until(lambda: unique_name in [r["name"] for r in model.rows], message="public projects")
    row = [r for r in model.rows if r["name"] == unique_name][0]
    assert row["owner"] == "bob"
    dock.close()
    cloud.shutdown()
    wait_for_tasks()


def test_empty_state_and_unreachable_server(qfc_server, plugin_iface, clean_settings):
    cloud = CloudSession()
    dock, _actions = _dock(plugin_iface, cloud)
    assert "not logged in" in dock.message_label.text()
    dock.show_unreachable("Cannot reach the server qfc.example.")
    assert dock.message_label.text() == "Cannot reach the server qfc.example."
    assert dock.message_button.text() == "Retry"
    dock.close()


def test_selecting_a_project_shows_jobs_files_and_collaborators(
    qfc_server, session, plugin_iface, tmp_path, unique_name
):
    client = Client(url=qfc_server.url, token=session._token)
    project = client.create_project(unique_name)
    make_project_folder(tmp_path / "src")
    client.upload_files(project["id"], "project", str(tmp_path / "src"))
    client.add_project_collaborator(project["id"], "bob", "editor")
    dock, _actions = _dock(plugin_iface, session)
    dock.search_edit.setText(unique_name)
    wait_until(lambda: dock.projects_model.rowCount() == 1 and not dock.projects_model.loading, message="project")
    dock.projects_view.setCurrentIndex(dock.projects_model.index(0, 0))
    assert dock.project["id"] == project["id"]
    expected = local_names(tmp_path / "src")
    wait_until(lambda: dock.files_model.rowCount() == len(expected), message="files")
    assert [r["name"] for r in dock.files_model.rows] == expected
    assert {"points.gpkg", "survey.qgs"} <= set(expected)
    assert dock.files_model.index(0, 2).data() == "project not linked"
    wait_until(lambda: dock.collaborators_model.rowCount() == 1, message="collaborators")
    assert dock.collaborators_model.index(0, 0).data() == "bob"
    # The upload of the project file started a process_projectfile job: it is shown and followed live.
    wait_until(lambda: dock.jobs_model.rowCount() >= 1, message="jobs")
    assert dock.jobs_model.index(0, 0).data() == "Process project file"
    wait_until(lambda: dock.jobs_model.index(0, 1).data() == "finished", timeout=30, message="live job status")
    assert not dock.job_timer.isActive()

    dock.package_button.click()
    wait_until(lambda: any(r.get("type") == "package" for r in dock.jobs_model.rows), message="package job")
    wait_until(
        lambda: all(r.get("status") == "finished" for r in dock.jobs_model.rows), timeout=30, message="package finished"
    )
    dock.close()
    wait_for_tasks()


def test_search_also_works_on_a_2024_09_server(clean_settings):
    from tests.support.local_server import LocalServer

    with LocalServer(users={"erin": "erin-secret-1"}, orgs={}, extra_args=["--compat", "2024-09"]) as old:
        client = Client(url=old.url)
        client.login("erin", "erin-secret-1")
        for name in ("roads", "rivers", "rooftops", "lakes"):
            client.create_project(name)
        cloud = _login(old, "erin", "erin-secret-1")
        model = ProjectsModel(cloud, page_size=2)
        model.reload(search="ro")  # the old server ignores `search`: the model filters
        while not model.exhausted:
            wait_until(lambda: not model.loading, message="page")
            model.fetchMore(QModelIndex())
        wait_until(lambda: not model.loading, message="last page")
        assert sorted(r["name"] for r in model.rows) == ["roads", "rooftops"]
        cloud.shutdown()
        wait_for_tasks()


def test_server_going_away_is_explained_in_the_dock_with_a_retry(plugin_iface, clean_settings):
    from tests.support.local_server import LocalServer

    server = LocalServer(users={"erin": "erin-secret-1"}, orgs={}).start()
    try:
        cloud = _login(server, "erin", "erin-secret-1")
        dock, _actions = _dock(plugin_iface, cloud)
        wait_until(lambda: not dock.projects_model.loading, message="first listing")
    finally:
        server.stop()
    dock.refresh_button.click()
    wait_until(lambda: dock.projects_model.error, timeout=30, message="listing error")
    assert dock.status_label.text().startswith("Could not load the projects: Cannot reach the server 127.0.0.1:")
    assert dock.more_button.text() == "Retry" and not dock.more_button.isHidden()
    assert plugin_iface.messageBar().get_messages(Qgis.Critical) == []  # explained in the dock, not twice
    dock.close()
    cloud.shutdown()
    wait_for_tasks()


def test_new_project_button_creates_an_empty_cloud_project(qfc_server, session, plugin_iface, unique_name):
    from qgis.PyQt.QtCore import QTimer
    from qgis.PyQt.QtWidgets import QApplication

    from qfieldcloud_plugin.gui.create_dialog import CreateProjectDialog

    dock, actions = _dock(plugin_iface, session)
    created = []
    actions.projectCreated.connect(created.append)

    def fill_in():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, CreateProjectDialog)
        dialog.name_edit.setText(unique_name)
        dialog.description_edit.setText("empty, made from the dock")
        dialog.link_check.setChecked(False)
        dialog.accept()

    QTimer.singleShot(50, fill_in)
    dock.new_button.click()  # modal dialog, driven by the timer
    wait_until(lambda: created, message="created")
    dock.search_edit.setText(unique_name)
    wait_until(lambda: dock.projects_model.rowCount() == 1 and not dock.projects_model.loading, message="listed")
    assert dock.projects_model.rows[0]["description"] == "empty, made from the dock"
    dock.close()
    wait_for_tasks()


def test_a_project_that_cannot_be_read_leaves_empty_tables_and_says_why_in_the_message_bar(
    qfc_server, session, plugin_iface, unique_name
):
    """Errors of the dock's tables go through CloudActions to the message bar; no error text poses as a row."""
    client = Client(url=qfc_server.url, token=session._token)
    project = client.create_project(unique_name)
    dock, _actions = _dock(plugin_iface, session)
    dock.search_edit.setText(unique_name)
    wait_until(lambda: dock.projects_model.rowCount() == 1 and not dock.projects_model.loading, message="project")
    client.delete_project(project["id"])  # gone on the server, still listed in the dock
    dock.projects_view.setCurrentIndex(dock.projects_model.index(0, 0))

    def warnings():
        return [m for m in plugin_iface.messageBar().get_messages(Qgis.Warning) if "Could not load the" in m]

    wait_until(lambda: len(warnings()) == 3, message="three warnings")
    wait_for_tasks()
    assert sorted(w.split("Could not load the ")[1].split(":")[0] for w in warnings()) == [
        "collaborators",
        "files",
        "jobs",
    ]
    assert (dock.jobs_model.rowCount(), dock.files_model.rowCount(), dock.collaborators_model.rowCount()) == (0, 0, 0)
    assert not dock.job_timer.isActive()
    dock.close()
