"""A small dialog for a new cloud project: name, owner, description, visibility, link the open project."""

import re
from typing import Any, Dict

from qgis.core import QgsProject
from qgis.PyQt.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QWidget

NAME_PATTERN = re.compile(r"^[a-zA-Z0-9_.-]+$")


class CreateProjectDialog(QDialog):
    def __init__(self, username: str, parent: QWidget = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New QFieldCloud project"))
        current = QgsProject.instance()
        base = current.baseName() if current.fileName() else ""
        self.name_edit = QLineEdit("".join(c if c.isalnum() or c in "-_." else "_" for c in base))
        self.name_edit.setPlaceholderText(self.tr("letters, digits, - _ . only"))
        self.owner_edit = QLineEdit(username)
        self.owner_edit.setToolTip(self.tr("Your username, or an organization where you may create projects"))
        self.description_edit = QLineEdit()
        self.public_check = QCheckBox(self.tr("Public (anyone can read it)"))
        self.link_check = QCheckBox(self.tr("Upload the open QGIS project into it"))
        self.link_check.setEnabled(bool(current.fileName()))
        self.link_check.setChecked(bool(current.fileName()))
        form = QFormLayout(self)
        form.addRow(self.tr("Name"), self.name_edit)
        form.addRow(self.tr("Owner"), self.owner_edit)
        form.addRow(self.tr("Description"), self.description_edit)
        form.addRow("", self.public_check)
        form.addRow("", self.link_check)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.name_edit.textChanged.connect(self._validate)
        self._validate()

    def _validate(self) -> None:
        ok = bool(NAME_PATTERN.match(self.name_edit.text()))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def values(self) -> Dict[str, Any]:
        return {
            "name": self.name_edit.text(),
            "owner": self.owner_edit.text().strip(),
            "description": self.description_edit.text(),
            "is_public": self.public_check.isChecked(),
            "link_current": self.link_check.isChecked(),
        }
