"""The QFieldCloud algorithms headless: `qgis_process run qfieldcloud:<algorithm> -- ...` as a subprocess.

The plugin is installed from its zip into a throw-away profile (HOME) and enabled with
`qgis_process plugins enable`; the token comes from QFIELDCLOUD_TOKEN, as on a server.
"""

import csv
import json
import os
import shutil
import subprocess
import zipfile

import pytest

from qfieldcloud_plugin.client import Client
from scripts.plugin_zip import build
from tests.support.qgis_plugin_env import local_names, make_project_folder

# Debian's /usr/bin/qgis_process wrapper adds --noversioncheck, which qgis_process itself refuses.
QGIS_PROCESS = shutil.which("qgis_process.bin") or shutil.which("qgis_process") or "/usr/bin/qgis_process"


@pytest.fixture(scope="module")
def qgis_process_env(tmp_path_factory):
    """Environment of a qgis_process with the plugin installed from the zip and enabled."""
    root = tmp_path_factory.mktemp("qgis-process")
    plugins = root / "plugins"
    zipfile.ZipFile(build(root / "qfieldcloud_plugin.zip")).extractall(plugins)
    env = {k: v for k, v in os.environ.items() if not k.startswith("QFIELDCLOUD_")}
    env.update(
        {
            "HOME": str(root / "home"),
            "QGIS_PLUGINPATH": str(plugins),
            "QT_QPA_PLATFORM": "offscreen",
            "XDG_RUNTIME_DIR": str(root / "runtime"),
        }
    )
    env.pop("QGIS_CUSTOM_CONFIG_PATH", None)
    (root / "runtime").mkdir(mode=0o700)
    enabled = subprocess.run(
        [QGIS_PROCESS, "plugins", "enable", "qfieldcloud_plugin"], env=env, capture_output=True, text=True, timeout=120
    )
    assert enabled.returncode == 0, enabled.stdout + enabled.stderr
    return env


@pytest.fixture
def alice(qfc_server):
    client = Client(url=qfc_server.url, token="")
    client.login("alice", "alice-secret-1")
    return client


def qgis_process(env, *args, token=None, url=None):
    run_env = dict(env)
    if token:
        run_env.update({"QFIELDCLOUD_TOKEN": token, "QFIELDCLOUD_URL": url})
    return subprocess.run(
        [QGIS_PROCESS, "--json", "run", *args], env=run_env, capture_output=True, text=True, timeout=180
    )


def results(finished):
    assert finished.returncode == 0, finished.stdout[-3000:] + finished.stderr[-3000:]
    return json.loads(finished.stdout[finished.stdout.index("{") :])["results"]


def test_algorithms_are_listed(qgis_process_env):
    listed = subprocess.run([QGIS_PROCESS, "list"], env=qgis_process_env, capture_output=True, text=True, timeout=120)
    for algorithm in ("upload_project", "download_project", "trigger_job", "download_package", "list_projects"):
        assert "qfieldcloud:" + algorithm in listed.stdout


def test_list_projects_writes_a_csv(qgis_process_env, qfc_server, alice, tmp_path, unique_name):
    project = alice.create_project(unique_name)
    output = tmp_path / "projects.csv"

    result = results(
        qgis_process(
            qgis_process_env,
            "qfieldcloud:list_projects",
            "--",
            "OUTPUT=" + str(output),
            token=alice.token,
            url=qfc_server.url,
        )
    )

    assert result["COUNT"] == len(alice.list_projects())
    with open(output, newline="", encoding="utf-8") as table:
        rows = {row["id"]: row for row in csv.DictReader(table)}
    assert (rows[project["id"]]["owner"], rows[project["id"]]["name"]) == ("alice", unique_name)


def test_upload_project_folder(qgis_process_env, qfc_server, alice, tmp_path, unique_name):
    project = alice.create_project(unique_name)
    folder = tmp_path / "src"
    make_project_folder(folder, unique_name)

    result = results(
        qgis_process(
            qgis_process_env,
            "qfieldcloud:upload_project",
            "--",
            "PROJECT=alice/" + unique_name,
            "FOLDER=" + str(folder),
            token=alice.token,
            url=qfc_server.url,
        )
    )

    assert result["UPLOADED"] == len(local_names(folder))
    assert sorted(f["name"] for f in alice.list_remote_files(project["id"])) == local_names(folder)


def test_token_as_a_parameter_and_a_bad_project_fails(qgis_process_env, qfc_server, alice, tmp_path):
    finished = qgis_process(
        qgis_process_env,
        "qfieldcloud:download_project",
        "--",
        "PROJECT=alice/nope",
        "OUTPUT=" + str(tmp_path / "out"),
        "TOKEN=" + alice.token,
        "SERVER_URL=" + qfc_server.root_url,
    )
    assert finished.returncode != 0
    assert "No QFieldCloud project alice/nope" in finished.stdout + finished.stderr


def test_without_a_token_the_error_says_how_to_log_in(qgis_process_env):
    finished = qgis_process(qgis_process_env, "qfieldcloud:list_projects", "--", "OUTPUT=TEMPORARY_OUTPUT")
    assert finished.returncode != 0
    assert "No QFieldCloud login" in finished.stdout + finished.stderr
