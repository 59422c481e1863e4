"""Flows of the open project's folder: upload it, or synchronize it both ways after showing the plan."""

from functools import partial
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional

from qgis.core import Qgis, QgsProject

from ..core import sync_execution, uploads
from ..core.project_link import ProjectLink, package_of, project_folder, read_link
from ..core.session import user_message
from ..core.sync import SyncChoices, is_project_file
from ..core.translation import tr


class SyncFlows:
    """Mixed into `CloudActions` (workflows.py), whose signals, `session`, `asker`, `iface` and
    `notify` it uses."""

    def _linked_saved_project(self, must_save: bool) -> Optional[ProjectLink]:
        """The open project's link, once it is saved and linked (asking the user); None to stop.

        With `must_save`, unsaved changes must be saved first (a sync may replace the project file).
        """
        project = QgsProject.instance()
        if not project.fileName():
            self.notify(
                tr("Save the QGIS project to a file first: its folder is what gets uploaded."),
                Qgis.MessageLevel.Warning,
            )
            return None
        if package_of(project_folder()) is not None:
            self.notify(
                tr(
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
                    tr("Save the project"),
                    tr(
                        "The project has unsaved changes. Save it before synchronizing? Synchronizing may "
                        "replace the project file with the QFieldCloud version."
                    ),
                ):
                    self.notify(tr("Synchronization cancelled: save the project first."))
                    return None
            elif not self.asker.confirm(
                tr("Save the project"),
                tr(
                    "The project has unsaved changes. Save it before uploading? Otherwise the last saved "
                    "version is uploaded."
                ),
            ):
                self.notify(tr("Uploading the last saved version of the project."))
                return link
            if not project.write():
                self.notify(
                    tr("Could not save the project: {error}").format(error=project.error()),
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

        def compare() -> None:
            self.session.call(
                tr("Comparing {folder} with {name}").format(folder=folder.name, name=link.full_name),
                partial(uploads.prepare_upload, project_id=link.project_id, folder=folder),
                on_success=lambda preparation: self._upload_prepared(link, preparation),
                transfer=True,
            )

        self._checked(folder, compare, lambda: self.uploadFinished.emit(None))

    def sync_current_project(self) -> None:
        """Compare the open project's folder, the server and the last sync; show the plan, then apply it."""
        link = self._linked_saved_project(must_save=True)
        if link is None:
            return
        folder = project_folder()
        if not self._settle_layer_edits(folder):
            self.syncFinished.emit(None)
            return

        failed = self._stopped(tr("Synchronization of {name} stopped: {error}"), link, self.syncFinished)

        self.session.call(
            tr("Comparing {folder} with {name}").format(folder=folder.name, name=link.full_name),
            partial(sync_execution.prepare_sync, project_id=link.project_id, folder=folder),
            on_success=lambda preparation: self._sync_prepared(link, preparation),
            on_error=failed,
            transfer=True,
        )

    def _sync_prepared(self, link: ProjectLink, preparation: sync_execution.SyncPreparation) -> None:
        if preparation.unflushed:
            self.notify(
                tr("Could not flush recent edits of {files}; stop editing those layers and retry.").format(
                    files=", ".join(preparation.unflushed)
                ),
                Qgis.MessageLevel.Warning,
            )
        choices = SyncChoices()
        if preparation.plan.needs_confirmation:
            answer = self.asker.review_sync(link.full_name, preparation.plan)
            if answer is None:
                self.notify(tr("Synchronization cancelled: nothing was changed."))
                self.syncFinished.emit(None)
                return
            choices = answer

        def synced(result: sync_execution.SyncResult) -> None:
            text = tr(
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
                text += " " + tr("QFieldCloud's copies kept beside yours: {files}.").format(
                    files=", ".join(sorted(result.kept_both.values()))
                )
            if result.trash is not None:
                text += " " + tr("Replaced and deleted local files were moved to {folder}.").format(
                    folder=str(result.trash)
                )
            if result.failed:
                text += " " + _failures(result.failed)
            text += self._reload_layers(preparation.folder, result.downloaded)
            self.notify(text, Qgis.MessageLevel.Warning if result.failed else Qgis.MessageLevel.Success, 15)
            self._reload_if_replaced(preparation.folder, result)
            self.jobsChanged.emit(link.project_id)
            self.syncFinished.emit(result)

        failed = self._stopped(tr("Synchronization of {name} stopped: {error}"), link, self.syncFinished)

        self.session.call(
            tr("Synchronizing {name}").format(name=link.full_name),
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
                tr(
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
        options = [tr("Create the cloud project {name}").format(name=name)]
        selected = self.selected_project
        if selected is not None:
            options.append(tr("Link to {owner}/{name}").format(owner=selected["owner"], name=selected["name"]))
        choice = self.asker.choose(
            tr("Link to QFieldCloud"),
            tr("This project is not linked to a QFieldCloud project yet."),
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
        base = preparation.base
        kept = []
        for name in preparation.plan.conflicts:
            if name in base:
                text = tr("{file} changed on QFieldCloud since your last sync, and here too.")
            else:
                text = tr("{file} differs on QFieldCloud and was never synced from this computer.")
            text = (
                text.format(file=name)
                + "\n\n"
                + tr(
                    "Keep QFieldCloud's version: nothing is uploaded for this file, and yours stays here; Synchronize "
                    "can then settle it. Overwrite it with mine: your file replaces QFieldCloud's, which stays in the "
                    "file's version history on QFieldCloud."
                )
            )
            choice = self.asker.choose(
                tr("Changed on QFieldCloud"),
                text,
                [tr("Keep QFieldCloud's version"), tr("Overwrite it with mine")],
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
                tr("Could not flush recent edits of {files}; stop editing those layers and retry.").format(
                    files=", ".join(preparation.unflushed)
                ),
                Qgis.MessageLevel.Warning,
            )
        names = list(plan.upload)
        kept = self._ask_upload_conflicts(link, preparation)
        if kept is None:
            self.notify(tr("Upload cancelled: nothing was uploaded."))
            return
        names += [n for n in plan.conflicts if n not in kept]
        reviewed = self._reviewed_names(link, preparation, names)
        if reviewed is None:
            self.notify(tr("Upload cancelled: nothing was uploaded."))
            self.uploadFinished.emit(None)
            return
        chosen = set(reviewed)
        left_out = [n for n in names if n not in chosen]
        names = reviewed
        if not names and left_out:
            self.notify(tr("Nothing was uploaded: every file was left out."))
            self.uploadFinished.emit(uploads.record_unchanged(preparation, link.project_id))
            return
        if plan.server_newer:
            self.notify(
                tr(
                    "Not uploaded, changed or deleted only on QFieldCloud: {files}. Use Synchronize to "
                    "bring those changes here."
                ).format(files=", ".join(plan.server_newer[:10]))
            )
        if not names:
            unchanged = uploads.record_unchanged(preparation, link.project_id)
            if kept:
                self.notify(
                    tr(
                        "Nothing was uploaded. These files differ from QFieldCloud and were left as they "
                        "are on both sides: {files}. Use Synchronize to settle them."
                    ).format(files=", ".join(kept)),
                    Qgis.MessageLevel.Warning,
                    15,
                )
            else:
                self.notify(
                    tr("{name} is up to date: {skipped} files unchanged.").format(
                        name=link.full_name, skipped=len(plan.skipped)
                    ),
                    Qgis.MessageLevel.Success,
                )
            self.uploadFinished.emit(unchanged)
            return

        def uploaded(result: uploads.UploadResult) -> None:
            text = tr("Uploaded {name}: {uploaded} uploaded, {skipped} unchanged, {failed} failed.").format(
                name=link.full_name,
                uploaded=len(result.uploaded),
                skipped=len(result.skipped),
                failed=len(result.failed),
            )
            if kept:
                text += " " + tr("Left as they are on QFieldCloud, and different from yours: {files}.").format(
                    files=", ".join(kept)
                )
            if left_out:
                text += " " + tr("Not uploaded, as you chose: {count} files.").format(count=len(left_out))
            if result.failed:
                text += " " + _failures(result.failed)
            self.notify(text, Qgis.MessageLevel.Warning if result.failed else Qgis.MessageLevel.Success, 15)
            self.jobsChanged.emit(link.project_id)
            self.uploadFinished.emit(result)

        failed = self._stopped(tr("Upload of {name} stopped: {error}"), link, self.uploadFinished)

        self.session.call(
            tr("Uploading {name}").format(name=link.full_name),
            partial(uploads.upload, project_id=link.project_id, preparation=preparation, names=names),
            on_success=uploaded,
            on_error=failed,
            transfer=True,
        )


def _failures(failed: Dict[str, str]) -> str:
    """The first five failed files and why, for a message."""
    return "; ".join("{}: {}".format(name, error) for name, error in sorted(failed.items())[:5])
