"""The upload list: what goes up, in groups, each file with its tick; shown before sending new files."""

from typing import Dict, List

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..client.units import format_size
from ..core.project_files import ATTACHMENTS, DATA, OTHER, PROJECT
from ..core.upload_list import GROUPS, LARGE, PRIVATE, UploadList


class UploadListDialog(QDialog):
    """Tick what to upload; "remember" writes the unticked files into `.qfieldcloudignore`."""

    def __init__(self, project_name: str, listing: UploadList, parent: QWidget = None) -> None:
        super().__init__(parent)
        self.setObjectName("QFieldCloudUploadListDialog")
        self.setWindowTitle(self.tr("What to upload"))
        self.resize(720, 520)
        self.items: Dict[str, QTreeWidgetItem] = {}
        titles = {
            PROJECT: self.tr("The project file"),
            DATA: self.tr("Data of its layers"),
            ATTACHMENTS: self.tr("Attachments"),
            OTHER: self.tr("Other files in the folder, not used by the project"),
        }
        reasons = {
            PRIVATE: self.tr("unticked: looks private (document, archive, video)"),
            LARGE: self.tr("unticked: large, and not used by the project"),
        }

        intro = QLabel(
            self.tr("<b>{name}</b>: these files are new or changed. Untick what should stay on this computer.").format(
                name=project_name
            )
        )
        intro.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([self.tr("File"), self.tr("Size"), self.tr("Note")])
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        for group in GROUPS:
            entries = listing.group(group)
            if not entries:
                continue
            parent_item = QTreeWidgetItem([titles[group], format_size(sum(e.size for e in entries)), ""])
            parent_item.setFlags(parent_item.flags() | Qt.ItemFlag.ItemIsAutoTristate | Qt.ItemFlag.ItemIsUserCheckable)
            self.tree.addTopLevelItem(parent_item)
            for entry in entries:
                item = QTreeWidgetItem([entry.name, format_size(entry.size), reasons.get(entry.why_unticked, "")])
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(0, Qt.CheckState.Checked if entry.ticked else Qt.CheckState.Unchecked)
                parent_item.addChild(item)
                self.items[entry.name] = item
            parent_item.setExpanded(True)
        self.remember = QCheckBox(self.tr("Remember: never upload the unticked files (in .qfieldcloudignore)"))
        self.summary_label = QLabel()
        self.tree.itemChanged.connect(self._update)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Upload"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.tree)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.remember)
        layout.addWidget(buttons)
        self._update()

    def set_ticked(self, name: str, ticked: bool) -> None:
        self.items[name].setCheckState(0, Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)

    def ticked(self) -> List[str]:
        return [n for n, item in self.items.items() if item.checkState(0) == Qt.CheckState.Checked]

    def unticked(self) -> List[str]:
        return [n for n, item in self.items.items() if item.checkState(0) != Qt.CheckState.Checked]

    def _update(self, *_args) -> None:
        self.summary_label.setText(
            self.tr("%n file(s) will be uploaded", "", len(self.ticked()))
            + "; "
            + self.tr("%n left out", "", len(self.unticked()))
            + "."
        )
