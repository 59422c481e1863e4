"""Flows of projects and jobs: create, delete, link, trigger and follow jobs, and what the dock
shows of a project (its jobs, files and collaborators)."""

from pathlib import Path
from typing import Any, Callable, Dict, List, Optional

from qgis.core import Qgis
from qgis.PyQt.QtCore import QTimer

from ..client.models import TERMINAL_JOB_STATUSES
from ..core import file_states
from ..core.project_link import ProjectLink, write_link
from ..core.session import user_message
from ..core.translation import tr


class ProjectFlows:
    """Mixed into `CloudActions` (workflows.py), whose signals, `session`, `asker`, `iface` and
    `notify` it uses."""

    def create_project(
        self, name: str, owner: str = "", description: str = "", is_public: bool = False, link_current: bool = False
    ) -> None:
        """Create a cloud project; with `link_current`, link the open QGIS project and upload it."""

        def created(project: Dict[str, Any]) -> None:
            self.notify(
                tr("Created the cloud project {name}.").format(name=project.get("name", name)),
                Qgis.MessageLevel.Success,
            )
            project.setdefault("user_role", "admin")
            self.projectCreated.emit(project)
            if link_current:
                self.link_current_project(project)
                self.upload_current_project()

        self.session.call(
            tr("Creating the cloud project {name}").format(name=name),
            lambda client, _task: client.create_project(
                name, owner=owner or None, description=description, is_public=is_public
            ),
            on_success=created,
        )

    def delete_project(self, project: Dict[str, Any]) -> None:
        """Delete after a confirmation that names the project."""
        full_name = "{}/{}".format(project.get("owner"), project.get("name"))
        if not self.asker.confirm(
            tr("Delete cloud project"),
            tr("Delete the cloud project {name} and all its files from QFieldCloud? This cannot be undone.").format(
                name=full_name
            ),
        ):
            return

        def deleted(_response) -> None:
            self.notify(tr("Deleted the cloud project {name}.").format(name=full_name), Qgis.MessageLevel.Success)
            self.projectDeleted.emit(project["id"])

        self.session.call(
            tr("Deleting the cloud project {name}").format(name=full_name),
            lambda client, _task: client.delete_project(project["id"]),
            on_success=deleted,
        )

    def link_current_project(self, project: Dict[str, Any]) -> ProjectLink:
        link = ProjectLink(self.session.server_url, project["id"], project.get("owner", ""), project.get("name", ""))
        write_link(link)
        self.projectLinked.emit(project)
        return link

    def trigger_job(self, project: Dict[str, Any], job_type: str, on_finished=None, quiet: bool = False) -> None:
        """Start a job, then follow it until it ends; `on_finished(job)` gets the final job."""

        def triggered(job: Dict[str, Any]) -> None:
            if not quiet:
                self.notify(tr("Started a {job_type} job on {name}.").format(job_type=job_type, name=project["name"]))
            self.jobsChanged.emit(project["id"])
            self.follow_job(project, job, on_finished)

        self.session.call(
            tr("Starting a {job_type} job").format(job_type=job_type),
            lambda client, _task: client.job_trigger(project["id"], job_type),
            on_success=triggered,
        )

    def follow_job(self, project: Dict[str, Any], job: Dict[str, Any], on_finished=None) -> None:
        """Poll `job` with a timer (each poll is a task) until it reaches a terminal status."""
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(self.session.settings.job_poll_interval_ms)
        self._job_watchers.append(timer)

        def check(current: Dict[str, Any]) -> None:
            if timer not in self._job_watchers:
                return
            if current.get("status") in TERMINAL_JOB_STATUSES:
                self._job_watchers.remove(timer)
                self.jobsChanged.emit(project["id"])
                if current.get("status") == "failed":
                    self.notify(
                        tr(
                            "The {job_type} job of {name} failed. Select it in the Jobs tab and "
                            'click "Show output" for details.'
                        ).format(job_type=current.get("type"), name=project["name"]),
                        Qgis.MessageLevel.Warning,
                    )
                if on_finished is not None:
                    on_finished(current)
                return
            timer.start()

        def poll() -> None:
            self.session.call(
                tr("Checking a QFieldCloud job"),
                lambda client, _task: client.job_status(job["id"]),
                on_success=check,
                on_error=lambda _error: self._stop_watching(timer),
            )

        timer.timeout.connect(poll)
        check(job)

    def _stop_watching(self, timer: QTimer) -> bool:
        if timer in self._job_watchers:
            self._job_watchers.remove(timer)
        return False

    def show_job_output(self, job: Dict[str, Any]) -> None:
        def show(full_job: Dict[str, Any]) -> None:
            text = full_job.get("output") or tr("This job has no output.")
            self.asker.show_text(tr("Output of the {job_type} job").format(job_type=full_job.get("type", "")), text)

        self.session.call(
            tr("Loading the job output"), lambda client, _task: client.job_status(job["id"]), on_success=show
        )

    def load_jobs(self, project_id: str, loaded: Callable[[List[Dict]], None], failed: Callable[[], None]) -> None:
        """The project's jobs, for `loaded`; a failure is said in the message bar, then `failed()`."""
        self._load(
            tr("Loading jobs"),
            lambda client, _task: client.list_jobs(project_id),
            tr("Could not load the jobs: {error}"),
            loaded,
            failed,
        )

    def load_file_states(
        self, project_id: str, folder: Optional[Path], loaded: Callable[[List[Dict]], None], failed: Callable[[], None]
    ) -> None:
        """The project's files, each compared with the linked local copy in `folder` (hashed in the task)."""
        self._load(
            tr("Comparing files"),
            lambda client, task: file_states.local_file_states(client, task, project_id, folder),
            tr("Could not load the files: {error}"),
            loaded,
            failed,
        )

    def load_collaborators(
        self, project_id: str, loaded: Callable[[List[Dict]], None], failed: Callable[[], None]
    ) -> None:
        """The project's collaborators, for `loaded`."""
        self._load(
            tr("Loading collaborators"),
            lambda client, _task: client.get_project_collaborators(project_id),
            tr("Could not load the collaborators: {error}"),
            loaded,
            failed,
        )

    def _load(
        self,
        description: str,
        fn: Callable,
        failure: str,
        loaded: Callable[[Any], None],
        failed: Callable[[], None],
    ) -> None:
        def on_error(error: BaseException) -> bool:
            self.notify(failure.format(error=user_message(error, self.session.server_url)), Qgis.MessageLevel.Warning)
            failed()
            return True

        self.session.call(description, fn, on_success=loaded, on_error=on_error)
