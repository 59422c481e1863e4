"""Flows that bring cloud files here: a project's files into a folder, the package into the map,
with the questions that protect local work first."""

from functools import partial
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional

from qgis.core import Qgis, QgsProject

from ..client import JobTypes, QfcRequestException
from ..core import downloads, file_states, layers
from ..core.log import log
from ..core.translation import tr


class DownloadFlows:
    """Mixed into `CloudActions` (workflows.py), whose signals, `session`, `asker`, `iface` and
    `notify` it uses."""

    def download_files(self, project: Dict[str, Any], folder: Optional[str] = None) -> None:
        """Download the project's files into a folder the user picks."""
        default = str(
            self.session.settings.package_dir(project["owner"], project["name"]).parent / (project["name"] + "-files")
        )
        folder = folder or self.asker.folder(tr("Download the project files into"), default)
        if not folder or not self._settle_layer_edits(Path(folder)):
            return

        def done(result: downloads.DownloadResult) -> None:
            files = result.files
            failed = [f for f in files if f.get("error")]
            skipped = [f for f in files if f.get("skipped")]
            text = tr(
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
                tr("Downloading {name}").format(name=project["name"]),
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
                tr("Replace local files?"),
                tr(
                    "These files in {folder} differ from QFieldCloud and will be replaced by its version:\n"
                    "{files}\n\nYour versions will be kept in {trash}. Replace them?"
                ).format(folder=str(local_dir), files=_file_list(names), trash=str(downloads.trash_root(local_dir))),
            ):
                self.notify(tr("Nothing was downloaded: your local files are unchanged."))
                return
            then()

        self.session.call(
            tr("Comparing {folder} with {name}").format(folder=str(local_dir), name=project["name"]),
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
            tr("Unsaved layer edits"),
            tr(
                "These layers have edits that are not saved to their files yet: {layers}.\n\n"
                "QFieldCloud may replace or send those files. Save the edits first, or discard them?"
            ).format(layers=names),
            [tr("Save the edits"), tr("Discard the edits")],
        )
        if choice is None:
            self.notify(
                tr("Nothing was transferred: {layers} still have unsaved edits.").format(layers=names),
                Qgis.MessageLevel.Warning,
            )
            return False
        for layer in pending:
            done = layer.commitChanges() if choice == 0 else layer.rollBack()
            if not done:
                self.notify(
                    tr("Could not save the edits of {layer}: {errors}").format(
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
        return " " + tr("Reloaded the layers {layers}.").format(layers=", ".join(sorted(reloaded)))

    def _backup_note(self, result: "downloads.DownloadResult") -> str:
        if not result.backed_up:
            return ""
        return " " + tr("Your previous versions of {count} replaced files are in {folder}.").format(
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
                self.notify(tr("{name} has no finished package yet: packaging it now.").format(name=project["name"]))
                self.trigger_job(
                    project, JobTypes.PACKAGE.value, lambda job: self._after_package_job(project, job), quiet=True
                )
            elif outdated and self.asker.confirm(
                tr("Package out of date"),
                tr("The data of {name} changed since it was last packaged. Create a fresh package first?").format(
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

        self.session.call(tr("Checking the package of {name}").format(name=project["name"]), latest, on_success=checked)

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
                    tr("The package of {name} holds no QGIS project.").format(name=project["name"]),
                    Qgis.MessageLevel.Warning,
                )
                return
            self.open_project_file(project_file, project)

        def download() -> None:
            if package_is_open and QgsProject.instance().fileName() == current:
                # Close the package before its files are replaced (Windows locks open files).
                self.iface.newProject()
            self.session.call(
                tr("Downloading the package of {name}").format(name=project["name"]),
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
            tr("Unsaved changes"),
            tr("The current project has unsaved changes. Save them before opening {name}?").format(name=name),
            [tr("Save and open"), tr("Discard changes and open")],
        )
        if choice is None:
            self.notify(
                tr("The package of {name} was not opened; it is in {folder}.").format(name=name, folder=str(folder))
            )
            return False
        if choice == 0 and not current.write():
            self.notify(
                tr("Could not save the current project: {error}").format(error=current.error()),
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
                tr("Opened {name}, but these layers are invalid: {layers}").format(
                    name=project.get("name", path.name), layers=", ".join(invalid)
                ),
                Qgis.MessageLevel.Warning,
            )
        else:
            self.notify(
                tr("Opened the package of {name}: %n layer(s).", "", len(layers)).format(
                    name=project.get("name", path.name)
                ),
                Qgis.MessageLevel.Success,
            )
        self.packageOpened.emit(str(path))
        return True


def _file_list(names: List[str], shown: int = 15) -> str:
    """File names for a question, one per line, the rest as "…"."""
    return "\n".join(names[:shown]) + ("\n…" if len(names) > shown else "")
