"""Plugin settings: download folder, transfer limits, page size."""

from qgis.gui import QgsFileWidget
from qgis.PyQt.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QSpinBox, QWidget

from ..client.models import MAX_CONCURRENCY
from ..core.settings import Settings


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("QFieldCloud settings"))
        self.setMinimumWidth(460)
        self.download_dir = QgsFileWidget()
        self.download_dir.setStorageMode(QgsFileWidget.StorageMode.GetDirectory)
        self.download_dir.setFilePath(settings.download_dir)
        self.max_transfers = QSpinBox()
        self.max_transfers.setRange(1, 8)
        self.max_transfers.setValue(settings.max_transfers)
        self.concurrency = QSpinBox()
        self.concurrency.setRange(1, MAX_CONCURRENCY)
        self.concurrency.setValue(settings.transfer_concurrency)
        self.page_size = QSpinBox()
        self.page_size.setRange(10, 500)
        self.page_size.setValue(settings.page_size)
        hint = QLabel(self.tr("Packages go to <folder>/<owner>/<project>/."))
        hint.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("Download folder"), self.download_dir)
        form.addRow("", hint)
        form.addRow(self.tr("Transfers running at once"), self.max_transfers)
        form.addRow(self.tr("Files per transfer in parallel"), self.concurrency)
        form.addRow(self.tr("Projects per page"), self.page_size)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def accept(self) -> None:
        if self.download_dir.filePath():
            self.settings.download_dir = self.download_dir.filePath()
        self.settings.max_transfers = self.max_transfers.value()
        self.settings.transfer_concurrency = self.concurrency.value()
        self.settings.page_size = self.page_size.value()
        super().accept()
