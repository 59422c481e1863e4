"""The QFieldCloud Processing algorithms run through `processing.run` against the local server."""

import os
from pathlib import Path

import pytest
from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingException, QgsProcessingFeedback, QgsProject
from qgis.PyQt.QtCore import Qt

from qfieldcloud_plugin.client import Client
from qfieldcloud_plugin.processing.provider import QFieldCloudProvider
from tests.support.qgis_plugin_env import local_names, make_project_folder


@pytest.fixture(scope="module")
def provider(qgis_processing):
    provider = QFieldCloudProvider()
    assert QgsApplication.processingRegistry().addProvider(provider)
    yield provider
    QgsApplication.processingRegistry().removeProvider(provider)


@pytest.fixture
def alice(qfc_server):
    client = Client(url=qfc_server.url, token="")
    client.login("alice", "alice-secret-1")
    return client


@pytest.fixture
def credentials(qfc_server, alice):
    return {"TOKEN": alice.token, "SERVER_URL": qfc_server.root_url}


def run(algorithm, parameters, feedback=None):
    import processing

    return processing.run("qfieldcloud:" + algorithm, parameters, feedback=feedback or QgsProcessingFeedback())


class CancelAfterFirstProgress(QgsProcessingFeedback):
    """Cancels the run as soon as the first transfer progress arrives (as the Cancel button would)."""

    def __init__(self):
        super().__init__()
        self.progress_values = []
        # Direct: progress comes from the transfer's worker threads, with no event loop to deliver it.
        self.progressChanged.connect(self._progress, Qt.ConnectionType.DirectConnection)

    def _progress(self, value):
        self.progress_values.append(value)
        if 0 < value < 100:
            self.cancel()


def test_provider_lists_five_algorithms(provider):
    ids = sorted(a.id() for a in provider.algorithms())
    assert ids == [
        "qfieldcloud:download_package",
        "qfieldcloud:download_project",
        "qfieldcloud:list_projects",
        "qfieldcloud:trigger_job",
        "qfieldcloud:upload_project",
    ]


def test_upload_by_owner_and_name_then_only_changed_files(provider, alice, credentials, tmp_path, unique_name):
    project = alice.create_project(unique_name)
    folder = tmp_path / "src"
    make_project_folder(folder, unique_name)
    feedback = QgsProcessingFeedback()

    result = run("upload_project", {"PROJECT": "alice/" + unique_name, "FOLDER": str(folder), **credentials}, feedback)

    assert result["PROJECT_ID"] == project["id"]
    assert result["UPLOADED"] == len(local_names(folder))
    assert sorted(result["FILES"].split("\n")) == local_names(folder)
    assert sorted(f["name"] for f in alice.list_remote_files(project["id"])) == local_names(folder)
    assert feedback.progress() == 100
    again = run("upload_project", {"PROJECT": project["id"], "FOLDER": str(folder), **credentials})
    assert (again["UPLOADED"], again["SKIPPED"]) == (0, len(local_names(folder)))
    forced = run(
        "upload_project",
        {"PROJECT": unique_name, "FOLDER": str(folder), "FILTER": "*.gpkg", "FORCE": True, **credentials},
    )
    assert forced["FILES"] == "points.gpkg"


def test_upload_of_an_unknown_project_fails_with_its_name(provider, credentials, tmp_path):
    make_project_folder(tmp_path / "src")
    with pytest.raises(QgsProcessingException, match="No QFieldCloud project alice/no-such-project"):
        run("upload_project", {"PROJECT": "alice/no-such-project", "FOLDER": str(tmp_path / "src"), **credentials})


def test_upload_can_be_cancelled(provider, alice, credentials, tmp_path, unique_name):
    project = alice.create_project(unique_name)
    folder = tmp_path / "src"
    folder.mkdir()
    for i in range(30):
        (folder / "data{:02}.bin".format(i)).write_bytes(os.urandom(300_000))
    feedback = CancelAfterFirstProgress()

    with pytest.raises(QgsProcessingException, match="Cancelled"):
        run("upload_project", {"PROJECT": project["id"], "FOLDER": str(folder), **credentials}, feedback)

    assert feedback.isCanceled()
    assert len(alice.list_remote_files(project["id"])) < 30


def test_download_project_files_with_filter(provider, alice, credentials, tmp_path, unique_name):
    project = alice.create_project(unique_name)
    make_project_folder(tmp_path / "src", unique_name)
    alice.upload_files(project["id"], "project", str(tmp_path / "src"), throw_on_error=True)
    target = tmp_path / "out"

    result = run("download_project", {"PROJECT": "alice/" + unique_name, "OUTPUT": str(target), **credentials})

    assert Path(result["OUTPUT"]) == target
    assert local_names(target) == local_names(tmp_path / "src")
    assert result["DOWNLOADED"] == len(local_names(target))
    again = run("download_project", {"PROJECT": project["id"], "OUTPUT": str(target), **credentials})
    assert (again["DOWNLOADED"], again["SKIPPED"]) == (0, len(local_names(target)))
    only_gpkg = run(
        "download_project",
        {"PROJECT": project["id"], "OUTPUT": str(tmp_path / "gpkg"), "FILTER": "*.gpkg", **credentials},
    )
    assert only_gpkg["FILES"] == "points.gpkg" and local_names(tmp_path / "gpkg") == ["points.gpkg"]


def test_download_keeps_the_previous_version_of_a_local_file_it_replaces(
    provider, alice, credentials, tmp_path, unique_name
):
    project = alice.create_project(unique_name)
    make_project_folder(tmp_path / "src", unique_name)
    alice.upload_files(project["id"], "project", str(tmp_path / "src"), throw_on_error=True)
    target = tmp_path / "out"
    run("download_project", {"PROJECT": project["id"], "OUTPUT": str(target), **credentials})
    qgs = target / (unique_name + ".qgs")
    qgs.write_text(qgs.read_text() + "<!-- my local edit -->")
    feedback = QgsProcessingFeedback()

    result = run("download_project", {"PROJECT": project["id"], "OUTPUT": str(target), **credentials}, feedback)

    assert result["FILES"] == unique_name + ".qgs"
    assert "my local edit" not in qgs.read_text()
    kept = list((target / ".qfieldcloud" / "trash").glob("*/" + unique_name + ".qgs"))
    assert len(kept) == 1 and "my local edit" in kept[0].read_text()
    assert "previous versions are in" in feedback.textLog()


def test_download_can_be_cancelled_and_leaves_the_folder_unchanged(provider, alice, credentials, tmp_path, unique_name):
    project = alice.create_project(unique_name)
    source = tmp_path / "src"
    source.mkdir()
    for i in range(20):
        (source / "data{:02}.bin".format(i)).write_bytes(os.urandom(400_000))
    alice.upload_files(project["id"], "project", str(source), throw_on_error=True)

    with pytest.raises(QgsProcessingException, match="Cancelled"):
        run(
            "download_project",
            {"PROJECT": project["id"], "OUTPUT": str(tmp_path / "out"), **credentials},
            CancelAfterFirstProgress(),
        )

    assert not (tmp_path / "out").exists() or local_names(tmp_path / "out") == []


def test_trigger_package_job_waits_until_finished(provider, alice, credentials, tmp_path, unique_name):
    project = alice.create_project(unique_name)
    make_project_folder(tmp_path / "src", unique_name)
    alice.upload_files(project["id"], "project", str(tmp_path / "src"), throw_on_error=True)

    result = run("trigger_job", {"PROJECT": project["id"], "JOB_TYPE": 0, **credentials})

    assert result["STATUS"] == "finished"
    assert alice.job_status(result["JOB_ID"])["type"] == "package"
    assert alice.package_latest(project["id"])["status"] == "finished"


def test_a_failed_job_fails_the_algorithm(provider, alice, credentials, unique_name):
    project = alice.create_project(unique_name)  # no project file: processing it fails
    with pytest.raises(QgsProcessingException, match="ended with status failed"):
        run("trigger_job", {"PROJECT": project["id"], "JOB_TYPE": 1, **credentials})


def test_waiting_for_a_job_can_be_cancelled(provider, alice, credentials, tmp_path, unique_name):
    project = alice.create_project(unique_name)
    make_project_folder(tmp_path / "src", unique_name)
    alice.upload_files(project["id"], "project", str(tmp_path / "src"), throw_on_error=True)
    feedback = QgsProcessingFeedback()
    feedback.cancel()
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        run("trigger_job", {"PROJECT": project["id"], "JOB_TYPE": 0, "FORCE": True, **credentials}, feedback)


def test_download_package_loads_its_layers(provider, alice, credentials, tmp_path, unique_name):
    project = alice.create_project(unique_name)
    make_project_folder(tmp_path / "src", unique_name, n_points=4)
    alice.upload_files(project["id"], "project", str(tmp_path / "src"), throw_on_error=True)
    alice.job_wait(alice.job_trigger(project["id"], "package")["id"], poll_interval=0.1)
    QgsProject.instance().clear()

    import processing

    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    result = processing.run(
        "qfieldcloud:download_package",
        {"PROJECT": "alice/" + unique_name, "OUTPUT": str(tmp_path / "pkg"), "LOAD": True, **credentials},
        context=context,
    )

    assert Path(result["PROJECT_FILE"]).is_file()
    assert Path(result["PROJECT_FILE"]).parent == tmp_path / "pkg"
    assert result["DOWNLOADED"] >= 2
    # What the toolbox adds to the project when the algorithm ends.
    to_load = context.layersToLoadOnCompletion()
    layers = result["LAYERS"]  # processing.run hands the layers themselves back
    assert sorted(to_load) == sorted(layer.id() for layer in layers)
    assert [layer.name() for layer in layers] == ["points"]
    assert [details.name for details in to_load.values()] == ["points"]
    assert layers[0].source().startswith(str(tmp_path / "pkg"))
    assert layers[0].isValid() and layers[0].featureCount() == 4
    QgsProject.instance().clear()


def test_download_package_without_folder_uses_the_plugin_package_folder(
    provider, alice, credentials, tmp_path, download_root, unique_name
):
    project = alice.create_project(unique_name)
    make_project_folder(tmp_path / "src", unique_name)
    alice.upload_files(project["id"], "project", str(tmp_path / "src"), throw_on_error=True)
    alice.job_wait(alice.job_trigger(project["id"], "package")["id"], poll_interval=0.1)

    result = run("download_package", {"PROJECT": project["id"], **credentials})

    assert Path(result["OUTPUT"]) == download_root / "alice" / unique_name
    assert Path(result["PROJECT_FILE"]).name == unique_name + "_qfield.qgs"


def test_download_package_before_any_package_fails(provider, alice, credentials, unique_name):
    project = alice.create_project(unique_name)
    with pytest.raises(QgsProcessingException):
        run("download_package", {"PROJECT": project["id"], "OUTPUT": "TEMPORARY_OUTPUT", **credentials})


def test_list_projects_writes_a_table(provider, alice, credentials, unique_name):
    project = alice.create_project(unique_name, description="listed")

    result = run("list_projects", {"OUTPUT": "memory:", **credentials})

    layer = result["OUTPUT"]
    if isinstance(layer, str):
        from qgis.core import QgsProcessingUtils

        layer = QgsProcessingUtils.mapLayerFromString(layer, None)
    rows = {f["id"]: f for f in layer.getFeatures()}
    assert result["COUNT"] == layer.featureCount() == len(alice.list_projects())
    row = rows[project["id"]]
    assert (row["owner"], row["name"], row["description"], row["user_role"]) == (
        "alice",
        unique_name,
        "listed",
        "admin",
    )


def test_token_from_the_environment(provider, alice, qfc_server, monkeypatch, clean_settings):
    monkeypatch.setenv("QFIELDCLOUD_TOKEN", alice.token)
    monkeypatch.setenv("QFIELDCLOUD_URL", qfc_server.url)
    result = run("list_projects", {"OUTPUT": "memory:"})
    assert result["COUNT"] == len(alice.list_projects())


def test_without_any_login_the_error_says_how_to_log_in(provider, monkeypatch, clean_settings):
    monkeypatch.delenv("QFIELDCLOUD_TOKEN", raising=False)
    with pytest.raises(QgsProcessingException, match="No QFieldCloud login"):
        run("list_projects", {"OUTPUT": "memory:"})


def test_the_remembered_login_is_used(provider, alice, qfc_server, monkeypatch, clean_settings):
    from qfieldcloud_plugin.core.auth import TokenStore
    from qfieldcloud_plugin.core.settings import Settings

    monkeypatch.delenv("QFIELDCLOUD_TOKEN", raising=False)
    monkeypatch.delenv("QFIELDCLOUD_URL", raising=False)
    TokenStore(Settings()).save(qfc_server.root_url, "alice", alice.token)
    result = run("list_projects", {"OUTPUT": "memory:"})
    assert result["COUNT"] == len(alice.list_projects())


def test_a_wrong_token_is_reported(provider, qfc_server, clean_settings):
    with pytest.raises(QgsProcessingException, match="session has expired"):
        run("list_projects", {"OUTPUT": "memory:", "TOKEN": "wrong", "SERVER_URL": qfc_server.root_url})


def test_an_algorithm_runs_as_a_step_of_a_processing_model(provider, alice, credentials, tmp_path, unique_name):
    """What the model designer builds: a model whose child is a QFieldCloud algorithm."""
    from qgis.core import (
        QgsProcessingModelAlgorithm,
        QgsProcessingModelChildAlgorithm,
        QgsProcessingModelChildParameterSource,
        QgsProcessingModelOutput,
    )

    alice.create_project(unique_name)
    model = QgsProcessingModelAlgorithm("cloud inventory", "tests")
    child = QgsProcessingModelChildAlgorithm("qfieldcloud:list_projects")
    child.setChildId("list")
    for name, value in credentials.items():
        child.addParameterSources(name, [QgsProcessingModelChildParameterSource.fromStaticValue(value)])
    output = QgsProcessingModelOutput("projects_table")
    output.setChildOutputName("OUTPUT")
    output.setChildId("list")
    child.setModelOutputs({"projects_table": output})
    model.addChildAlgorithm(child)
    model.updateDestinationParameters()
    table = tmp_path / "projects.csv"
    assert model.checkParameterValues({"list:projects_table": str(table)}, QgsProcessingContext())[0]

    import processing

    results = processing.run(model, {"list:projects_table": str(table)}, feedback=QgsProcessingFeedback())

    assert Path(results["list:projects_table"]) == table
    assert unique_name in table.read_text()


class RecordingFeedback(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.errors, self.warnings = [], []

    def reportError(self, error, fatalError=False):
        self.errors.append(error)

    def pushWarning(self, warning):
        self.warnings.append(warning)


def test_upload_checks_the_project_and_stops_on_what_would_reach_qfield_broken(
    provider, alice, credentials, tmp_path, unique_name
):
    from qgis.core import QgsVectorLayer

    from tests.test_core_project_check import write_points

    cloud = alice.create_project(unique_name)
    folder = tmp_path / "src"
    path = make_project_folder(folder, unique_name)
    outside = write_points(tmp_path / "shared" / "roads.gpkg", layer_name="roads")
    _add_layer_to(path, QgsVectorLayer(str(outside) + "|layername=roads", "roads", "ogr"))
    feedback = RecordingFeedback()

    with pytest.raises(QgsProcessingException, match="outside the project folder"):
        run("upload_project", {"PROJECT": cloud["id"], "FOLDER": str(folder), **credentials}, feedback)
    assert alice.list_remote_files(cloud["id"]) == []
    assert any("roads" in e and "outside the project folder" in e for e in feedback.errors)

    result = run(
        "upload_project", {"PROJECT": cloud["id"], "FOLDER": str(folder), "ACCEPT_BLOCKING": True, **credentials}
    )
    assert result["UPLOADED"] == len(local_names(folder))


def _add_layer_to(path, layer):
    """Add `layer` to the project file at `path`. In a function of its own: a QgsProject kept alive
    by a test's frame (pytest.raises keeps the frame in a reference cycle) would be deleted after
    QGIS has exited, which crashes QGIS 3.40."""
    project = QgsProject()
    assert project.read(str(path))
    project.addMapLayer(layer)
    assert project.write()
    project.clear()
