"""Questions to the user behind one small interface, so flows can be driven without dialogs in tests."""

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

from ..core.sync import SyncChoices, SyncPlan


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
