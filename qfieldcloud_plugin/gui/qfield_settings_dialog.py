"""QField's settings of the open project in one table: the cloud action of every layer, and the
attachment folders. Stored where the real packager (libqfieldsync) reads them; saved with the project."""

from typing import Dict, List

from qgis.core import QgsMapLayer, QgsProject
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.qfield_settings import (
    attachment_dirs,
    available_cloud_actions,
    cloud_action,
    cloud_action_label,
    layer_file,
    set_attachment_dirs,
    set_cloud_action,
)


class QFieldSettingsDialog(QDialog):
    """One row per layer with its action; OK writes them all into the project (not yet saved to disk)."""

    def __init__(self, project: QgsProject, parent: QWidget = None) -> None:
        super().__init__(parent)
        self.setObjectName("QFieldCloudQFieldSettingsDialog")
        self.setWindowTitle(self.tr("QField settings of the project"))
        self.resize(760, 440)
        self.project = project
        self.layers: List[QgsMapLayer] = sorted(project.mapLayers().values(), key=lambda layer: layer.name().lower())
        self.combos: Dict[str, QComboBox] = {}

        intro = QLabel(
            self.tr(
                "What QField gets of each layer when QFieldCloud packages the project. The settings are "
                "those of QFieldSync, saved in the project file."
            )
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(len(self.layers), 3)
        self.table.setHorizontalHeaderLabels([self.tr("Layer"), self.tr("Source"), self.tr("In QField")])
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        for row, layer in enumerate(self.layers):
            self.table.setItem(row, 0, QTableWidgetItem(layer.name()))
            self.table.setItem(row, 1, QTableWidgetItem(layer_file(layer) or layer.providerType()))
            combo = QComboBox()
            for action in available_cloud_actions(layer, project):
                combo.addItem(cloud_action_label(action, layer), action)
            current = combo.findData(cloud_action(layer, project))
            if current < 0:  # a stored value this layer cannot take (e.g. cable-only "copy")
                combo.addItem(cloud_action_label(cloud_action(layer, project), layer), cloud_action(layer, project))
                current = combo.count() - 1
            combo.setCurrentIndex(current)
            self.table.setCellWidget(row, 2, combo)
            self.combos[layer.id()] = combo
        self.attachment_dirs = QLineEdit(", ".join(attachment_dirs(project)))
        self.attachment_dirs.setToolTip(
            self.tr("Folders of the project that hold photos and other attachments, separated by commas.")
        )
        form = QFormLayout()
        form.addRow(self.tr("Attachment folders"), self.attachment_dirs)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def set_action(self, layer_id: str, action: str) -> None:
        combo = self.combos[layer_id]
        combo.setCurrentIndex(combo.findData(action))

    def apply(self) -> None:
        """Write the chosen settings into the project (saved with it)."""
        for layer in self.layers:  # written even when it is the default, as QFieldSync does
            set_cloud_action(layer, self.combos[layer.id()].currentData())
        dirs = [d.strip() for d in self.attachment_dirs.text().split(",") if d.strip()]
        set_attachment_dirs(self.project, dirs)
