"""Accounts from the command line, and the demo account with a real QGIS sample project."""

from pathlib import Path
from typing import Iterable, Tuple

from . import clock
from .jobs import JobWorker
from .store import PERSON, Store
from .uploads import copy_blob

DEMO_USER = ("demo", "qfieldcloud-demo")
DEMO_PROJECT = "demo-project"
# A .qgs whose point layer reads `./data.gpkg|layername=points`, so QGIS opens it valid.
DEMO_FILES_DIR = Path(__file__).with_name("demo")
DEMO_QGIS_FILE = "demo-project.qgs"


def ensure_accounts(store: Store, users: Iterable[Tuple[str, str]], orgs: Iterable[Tuple[str, str]]) -> None:
    """Creates `--user` people and `--org` organizations; safe to repeat on every start."""
    for username, password in users:
        store.ensure_person(username, password)
    for org_name, owner_name in orgs:
        owner = store.user_by_name(owner_name)
        if owner is None or owner["type"] != PERSON:
            raise SystemExit(f"--org {org_name}:{owner_name}: the owner must be a --user")
        store.ensure_organization(org_name, owner)


def ensure_demo(store: Store, worker: JobWorker) -> None:
    """The `demo` account owning `demo-project` with the sample files, once per data directory."""
    user = store.ensure_person(*DEMO_USER)
    if store.one("SELECT 1 FROM projects WHERE owner_id = ? AND name = ?", user["id"], DEMO_PROJECT):
        return
    project_id = "6d2e1f7a-3c4b-4e59-9a1d-2b7c8e9f0a11"
    now = clock.now()
    store.run(
        "INSERT INTO projects (id, owner_id, name, description, created_at, updated_at, data_last_updated_at,"
        " the_qgis_file_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        project_id,
        user["id"],
        DEMO_PROJECT,
        "A small QGIS project with a GeoPackage point layer.",
        now,
        now,
        now,
        DEMO_QGIS_FILE,
    )
    for source in sorted(DEMO_FILES_DIR.iterdir()):
        version_id = store.new_blob_id()
        blob = copy_blob(source, store.blob_path(version_id))
        store.add_version(
            project_id,
            source.name,
            {
                "id": version_id,
                "size": blob.size,
                "md5sum": blob.md5sum,
                "sha256": blob.sha256,
                "uploaded_at": clock.now(),
                "uploaded_by": user["id"],
            },
        )
    worker.create(project_id, "process_projectfile", user["id"])
