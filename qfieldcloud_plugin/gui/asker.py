"""Questions to the user behind one small interface, so flows can be driven without dialogs in tests."""

from dataclasses import dataclass, field
from typing import List, Optional

from qgis.PyQt.QtGui import QFontDatabase
from qgis.PyQt.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ..core.findings import Finding
from ..core.sync import SyncChoices, SyncPlan
from ..core.upload_list import UploadList


@dataclass
class CheckAnswer:
    """The user's answer to the project check: the findings to fix, or none to upload as it is."""

    fixes: List[Finding] = field(default_factory=list)


@dataclass
class UploadListAnswer:
    """The files to upload, and the unticked ones to keep out for good."""

    names: List[str] = field(default_factory=list)
    remember: List[str] = field(default_factory=list)


class MessageBoxAsker:
    """Asks through QMessageBox / QFileDialog, parented to `parent`."""

    def __init__(self, parent: QWidget = None) -> None:
        self.parent = parent

    def confirm(self, title: str, text: str) -> bool:
        """Yes/No; True for Yes."""
        answer = QMessageBox.question(
            self.parent,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def choose(self, title: str, text: str, options: List[str]) -> Optional[int]:
        """One button per option plus Cancel; the chosen index, or None when cancelled."""
        box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.Cancel, self.parent)
        buttons = [box.addButton(option, QMessageBox.ButtonRole.AcceptRole) for option in options]
        box.setDefaultButton(buttons[0] if buttons else box.button(QMessageBox.StandardButton.Cancel))
        box.exec()
        clicked = box.clickedButton()
        return buttons.index(clicked) if clicked in buttons else None

    def folder(self, title: str, start: str) -> Optional[str]:
        """A folder picked by the user, or None."""
        chosen = QFileDialog.getExistingDirectory(self.parent, title, start)
        return chosen or None

    def review_sync(self, project_name: str, plan: SyncPlan) -> Optional[SyncChoices]:
        """Show a sync plan; the user's choices, or None when cancelled."""
        from .sync_dialog import SyncPlanDialog  # built on demand

        dialog = SyncPlanDialog(project_name, plan, self.parent)
        try:
            return dialog.choices() if dialog.exec() else None
        finally:
            dialog.deleteLater()

    def review_check(self, findings: List[Finding]) -> Optional[CheckAnswer]:
        """Show the project check; the fixes to apply (none: upload as it is), or None when cancelled."""
        from .check_dialog import ProjectCheckDialog  # built on demand

        dialog = ProjectCheckDialog(findings, self.parent)
        try:
            if not dialog.exec():
                return None
            return CheckAnswer(dialog.ticked() if dialog.choice == ProjectCheckDialog.APPLY else [])
        finally:
            dialog.deleteLater()

    def review_upload_list(self, project_name: str, listing: UploadList) -> Optional[UploadListAnswer]:
        """Show what goes up; the ticked files (and those to remember as left out), or None when cancelled."""
        from .upload_list_dialog import UploadListDialog  # built on demand

        dialog = UploadListDialog(project_name, listing, self.parent)
        try:
            if not dialog.exec():
                return None
            return UploadListAnswer(dialog.ticked(), dialog.unticked() if dialog.remember.isChecked() else [])
        finally:
            dialog.deleteLater()

    def edit_qfield_settings(self, project) -> bool:
        """Show the QField settings of `project`'s layers; True when the user applied them."""
        from .qfield_settings_dialog import QFieldSettingsDialog  # built on demand

        dialog = QFieldSettingsDialog(project, self.parent)
        try:
            if not dialog.exec():
                return False
            dialog.apply()
            return True
        finally:
            dialog.deleteLater()

    def show_text(self, title: str, text: str) -> None:
        """Long read-only text in a monospace viewer, e.g. a job's output."""
        dialog = QDialog(self.parent)
        dialog.setWindowTitle(title)
        dialog.resize(720, 420)
        viewer = QPlainTextEdit(text)
        viewer.setReadOnly(True)
        viewer.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(viewer)
        layout.addWidget(buttons)
        dialog.exec()
