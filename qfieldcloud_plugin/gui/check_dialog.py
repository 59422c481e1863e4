"""The project check's findings, each with its fix to tick; shown before an upload."""

from typing import Dict, List

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.findings import BLOCKS, INFORMS, WARNS, Finding
from ..core.icons import theme_icon

SEVERITY_ICONS = {BLOCKS: "mIconCritical.svg", WARNS: "mIconWarning.svg", INFORMS: "mIconInfo.svg"}


class ProjectCheckDialog(QDialog):
    """Apply the ticked fixes, or upload as it is (with blocking findings only once accepted)."""

    APPLY, UPLOAD = 1, 2

    def __init__(self, findings: List[Finding], parent: QWidget = None) -> None:
        super().__init__(parent)
        self.setObjectName("QFieldCloudProjectCheckDialog")
        self.setWindowTitle(self.tr("Check the project before uploading"))
        self.resize(820, 460)
        self.findings = findings
        self.fix_items: Dict[int, QTableWidgetItem] = {}
        self.choice = 0

        self.summary_label = QLabel(self._summary())
        self.summary_label.setWordWrap(True)
        # A table, not a tree: it wraps long findings onto several lines (resizeRowsToContents).
        self.tree = QTableWidget(len(findings), 2)
        self.tree.setHorizontalHeaderLabels([self.tr("Finding"), self.tr("Fix")])
        self.tree.verticalHeader().setVisible(False)
        self.tree.setWordWrap(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)  # wrapped, never cut: each word may matter
        self.tree.setAlternatingRowColors(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.tree.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, 280)
        header.sectionResized.connect(lambda *_: self.tree.resizeRowsToContents())
        for row, finding in enumerate(findings):
            item = QTableWidgetItem(theme_icon(SEVERITY_ICONS[finding.severity]), finding.message)
            item.setToolTip(finding.message)
            self.tree.setItem(row, 0, item)
            fix = QTableWidgetItem(finding.fix_label or self.tr("(no automatic fix)"))
            fix.setFlags(Qt.ItemFlag.ItemIsEnabled)
            if finding.fix:
                fix.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                fix.setCheckState(Qt.CheckState.Checked)
                self.fix_items[row] = fix
            self.tree.setItem(row, 1, fix)
        self.tree.itemChanged.connect(self._update)

        self.accept_blocking = QCheckBox(self.tr("Upload anyway, with what blocks: I know QField will miss it"))
        self.accept_blocking.setVisible(any(f.severity == BLOCKS for f in findings))
        self.accept_blocking.toggled.connect(self._update)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.apply_button = QPushButton(self.tr("Apply the ticked fixes"))
        self.upload_button = QPushButton(self.tr("Upload without fixing"))
        buttons.addButton(self.apply_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.upload_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.apply_button.clicked.connect(lambda: self._done(self.APPLY))
        self.upload_button.clicked.connect(lambda: self._done(self.UPLOAD))
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.tree)
        layout.addWidget(self.accept_blocking)
        layout.addWidget(buttons)
        self._update()

    def showEvent(self, event) -> None:  # Qt API
        super().showEvent(event)
        self.tree.resizeRowsToContents()  # the column widths are known once shown

    def _summary(self) -> str:
        counts = {s: sum(1 for f in self.findings if f.severity == s) for s in (BLOCKS, WARNS, INFORMS)}
        parts = []
        if counts[BLOCKS]:
            parts.append(self.tr("%n finding(s) block the upload", "", counts[BLOCKS]))
        if counts[WARNS]:
            parts.append(self.tr("%n warning(s)", "", counts[WARNS]))
        if counts[INFORMS]:
            parts.append(self.tr("%n note(s)", "", counts[INFORMS]))
        return (
            "; ".join(parts)
            + ". "
            + self.tr(
                "Each fix is done only when you click Apply: data outside the folder is copied in, and the "
                "originals stay as they are."
            )
        )

    def ticked(self) -> List[Finding]:
        return [self.findings[i] for i, item in self.fix_items.items() if item.checkState() == Qt.CheckState.Checked]

    def _update(self, *_args) -> None:
        self.apply_button.setEnabled(bool(self.ticked()))
        blocked = any(f.severity == BLOCKS for f in self.findings)
        self.upload_button.setEnabled(not blocked or self.accept_blocking.isChecked())

    def _done(self, choice: int) -> None:
        self.choice = choice
        self.accept()
