"""The job worker: moves jobs pending → queued → started → finished|failed on background threads.

Jobs of one project run one at a time (like QFieldCloud's worker wrapper); different projects run
in parallel. Each state lasts `Settings.job_step_seconds` so clients observe real transitions.
`process_projectfile` and `package` do real work on the stored files.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

from . import clock, qgis_project, serializers
from .settings import Settings
from .store import Store
from .uploads import copy_blob

# The real worker's own limit is far longer; the local one packages a few small files.
PACKAGER_TIMEOUT = 120

NO_QGIS_PROJECT = "The project does not contain a valid QGIS project file."


class JobWorker:
    def __init__(self, store: Store, settings: Settings, workers: int = 4) -> None:
        self.store = store
        self.settings = settings
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._executor = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="qfc-job")
        self._dispatcher = threading.Thread(target=self._dispatch_loop, name="qfc-job-dispatcher", daemon=True)
        self._handlers = {
            "process_projectfile": self._process_projectfile,
            "package": self._package,
            "delta_apply": self._delta_apply,
        }

    # -- lifecycle -------------------------------------------------------------------------------

    def start(self) -> None:
        """Jobs a previous process left running died with it, as QFieldCloud's cron would record."""
        now = clock.now()
        self.store.run(
            "UPDATE jobs SET status = 'failed', output = 'Job unexpectedly terminated.', updated_at = ?"
            " WHERE status IN ('queued', 'started')",
            now,
        )
        self._dispatcher.start()

    def stop(self) -> None:
        self._stopping.set()
        self._wake.set()
        self._dispatcher.join(timeout=5)
        self._executor.shutdown(wait=True, cancel_futures=True)

    # -- creating jobs ---------------------------------------------------------------------------

    def create(self, project_id: str, job_type: str, user_id: int) -> Dict[str, Any]:
        job_id = str(uuid.uuid4())
        now = clock.now()
        self.store.run(
            "INSERT INTO jobs (id, project_id, type, status, created_by, created_at, updated_at)"
            " VALUES (?, ?, ?, 'pending', ?, ?, ?)",
            job_id,
            project_id,
            job_type,
            user_id,
            now,
            now,
        )
        self._wake.set()
        return self.store.one("SELECT * FROM jobs WHERE id = ?", job_id)

    def active(self, project_id: str, job_type: str, user_id: Optional[int] = None) -> Optional[Dict[str, Any]]:
        """The newest pending/queued/started job of that type (and creator, if given)."""
        sql = "SELECT * FROM jobs WHERE project_id = ? AND type = ? AND status IN ('pending', 'queued', 'started')"
        args = [project_id, job_type]
        if user_id is not None:
            sql += " AND created_by = ?"
            args.append(user_id)
        return self.store.one(sql + " ORDER BY created_at DESC LIMIT 1", *args)

    def queue_processing(self, project_id: str, user: Dict[str, Any]) -> None:
        """After an upload: one `process_projectfile` per user at a time, as the real server does."""
        if self.active(project_id, "process_projectfile", user["id"]) is None:
            self.create(project_id, "process_projectfile", user["id"])

    # -- running jobs ----------------------------------------------------------------------------

    def _dispatch_loop(self) -> None:
        while not self._stopping.is_set():
            self._wake.wait(timeout=0.05)
            self._wake.clear()
            busy = {
                row["project_id"]
                for row in self.store.all("SELECT DISTINCT project_id FROM jobs WHERE status IN ('queued', 'started')")
            }
            for job in self.store.all("SELECT * FROM jobs WHERE status = 'pending' ORDER BY created_at, rowid"):
                if job["project_id"] in busy or self._stopping.is_set():
                    continue
                busy.add(job["project_id"])
                self._set(job["id"], status="queued")
                self._executor.submit(self._run, job)

    def _set(self, job_id: str, **columns: Any) -> None:
        columns["updated_at"] = clock.now()
        assignments = ", ".join(f"{name} = ?" for name in columns)
        self.store.run(f"UPDATE jobs SET {assignments} WHERE id = ?", *columns.values(), job_id)

    def _run(self, job: Dict[str, Any]) -> None:
        try:
            # a stop ends the wait: a server shutting down must not sit out a long --job-delay
            # (a job it leaves queued or started is failed at the next start, as the real one does)
            if self._stopping.wait(self.settings.job_step_seconds):
                return
            self._set(job["id"], status="started", started_at=clock.now())
            if self._stopping.wait(self.settings.job_step_seconds):
                return
            ok, feedback, output = self._handlers[job["type"]](job)
        except Exception as error:  # a crashed worker is a failed job, never a stuck one
            ok, feedback, output = False, None, f"Job failed: {error!r}"
        self._set(
            job["id"],
            status="finished" if ok else "failed",
            finished_at=clock.now(),
            feedback=json.dumps(feedback) if feedback is not None else None,
            output=output,
        )
        self._wake.set()

    def _qgis_file(self, project_id: str) -> Optional[Tuple[str, Any]]:
        """(name, blob path) of the project's current QGIS file, or None."""
        project = self.store.project(project_id)
        if project is None or not project["the_qgis_file_name"]:
            return None
        row = self.store.file(project_id, project["the_qgis_file_name"])
        if row is None:
            return None
        return row["name"], self.store.blob_path(self.store.versions(row["id"])[0]["id"])

    def _process_projectfile(self, job: Dict[str, Any]):
        """Reads the QGIS project and reports its layers; missing data files make layers invalid."""
        qgis_file = self._qgis_file(job["project_id"])
        if qgis_file is None:
            return False, None, NO_QGIS_PROJECT
        name, path = qgis_file
        try:
            feedback = qgis_project.describe(
                path, name, lambda data: self.store.file(job["project_id"], data) is not None
            )
        except qgis_project.InvalidProjectFile as error:
            return False, None, f"Invalid QGIS project file {name!r}: {error}"
        return True, feedback, f"Processed QGIS project {name!r}."

    def _package(self, job: Dict[str, Any]):
        """Packages as the real worker does (qfield_packager.py, with QGIS in a subprocess): the project's
        files are laid out in a work folder, converted, and the result stored as this job's package."""
        qgis_file = self._qgis_file(job["project_id"])
        if qgis_file is None:
            return False, None, NO_QGIS_PROJECT
        name, path = qgis_file
        try:
            root = qgis_project.read_xml(path)
        except qgis_project.InvalidProjectFile as error:
            return False, None, f"Invalid QGIS project file {name!r}: {error}"
        work = Path(tempfile.mkdtemp(prefix="package-", dir=str(self.store.package_dir)))
        try:
            source, output = work / "project", work / "package"
            rows = self.store.files_with_versions(job["project_id"])
            for row in rows:
                if not serializers.is_attachment(row["name"], serializers.ATTACHMENT_DIRS):
                    target = source / row["name"]
                    target.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(self.store.blob_path(row["versions"][0]["id"]), target)
            done = subprocess.run(
                [sys.executable, "-m", "tests.server.qfield_packager", str(source), name, str(output)],
                cwd=str(Path(__file__).resolve().parents[2]),
                env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
                capture_output=True,
                text=True,
                timeout=PACKAGER_TIMEOUT,
            )
            if done.returncode != 0:
                return False, None, (done.stderr.strip().splitlines() or ["Packaging failed."])[-1]
            packaged = self._store_package(job["id"], output)
        except subprocess.TimeoutExpired:
            return False, None, "Packaging took longer than {} s.".format(PACKAGER_TIMEOUT)
        finally:
            shutil.rmtree(work, ignore_errors=True)
        exists = {row["name"] for row in rows}
        layers = {
            layer.id: layer.to_feedback(is_valid=layer.filename is None or layer.filename in exists)
            for layer in qgis_project.layers(root, name)
        }
        self.store.touch_project(job["project_id"], data_last_packaged_at=clock.now())
        feedback = {"feedback_version": "2.0", "error": None, "outputs": {"qgis_layers_data": {"layers_by_id": layers}}}
        return True, feedback, f"Packaged {len(packaged)} files."

    def _store_package(self, job_id: str, output: Path) -> List[str]:
        package_dir = self.store.package_dir / job_id
        package_dir.mkdir(parents=True, exist_ok=True)
        names = sorted(p.relative_to(output).as_posix() for p in output.rglob("*") if p.is_file())
        for index, name in enumerate(names):
            blob = copy_blob(output / name, package_dir / str(index))
            self.store.run(
                "INSERT INTO package_files (job_id, name, blob, size, md5sum, sha256, uploaded_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                job_id,
                name,
                f"packages/{job_id}/{index}",
                blob.size,
                blob.md5sum,
                blob.sha256,
                clock.now(),
            )
        return names

    def _delta_apply(self, job: Dict[str, Any]):
        """Deltas are recorded as applied; the data files themselves are not edited."""
        count = self.store.run(
            "UPDATE deltas SET status = 'STATUS_APPLIED', updated_at = ? WHERE project_id = ?"
            " AND status IN ('STATUS_PENDING', 'STATUS_BUSY')",
            clock.now(),
            job["project_id"],
        )
        return True, {"feedback_version": "2.0", "applied": count}, f"Applied {count} deltas."
