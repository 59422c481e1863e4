"""QField's settings of the open project in one table: the cloud action of every layer, the names
QField gives new attachments, and the attachment folders. Stored where the real packager
(libqfieldsync) reads them; saved with the project."""

from pathlib import Path
from typing import Dict, List, Tuple

from qgis.core import QgsMapLayer, QgsProject, QgsRectangle
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.layers import inside, layer_file
from ..core.qfield_settings import (
    MAP_THEME,
    SINGLE_LAYER,
    BaseMap,
    area_of_interest,
    attachment_dirs,
    attachment_fields,
    attachment_naming,
    available_cloud_actions,
    base_map,
    cloud_action,
    cloud_action_label,
    set_area_of_interest,
    set_attachment_dirs,
    set_attachment_naming,
    set_base_map,
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
            self.table.setItem(row, 1, QTableWidgetItem(self._source(layer)))
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
        self.naming = QTableWidget(0, 3)
        self.naming.setHorizontalHeaderLabels(
            [self.tr("Layer"), self.tr("Attachment field"), self.tr("File name in QField")]
        )
        self.naming.verticalHeader().setVisible(False)
        self.naming.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.naming_fields: List[Tuple[QgsMapLayer, str, str]] = []
        for layer in self.layers:
            for field in attachment_fields(layer):
                row = self.naming.rowCount()
                self.naming.insertRow(row)
                current = attachment_naming(layer, field)
                for column, text in enumerate((layer.name(), field, current)):
                    item = QTableWidgetItem(text)
                    if column < 2:
                        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                    self.naming.setItem(row, column, item)
                self.naming_fields.append((layer, field, current))
        self.naming.setToolTip(self.tr("A QGIS expression naming each new photo or file taken in QField."))
        self.naming.setVisible(bool(self.naming_fields))
        self.attachment_dirs = QLineEdit(", ".join(attachment_dirs(project)))
        self.attachment_dirs.setToolTip(
            self.tr("Folders of the project that hold photos and other attachments, separated by commas.")
        )
        form = QFormLayout()
        form.addRow(self.tr("Attachment folders"), self.attachment_dirs)
        self.base_map_box = self._base_map_box(project)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.naming, 1)
        layout.addLayout(form)
        layout.addWidget(self.base_map_box)
        layout.addWidget(buttons)

    def _base_map_box(self, project: QgsProject) -> QGroupBox:
        """The base map QFieldCloud renders into the package, and its area (libqfieldsync's ProjectConfig)."""
        current = base_map(project)
        box = QGroupBox(self.tr("Create a base map when the project is packaged"))
        box.setCheckable(True)
        box.setChecked(current.enabled)
        self.base_map_layer = QComboBox()
        self.base_map_layer.addItem(self.tr("Map theme:"), "")
        for layer in self.layers:
            self.base_map_layer.addItem(self.tr("Layer: {name}").format(name=layer.name()), layer.id())
        self.base_map_theme = QComboBox()
        self.base_map_theme.addItems(project.mapThemeCollection().mapThemes())
        if current.kind == MAP_THEME:
            self.base_map_layer.setCurrentIndex(0)
            self.base_map_theme.setCurrentText(current.theme)
        else:
            self.base_map_layer.setCurrentIndex(
                max(self.base_map_layer.findData(current.layer_id), 1 if self.layers else 0)
            )
        self.zoom = QSpinBox()
        self.zoom.setRange(1, 24)
        self.zoom.setValue(current.max_zoom)
        wkt, crs = area_of_interest(project)
        self.area = QLabel(self._area_text(wkt, crs))
        self.area_wkt, self.area_crs = wkt, crs
        self.use_extent = QPushButton(self.tr("Use the current map extent"))
        self.use_extent.clicked.connect(self._take_extent)
        form = QFormLayout(box)
        form.addRow(self.tr("Rendered from"), self.base_map_layer)
        form.addRow(self.tr("Map theme"), self.base_map_theme)
        form.addRow(self.tr("Zoom level"), self.zoom)
        form.addRow(self.tr("Area"), self.area)
        form.addRow("", self.use_extent)
        return box

    def _area_text(self, wkt: str, crs: str) -> str:
        return self.tr("{crs}: {wkt}").format(crs=crs, wkt=wkt[:60]) if wkt else self.tr("(none yet)")

    def set_area(self, extent: QgsRectangle, crs: str) -> None:
        self.area_wkt, self.area_crs = extent.asWktPolygon(), crs
        self.area.setText(self._area_text(self.area_wkt, crs))

    def _take_extent(self) -> None:
        from qgis.utils import iface  # the running QGIS's canvas

        canvas = iface.mapCanvas() if iface is not None else None
        if canvas is not None:
            self.set_area(canvas.extent(), canvas.mapSettings().destinationCrs().authid())

    def _source(self, layer: QgsMapLayer) -> str:
        """Where the layer reads: "./data.gpkg" inside the project folder, the full path outside, or its provider."""
        path = layer_file(layer)
        if path is None:
            return self.tr("scratch layer, in memory") if layer.providerType() == "memory" else layer.providerType()
        relative = inside(path, Path(self.project.absolutePath())) if self.project.absolutePath() else None
        return "./" + relative if relative else str(path)

    def set_action(self, layer_id: str, action: str) -> None:
        combo = self.combos[layer_id]
        combo.setCurrentIndex(combo.findData(action))

    def apply(self) -> None:
        """Write the chosen settings into the project (saved with it)."""
        for layer in self.layers:  # written even when it is the default, as QFieldSync does
            set_cloud_action(layer, self.combos[layer.id()].currentData())
        for row, (layer, field, before) in enumerate(self.naming_fields):
            expression = self.naming.item(row, 2).text().strip()
            if expression and expression != before:
                set_attachment_naming(layer, field, expression)
        dirs = [d.strip() for d in self.attachment_dirs.text().split(",") if d.strip()]
        set_attachment_dirs(self.project, dirs)
        layer_id = self.base_map_layer.currentData() or ""
        set_base_map(
            self.project,
            BaseMap(
                enabled=self.base_map_box.isChecked(),
                kind=SINGLE_LAYER if layer_id else MAP_THEME,
                layer_id=layer_id,
                theme="" if layer_id else self.base_map_theme.currentText(),
                min_zoom=self.zoom.value(),
                max_zoom=self.zoom.value(),
            ),
        )
        if self.area_wkt:
            set_area_of_interest(self.project, self.area_wkt, self.area_crs)
