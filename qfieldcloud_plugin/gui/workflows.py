"""User-level actions (upload, package into the map, create, delete, jobs) as small flows.

A flow asks its questions through an injectable asker (see `asker.py`), runs the network
part in tasks through `CloudSession`, and reports in the QGIS message bar.
"""

from functools import partial
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional

from qgis.core import Qgis, QgsProject
from qgis.PyQt.QtCore import QObject, QTimer, pyqtSignal

from ..client import JobTypes, QfcRequestException
from ..client.models import TERMINAL_JOB_STATUSES
from ..core import downloads, file_states, layers, sync_execution, uploads
from ..core.log import log
from ..core.project_link import ProjectLink, package_of, project_folder, read_link, write_link
from ..core.session import CloudSession, user_message
from ..core.sync import SyncChoices, is_project_file
from ..core.sync_state import SyncStateStore
from .asker import MessageBoxAsker

MANAGER_ROLES = ("admin", "manager")
UPLOAD_ROLES = ("admin", "manager", "editor", "reporter")


def _file_list(names: List[str], shown: int = 15) -> str:
    """File names for a question, one per line, the rest as "…"."""
    return "\n".join(names[:shown]) + ("\n…" if len(names) > shown else "")


class CloudActions(QObject):
    """The plugin's actions; the dock and the toolbar call these."""

    projectCreated = pyqtSignal(dict)
    projectDeleted = pyqtSignal(str)
    projectLinked = pyqtSignal(dict)
    jobsChanged = pyqtSignal(str)
    uploadFinished = pyqtSignal(object)
    packageOpened = pyqtSignal(str)
    filesDownloaded = pyqtSignal(str, object)
    syncFinished = pyqtSignal(object)

    def __init__(self, iface, session: CloudSession, asker=None, parent: QObject = None) -> None:
        super().__init__(parent)
        self.iface = iface
        self.session = session
        self.asker = asker or MessageBoxAsker(iface.mainWindow())
        self.selected_project: Optional[Dict[str, Any]] = None
        self._job_watchers: List[QTimer] = []

    # --- helpers -------------------------------------------------------------------
    def notify(self, text: str, level=Qgis.MessageLevel.Info, duration: int = 8) -> None:
        self.iface.messageBar().pushMessage(self.tr("QFieldCloud"), text, level, duration)
        log(text, level)

    def stop(self) -> None:
        """Stop following jobs (plugin unload)."""
        for timer in self._job_watchers:
            timer.stop()
        self._job_watchers = []

    # --- projects ------------------------------------------------------------------
    def create_project(
        self, name: str, owner: str = "", description: str = "", is_public: bool = False, link_current: bool = False
    ) -> None:
        """Create a cloud project; with `link_current`, link the open QGIS project and upload it."""

        def created(project: Dict[str, Any]) -> None:
            self.notify(
                self.tr("Created the cloud project {name}.").format(name=project.get("name", name)),
                Qgis.MessageLevel.Success,
            )
            project.setdefault("user_role", "admin")
            self.projectCreated.emit(project)
            if link_current:
                self.link_current_project(project)
                self.upload_current_project()

        self.session.call(
            self.tr("Creating the cloud project {name}").format(name=name),
            lambda client, _task: client.create_project(
                name, owner=owner or None, description=description, is_public=is_public
            ),
            on_success=created,
        )

    def delete_project(self, project: Dict[str, Any]) -> None:
        """Delete after a confirmation that names the project."""
        full_name = "{}/{}".format(project.get("owner"), project.get("name"))
        if not self.asker.confirm(
            self.tr("Delete cloud project"),
            self.tr(
                "Delete the cloud project {name} and all its files from QFieldCloud? This cannot be undone."
            ).format(name=full_name),
        ):
            return

        def deleted(_response) -> None:
            self.notify(self.tr("Deleted the cloud project {name}.").format(name=full_name), Qgis.MessageLevel.Success)
            self.projectDeleted.emit(project["id"])

        self.session.call(
            self.tr("Deleting the cloud project {name}").format(name=full_name),
            lambda client, _task: client.delete_project(project["id"]),
            on_success=deleted,
        )

    def link_current_project(self, project: Dict[str, Any]) -> ProjectLink:
        link = ProjectLink(self.session.server_url, project["id"], project.get("owner", ""), project.get("name", ""))
        write_link(link)
        self.projectLinked.emit(project)
        return link

    # --- jobs ----------------------------------------------------------------------
    def trigger_job(self, project: Dict[str, Any], job_type: str, on_finished=None, quiet: bool = False) -> None:
        """Start a job, then follow it until it ends; `on_finished(job)` gets the final job."""

        def triggered(job: Dict[str, Any]) -> None:
            if not quiet:
                self.notify(
                    self.tr("Started a {job_type} job on {name}.").format(job_type=job_type, name=project["name"])
                )
            self.jobsChanged.emit(project["id"])
            self.follow_job(project, job, on_finished)

        self.session.call(
            self.tr("Starting a {job_type} job").format(job_type=job_type),
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
                        self.tr(
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
                self.tr("Checking a QFieldCloud job"),
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
            text = full_job.get("output") or self.tr("This job has no output.")
            self.asker.show_text(
                self.tr("Output of the {job_type} job").format(job_type=full_job.get("type", "")), text
            )

        self.session.call(
            self.tr("Loading the job output"), lambda client, _task: client.job_status(job["id"]), on_success=show
        )

    # --- what the dock shows of a project ----------------------------------------------
    def load_jobs(self, project_id: str, loaded: Callable[[List[Dict]], None], failed: Callable[[], None]) -> None:
        """The project's jobs, for `loaded`; a failure is said in the message bar, then `failed()`."""
        self._load(
            self.tr("Loading jobs"),
            lambda client, _task: client.list_jobs(project_id),
            self.tr("Could not load the jobs: {error}"),
            loaded,
            failed,
        )

    def load_file_states(
        self, project_id: str, folder: Optional[Path], loaded: Callable[[List[Dict]], None], failed: Callable[[], None]
    ) -> None:
        """The project's files, each compared with the linked local copy in `folder` (hashed in the task)."""
        self._load(
            self.tr("Comparing files"),
            lambda client, task: file_states.local_file_states(client, task, project_id, folder),
            self.tr("Could not load the files: {error}"),
            loaded,
            failed,
        )

    def load_collaborators(
        self, project_id: str, loaded: Callable[[List[Dict]], None], failed: Callable[[], None]
    ) -> None:
        """The project's collaborators, for `loaded`."""
        self._load(
            self.tr("Loading collaborators"),
            lambda client, _task: client.get_project_collaborators(project_id),
            self.tr("Could not load the collaborators: {error}"),
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

    # --- downloads -----------------------------------------------------------------
    def download_files(self, project: Dict[str, Any], folder: Optional[str] = None) -> None:
        """Download the project's files into a folder the user picks."""
        default = str(
            self.session.settings.package_dir(project["owner"], project["name"]).parent / (project["name"] + "-files")
        )
        folder = folder or self.asker.folder(self.tr("Download the project files into"), default)
        if not folder or not self._settle_layer_edits(Path(folder)):
            return

        def done(result: downloads.DownloadResult) -> None:
            files = result.files
            failed = [f for f in files if f.get("error")]
            skipped = [f for f in files if f.get("skipped")]
            text = self.tr(
                "Downloaded {name} into {folder}: {done} downloaded, {skipped} unchanged, {failed} failed."
            ).format(
                name=project["name"],
                folder=folder,
                done=len(files) - len(failed) - len(skipped),
                skipped=len(skipped),
                failed=len(failed),
            )
            replaced = [f["name"] for f in files if not f.get("error") and not f.get("skipped")]
            text += self._backup_note(result) + self._reload_layers(Path(folder), replaced)
            self.notify(text, Qgis.MessageLevel.Warning if failed else Qgis.MessageLevel.Success)
            for file in failed:
                log("{}: {}".format(file["name"], file["error"]), Qgis.MessageLevel.Warning)
            self.filesDownloaded.emit(folder, files)

        def download() -> None:
            Path(folder).mkdir(parents=True, exist_ok=True)
            self.session.call(
                self.tr("Downloading {name}").format(name=project["name"]),
                partial(downloads.download_project, project_id=project["id"], local_dir=Path(folder)),
                on_success=done,
                transfer=True,
            )

        self._confirm_replacing(project, Path(folder), False, download)

    def _confirm_replacing(
        self, project: Dict[str, Any], local_dir: Path, package: bool, then: Callable[[], None]
    ) -> None:
        """Run `then()` unless the download would replace differing local files and the user says no.

        The comparison (listing and hashing) runs in a task; an empty or new folder needs none.
        """
        if not local_dir.is_dir() or not any(local_dir.iterdir()):
            then()
            return

        def compared(names: List[str]) -> None:
            if names and not self.asker.confirm(
                self.tr("Replace local files?"),
                self.tr(
                    "These files in {folder} differ from QFieldCloud and will be replaced by its version:\n"
                    "{files}\n\nYour versions will be kept in {trash}. Replace them?"
                ).format(folder=str(local_dir), files=_file_list(names), trash=str(downloads.trash_root(local_dir))),
            ):
                self.notify(self.tr("Nothing was downloaded: your local files are unchanged."))
                return
            then()

        self.session.call(
            self.tr("Comparing {folder} with {name}").format(folder=str(local_dir), name=project["name"]),
            partial(downloads.replaced_by_download, project_id=project["id"], local_dir=local_dir, package=package),
            on_success=compared,
        )

    def _settle_layer_edits(self, folder: Path) -> bool:
        """Save or discard the unsaved edits of layers on files in `folder`, as the user says; False to stop.

        A transfer may replace or send those files: edits still in QGIS would be lost, or
        written later over the new file.
        """
        pending = layers.with_pending_edits(layers.layers_in(folder))
        if not pending:
            return True
        names = ", ".join(sorted(layer.name() for layer in pending))
        choice = self.asker.choose(
            self.tr("Unsaved layer edits"),
            self.tr(
                "These layers have edits that are not saved to their files yet: {layers}.\n\n"
                "QFieldCloud may replace or send those files. Save the edits first, or discard them?"
            ).format(layers=names),
            [self.tr("Save the edits"), self.tr("Discard the edits")],
        )
        if choice is None:
            self.notify(
                self.tr("Nothing was transferred: {layers} still have unsaved edits.").format(layers=names),
                Qgis.MessageLevel.Warning,
            )
            return False
        for layer in pending:
            done = layer.commitChanges() if choice == 0 else layer.rollBack()
            if not done:
                self.notify(
                    self.tr("Could not save the edits of {layer}: {errors}").format(
                        layer=layer.name(), errors="; ".join(layer.commitErrors())
                    ),
                    Qgis.MessageLevel.Critical,
                )
                return False
        return True

    def _reload_layers(self, folder: Path, names: List[str]) -> str:
        """Reload the layers that read a replaced file; a note naming them for the message bar."""
        reloaded = layers.reload_layers(layers.layers_using(folder, names))
        if not reloaded:
            return ""
        return " " + self.tr("Reloaded the layers {layers}.").format(layers=", ".join(sorted(reloaded)))

    def _backup_note(self, result: "downloads.DownloadResult") -> str:
        if not result.backed_up:
            return ""
        return " " + self.tr("Your previous versions of {count} replaced files are in {folder}.").format(
            count=len(result.backed_up), folder=str(result.backup)
        )

    def download_package(self, project: Dict[str, Any], fresh: bool = False) -> None:
        """Open the project's latest package in the map; package it first if needed or asked."""
        if fresh:
            self.trigger_job(project, JobTypes.PACKAGE.value, lambda job: self._after_package_job(project, job))
            return

        def checked(package: Optional[Dict[str, Any]]) -> None:
            finished = package is not None and package.get("status") == "finished"
            outdated = finished and bool(project.get("needs_repackaging"))
            if not finished:
                self.notify(
                    self.tr("{name} has no finished package yet: packaging it now.").format(name=project["name"])
                )
                self.trigger_job(
                    project, JobTypes.PACKAGE.value, lambda job: self._after_package_job(project, job), quiet=True
                )
            elif outdated and self.asker.confirm(
                self.tr("Package out of date"),
                self.tr("The data of {name} changed since it was last packaged. Create a fresh package first?").format(
                    name=project["name"]
                ),
            ):
                self.trigger_job(project, JobTypes.PACKAGE.value, lambda job: self._after_package_job(project, job))
            else:
                self._download_package(project)

        def latest(client, _task) -> Optional[Dict[str, Any]]:
            try:
                return client.package_latest(project["id"])
            except QfcRequestException as error:
                if error.status_code in (400, 404):  # 400 invalid_job: never packaged
                    return None
                raise

        self.session.call(
            self.tr("Checking the package of {name}").format(name=project["name"]), latest, on_success=checked
        )

    def _after_package_job(self, project: Dict[str, Any], job: Dict[str, Any]) -> None:
        if job.get("status") == "finished":
            self._download_package(project)

    def _download_package(self, project: Dict[str, Any]) -> None:
        local_dir = self.session.settings.package_dir(project["owner"], project["name"])
        local_dir.mkdir(parents=True, exist_ok=True)
        current = QgsProject.instance().fileName()
        package_is_open = bool(current) and Path(current).resolve().is_relative_to(local_dir.resolve())
        # Saved edits of an open package are local work: settle them before comparing with the server.
        if package_is_open and not (
            self._settle_layer_edits(local_dir) and self._settle_unsaved_changes(project.get("name", ""), local_dir)
        ):
            return

        def downloaded(result: downloads.DownloadResult) -> None:
            project_file = file_states.find_project_file(local_dir, [f["name"] for f in result.files])
            if result.backed_up:
                self.notify(self._backup_note(result).strip(), Qgis.MessageLevel.Warning, 15)
            if project_file is None:
                self.notify(
                    self.tr("The package of {name} holds no QGIS project.").format(name=project["name"]),
                    Qgis.MessageLevel.Warning,
                )
                return
            self.open_project_file(project_file, project)

        def download() -> None:
            if package_is_open and QgsProject.instance().fileName() == current:
                # Close the package before its files are replaced (Windows locks open files).
                self.iface.newProject()
            self.session.call(
                self.tr("Downloading the package of {name}").format(name=project["name"]),
                partial(downloads.download_package, project_id=project["id"], local_dir=local_dir),
                on_success=downloaded,
                transfer=True,
            )

        self._confirm_replacing(project, local_dir, True, download)

    def _settle_unsaved_changes(self, name: str, folder: Path) -> bool:
        """Ask what to do with unsaved changes of the open project; False when the user cancels."""
        current = QgsProject.instance()
        if not current.isDirty():
            return True
        choice = self.asker.choose(
            self.tr("Unsaved changes"),
            self.tr("The current project has unsaved changes. Save them before opening {name}?").format(name=name),
            [self.tr("Save and open"), self.tr("Discard changes and open")],
        )
        if choice is None:
            self.notify(
                self.tr("The package of {name} was not opened; it is in {folder}.").format(
                    name=name, folder=str(folder)
                )
            )
            return False
        if choice == 0 and not current.write():
            self.notify(
                self.tr("Could not save the current project: {error}").format(error=current.error()),
                Qgis.MessageLevel.Critical,
            )
            return False
        current.setDirty(False)
        return True

    def open_project_file(self, path: Path, project: Dict[str, Any]) -> bool:
        """Open `path` in QGIS, asking first what to do with unsaved changes."""
        if not self._settle_unsaved_changes(project.get("name", path.name), path.parent):
            return False
        self.iface.addProject(str(path))
        layers = list(QgsProject.instance().mapLayers().values())
        invalid = [layer.name() for layer in layers if not layer.isValid()]
        if invalid:
            self.notify(
                self.tr("Opened {name}, but these layers are invalid: {layers}").format(
                    name=project.get("name", path.name), layers=", ".join(invalid)
                ),
                Qgis.MessageLevel.Warning,
            )
        else:
            self.notify(
                self.tr("Opened the package of {name}: %n layer(s).", "", len(layers)).format(
                    name=project.get("name", path.name)
                ),
                Qgis.MessageLevel.Success,
            )
        self.packageOpened.emit(str(path))
        return True

    # --- upload and synchronize -----------------------------------------------------
    def _linked_saved_project(self, must_save: bool) -> Optional[ProjectLink]:
        """The open project's link, once it is saved and linked (asking the user); None to stop.

        With `must_save`, unsaved changes must be saved first (a sync may replace the project file).
        """
        project = QgsProject.instance()
        if not project.fileName():
            self.notify(
                self.tr("Save the QGIS project to a file first: its folder is what gets uploaded."),
                Qgis.MessageLevel.Warning,
            )
            return None
        if package_of(project_folder()) is not None:
            self.notify(
                self.tr(
                    "This is a QFieldCloud package, the offline copy QField uses, not your project: it "
                    "is never uploaded or synchronized. Open the project you uploaded, or get a working "
                    'copy with "Download files…" in the QFieldCloud dock, and upload or synchronize '
                    "from there."
                ),
                Qgis.MessageLevel.Warning,
                15,
            )
            return None
        link = read_link(project)
        if link is None:
            link = self._ask_for_link()
            if link is None:
                return None
        if project.isDirty():
            if must_save:
                if not self.asker.confirm(
                    self.tr("Save the project"),
                    self.tr(
                        "The project has unsaved changes. Save it before synchronizing? Synchronizing may "
                        "replace the project file with the QFieldCloud version."
                    ),
                ):
                    self.notify(self.tr("Synchronization cancelled: save the project first."))
                    return None
            elif not self.asker.confirm(
                self.tr("Save the project"),
                self.tr(
                    "The project has unsaved changes. Save it before uploading? Otherwise the last saved "
                    "version is uploaded."
                ),
            ):
                self.notify(self.tr("Uploading the last saved version of the project."))
                return link
            if not project.write():
                self.notify(
                    self.tr("Could not save the project: {error}").format(error=project.error()),
                    Qgis.MessageLevel.Critical,
                )
                return None
        return link

    def upload_current_project(self) -> None:
        """Upload the open project's folder to its linked cloud project (asking to link or save first)."""
        link = self._linked_saved_project(must_save=False)
        if link is None:
            return
        folder = project_folder()
        if not self._settle_layer_edits(folder):
            return
        self.session.call(
            self.tr("Comparing {folder} with {name}").format(folder=folder.name, name=link.full_name),
            partial(uploads.prepare_upload, project_id=link.project_id, folder=folder),
            on_success=lambda preparation: self._upload_prepared(link, preparation),
            transfer=True,
        )

    def sync_current_project(self) -> None:
        """Compare the open project's folder, the server and the last sync; show the plan, then apply it."""
        link = self._linked_saved_project(must_save=True)
        if link is None:
            return
        folder = project_folder()
        if not self._settle_layer_edits(folder):
            self.syncFinished.emit(None)
            return

        failed = self._stopped(self.tr("Synchronization of {name} stopped: {error}"), link, self.syncFinished)

        self.session.call(
            self.tr("Comparing {folder} with {name}").format(folder=folder.name, name=link.full_name),
            partial(sync_execution.prepare_sync, project_id=link.project_id, folder=folder),
            on_success=lambda preparation: self._sync_prepared(link, preparation),
            on_error=failed,
            transfer=True,
        )

    def _sync_prepared(self, link: ProjectLink, preparation: sync_execution.SyncPreparation) -> None:
        if preparation.unflushed:
            self.notify(
                self.tr("Could not flush recent edits of {files}; stop editing those layers and retry.").format(
                    files=", ".join(preparation.unflushed)
                ),
                Qgis.MessageLevel.Warning,
            )
        choices = SyncChoices()
        if preparation.plan.needs_confirmation:
            answer = self.asker.review_sync(link.full_name, preparation.plan)
            if answer is None:
                self.notify(self.tr("Synchronization cancelled: nothing was changed."))
                self.syncFinished.emit(None)
                return
            choices = answer

        def synced(result: sync_execution.SyncResult) -> None:
            text = self.tr(
                "Synchronized {name}: {uploaded} uploaded, {downloaded} downloaded, {deleted_local} "
                "deleted here, {deleted_remote} deleted on QFieldCloud, {failed} failed."
            ).format(
                name=link.full_name,
                uploaded=len(result.uploaded),
                downloaded=len(result.downloaded),
                deleted_local=len(result.deleted_local),
                deleted_remote=len(result.deleted_remote),
                failed=len(result.failed),
            )
            if result.kept_both:
                text += " " + self.tr("QFieldCloud's copies kept beside yours: {files}.").format(
                    files=", ".join(sorted(result.kept_both.values()))
                )
            if result.trash is not None:
                text += " " + self.tr("Replaced and deleted local files were moved to {folder}.").format(
                    folder=str(result.trash)
                )
            if result.failed:
                text += " " + _failures(result.failed)
            text += self._reload_layers(preparation.folder, result.downloaded)
            self.notify(text, Qgis.MessageLevel.Warning if result.failed else Qgis.MessageLevel.Success, 15)
            self._reload_if_replaced(preparation.folder, result)
            self.jobsChanged.emit(link.project_id)
            self.syncFinished.emit(result)

        failed = self._stopped(self.tr("Synchronization of {name} stopped: {error}"), link, self.syncFinished)

        self.session.call(
            self.tr("Synchronizing {name}").format(name=link.full_name),
            partial(sync_execution.execute_sync, preparation=preparation, choices=choices),
            on_success=synced,
            on_error=failed,
            transfer=True,
        )

    def _stopped(self, template: str, link: ProjectLink, finished: Any) -> Callable[[BaseException], bool]:
        """The error handler of a transfer task: say why it stopped (`template`, already translated,
        with {name} and {error}), then end the flow with the error on `finished`."""

        def failed(error: BaseException) -> bool:
            message = template.format(name=link.full_name, error=user_message(error, self.session.server_url))
            self.notify(message, Qgis.MessageLevel.Warning)
            finished.emit(error)
            return True

        return failed

    def _reload_if_replaced(self, folder: Path, result: sync_execution.SyncResult) -> None:
        """Reopen the open project when the sync replaced its file (it was saved before the sync)."""
        project = QgsProject.instance()
        if not project.fileName():
            return
        path = Path(project.fileName()).resolve()
        replaced = [n for n in result.downloaded if is_project_file(n) and (folder / n).resolve() == path]
        if not replaced:
            return
        if project.isDirty():
            self.notify(
                self.tr(
                    "The project file was updated from QFieldCloud; reopen it to see the changes "
                    "(your unsaved changes are still in the open project)."
                ),
                Qgis.MessageLevel.Warning,
            )
            return
        self.iface.addProject(str(path))

    def _ask_for_link(self) -> Optional[ProjectLink]:
        project = QgsProject.instance()
        name = "".join(c if c.isalnum() or c in "-_." else "_" for c in (project.baseName() or "project"))
        options = [self.tr("Create the cloud project {name}").format(name=name)]
        selected = self.selected_project
        if selected is not None:
            options.append(self.tr("Link to {owner}/{name}").format(owner=selected["owner"], name=selected["name"]))
        choice = self.asker.choose(
            self.tr("Link to QFieldCloud"),
            self.tr("This project is not linked to a QFieldCloud project yet."),
            options,
        )
        if choice == 0:
            self.create_project(name, description=project.title(), link_current=True)
        elif choice == 1:
            return self.link_current_project(selected)
        return None

    def _ask_upload_conflicts(self, link: ProjectLink, preparation: uploads.UploadPreparation) -> Optional[List[str]]:
        """Ask about each file changed on QFieldCloud too; the ones to leave as they are, None to cancel.

        One question per file, and the choice that loses nothing (keep QFieldCloud's) is the default.
        """
        base = SyncStateStore(preparation.folder).load(link.project_id) or {}
        kept = []
        for name in preparation.plan.conflicts:
            if name in base:
                text = self.tr("{file} changed on QFieldCloud since your last sync, and here too.")
            else:
                text = self.tr("{file} differs on QFieldCloud and was never synced from this computer.")
            text = (
                text.format(file=name)
                + "\n\n"
                + self.tr(
                    "Keep QFieldCloud's version: nothing is uploaded for this file, and yours stays here; Synchronize "
                    "can then settle it. Overwrite it with mine: your file replaces QFieldCloud's, which stays in the "
                    "file's version history on QFieldCloud."
                )
            )
            choice = self.asker.choose(
                self.tr("Changed on QFieldCloud"),
                text,
                [self.tr("Keep QFieldCloud's version"), self.tr("Overwrite it with mine")],
            )
            if choice is None:
                return None
            if choice == 0:
                kept.append(name)
        return kept

    def _upload_prepared(self, link: ProjectLink, preparation: uploads.UploadPreparation) -> None:
        plan = preparation.plan
        if preparation.unflushed:
            self.notify(
                self.tr("Could not flush recent edits of {files}; stop editing those layers and retry.").format(
                    files=", ".join(preparation.unflushed)
                ),
                Qgis.MessageLevel.Warning,
            )
        names = list(plan.upload)
        kept = self._ask_upload_conflicts(link, preparation)
        if kept is None:
            self.notify(self.tr("Upload cancelled: nothing was uploaded."))
            return
        names += [n for n in plan.conflicts if n not in kept]
        if plan.server_newer:
            self.notify(
                self.tr(
                    "Not uploaded, changed or deleted only on QFieldCloud: {files}. Use Synchronize to "
                    "bring those changes here."
                ).format(files=", ".join(plan.server_newer[:10]))
            )
        if not names:
            unchanged = uploads.record_unchanged(preparation, link.project_id)
            if kept:
                self.notify(
                    self.tr(
                        "Nothing was uploaded. These files differ from QFieldCloud and were left as they "
                        "are on both sides: {files}. Use Synchronize to settle them."
                    ).format(files=", ".join(kept)),
                    Qgis.MessageLevel.Warning,
                    15,
                )
            else:
                self.notify(
                    self.tr("{name} is up to date: {skipped} files unchanged.").format(
                        name=link.full_name, skipped=len(plan.skipped)
                    ),
                    Qgis.MessageLevel.Success,
                )
            self.uploadFinished.emit(unchanged)
            return

        def uploaded(result: uploads.UploadResult) -> None:
            text = self.tr("Uploaded {name}: {uploaded} uploaded, {skipped} unchanged, {failed} failed.").format(
                name=link.full_name,
                uploaded=len(result.uploaded),
                skipped=len(result.skipped),
                failed=len(result.failed),
            )
            if kept:
                text += " " + self.tr("Left as they are on QFieldCloud, and different from yours: {files}.").format(
                    files=", ".join(kept)
                )
            if result.failed:
                text += " " + _failures(result.failed)
            self.notify(text, Qgis.MessageLevel.Warning if result.failed else Qgis.MessageLevel.Success, 15)
            self.jobsChanged.emit(link.project_id)
            self.uploadFinished.emit(result)

        failed = self._stopped(self.tr("Upload of {name} stopped: {error}"), link, self.uploadFinished)

        self.session.call(
            self.tr("Uploading {name}").format(name=link.full_name),
            partial(uploads.upload, project_id=link.project_id, preparation=preparation, names=names),
            on_success=uploaded,
            on_error=failed,
            transfer=True,
        )


def _failures(failed: Dict[str, str]) -> str:
    """The first five failed files and why, for a message."""
    return "; ".join("{}: {}".format(name, error) for name, error in sorted(failed.items())[:5])
