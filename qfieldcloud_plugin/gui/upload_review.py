"""Before an upload: the project check (with its fixes) and the upload list (what goes up)."""

from functools import partial
from pathlib import Path
from typing import Callable, List, Optional

from qgis.core import Qgis, QgsProject

from ..core import check_memory, project_fixes
from ..core.project_check import check_project
from ..core.project_link import ProjectLink
from ..core.session import user_message
from ..core.translation import tr
from ..core.upload_list import build_upload_list, has_new_files, remember_left_out
from ..core.uploads import UploadPreparation


class UploadReview:
    """Mixed into `CloudActions` (workflows.py), whose `session`, `asker` and `notify` it uses."""

    def edit_qfield_settings(self) -> None:
        """Set what QField gets of each layer of the open project (the packager's cloud actions)."""
        project = QgsProject.instance()
        if not project.mapLayers():
            self.notify(tr("The open project has no layers yet."), Qgis.MessageLevel.Warning)
            return
        if self.asker.edit_qfield_settings(project):
            project.setDirty(True)
            self.notify(tr("QField settings set: they are saved with the project, and used at its next packaging."))

    def _checked(self, folder: Path, proceed: Callable[[], None], cancelled: Callable[[], None]) -> None:
        """Run the project check; show it when it found something not accepted before, apply the
        fixes the user picked (in a task), check again; then `proceed()`, or `cancelled()`."""
        project = QgsProject.instance()
        findings = check_project(project)
        if not check_memory.needs_review(folder, findings):
            proceed()
            return
        answer = self.asker.review_check(findings)
        if answer is None:
            self.notify(tr("Upload cancelled: nothing was uploaded."))
            cancelled()
            return
        if not answer.fixes:
            check_memory.accept(folder, findings)
            proceed()
            return
        fixes = project_fixes.prepare_fixes(answer.fixes, project)

        def fixed(done: List[project_fixes.PreparedFix]) -> None:
            errors = project_fixes.finish_fixes(done, project)
            if errors:
                self.notify(
                    tr("Some fixes could not be applied: {errors}").format(
                        errors="; ".join("{}: {}".format(k, v) for k, v in errors.items())
                    ),
                    Qgis.MessageLevel.Warning,
                    15,
                )
            self._checked(folder, proceed, cancelled)  # what remains is shown again

        def failed(error: BaseException) -> None:
            self.notify(
                tr("The fixes stopped: {error}").format(error=user_message(error, self.session.server_url)),
                Qgis.MessageLevel.Warning,
            )
            cancelled()

        self.session.run_local(tr("Fixing the project"), partial(project_fixes.run_fixes, fixes), fixed, failed)

    def _reviewed_names(
        self, link: ProjectLink, preparation: UploadPreparation, names: List[str]
    ) -> Optional[List[str]]:
        """`names` as the user ticked them in the upload list, shown when any is new; None to cancel.

        A new file is one never synced from here and not on QFieldCloud: a later upload that only
        sends changed files goes without the list.
        """
        folder = preparation.folder
        if not has_new_files(names, set(preparation.base) | set(preparation.remote)):
            return names
        sizes = {n: preparation.local[n].size for n in names if n in preparation.local}
        answer = self.asker.review_upload_list(link.full_name, build_upload_list(QgsProject.instance(), folder, sizes))
        if answer is None:
            return None
        if answer.remember:
            try:
                remember_left_out(folder, answer.remember)
            except OSError as error:
                self.notify(
                    tr("Could not write .qfieldcloudignore: {error}").format(error=error), Qgis.MessageLevel.Warning
                )
        chosen = set(answer.names)
        return [n for n in names if n in chosen]
