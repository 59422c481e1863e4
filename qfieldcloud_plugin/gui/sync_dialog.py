"""The sync plan shown before anything happens: grouped by action, a choice per conflict."""

from typing import Dict, List, Optional

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.sync import ConflictReason, FileState, Resolution, SyncAction, SyncChoices, SyncKind, SyncPlan


def _size(state: Optional[FileState]) -> str:
    if state is None or state.size is None:
        return ""
    size = float(state.size)
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return "{:.0f} {}".format(size, unit) if unit == "B" else "{:.1f} {}".format(size, unit)
        size /= 1024
    return ""


class SyncPlanDialog(QDialog):
    """Lists what a sync will upload, download, delete and what conflicts; OK applies it."""

    # Groups in the order shown; conflicts first, they need an answer.
    GROUPS = (SyncKind.CONFLICT, SyncKind.UPLOAD, SyncKind.DOWNLOAD, SyncKind.DELETE_LOCAL, SyncKind.DELETE_REMOTE,
              SyncKind.UNCHANGED)

    def __init__(self, project_name: str, plan: SyncPlan, parent: QWidget = None) -> None:
        super().__init__(parent)
        self.setObjectName("QFieldCloudSyncPlanDialog")
        self.setWindowTitle(self.tr("Synchronize with QFieldCloud"))
        self.resize(760, 520)
        self.plan = plan
        self.combos: Dict[str, QComboBox] = {}
        self.deletions: Dict[str, QTreeWidgetItem] = {}

        intro = QLabel(self.tr("<b>{name}</b>: this is what synchronizing will do. Nothing changes until you click "
                               "Synchronize.").format(name=project_name))
        intro.setWordWrap(True)
        self.summary_label = QLabel(self._summary())
        self.summary_label.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([self.tr("File"), self.tr("What happens"), self.tr("Your choice")])
        self.tree.setAlternatingRowColors(True)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(False)
        self._fill()
        notes = []
        if plan.first_sync:
            notes.append(self.tr("First synchronization of this folder: nothing is deleted, and files that differ "
                                 "are shown as conflicts."))
        if plan.of_kind(SyncKind.DELETE_LOCAL) or plan.of_kind(SyncKind.CONFLICT):
            notes.append(self.tr("Local files that are deleted or replaced are moved to the .qfieldcloud/trash "
                                 "folder of the project, never erased."))
        self.notes_label = QLabel("\n".join(notes))
        self.notes_label.setWordWrap(True)
        self.notes_label.setVisible(bool(notes))

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Synchronize"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (intro, self.summary_label, self.tree, self.notes_label, self.buttons):
            layout.addWidget(widget)

    # --- content -------------------------------------------------------------------------
    def _group_title(self, kind: SyncKind, count: int) -> str:
        titles = {
            SyncKind.CONFLICT: self.tr("Conflicts: changed on both sides (%n)", "", count),
            SyncKind.UPLOAD: self.tr("Upload to QFieldCloud (%n)", "", count),
            SyncKind.DOWNLOAD: self.tr("Download from QFieldCloud (%n)", "", count),
            SyncKind.DELETE_LOCAL: self.tr("Delete on this computer (%n)", "", count),
            SyncKind.DELETE_REMOTE: self.tr("Delete on QFieldCloud (%n)", "", count),
            SyncKind.UNCHANGED: self.tr("Unchanged (%n)", "", count),
        }
        return titles[kind]

    def _summary(self) -> str:
        counts = self.plan.counts()
        unchanged = counts[SyncKind.UNCHANGED] + counts[SyncKind.SAME_CHANGE]
        return self.tr("{upload} to upload, {download} to download, {delete_local} to delete here, {delete_remote} "
                       "to delete on QFieldCloud, {conflicts} conflicts, {unchanged} unchanged.").format(
            upload=counts[SyncKind.UPLOAD], download=counts[SyncKind.DOWNLOAD],
            delete_local=counts[SyncKind.DELETE_LOCAL], delete_remote=counts[SyncKind.DELETE_REMOTE],
            conflicts=counts[SyncKind.CONFLICT], unchanged=unchanged)

    def _detail(self, action: SyncAction) -> str:
        kind, base = action.kind, action.base
        if kind == SyncKind.CONFLICT:
            return {
                ConflictReason.BOTH_CHANGED: self.tr("changed here and on QFieldCloud"),
                ConflictReason.BOTH_ADDED: self.tr("differs here and on QFieldCloud, never synced"),
                ConflictReason.DELETED_LOCALLY: self.tr("deleted here, changed on QFieldCloud"),
                ConflictReason.DELETED_ON_SERVER: self.tr("changed here, deleted on QFieldCloud"),
            }[action.reason]
        if kind == SyncKind.UPLOAD:
            text = self.tr("changed here") if base is not None else self.tr("new here")
            return "{} ({})".format(text, _size(action.local))
        if kind == SyncKind.DOWNLOAD:
            text = self.tr("changed on QFieldCloud") if base is not None else self.tr("new on QFieldCloud")
            return "{} ({})".format(text, _size(action.remote))
        if kind == SyncKind.DELETE_LOCAL:
            return self.tr("deleted on QFieldCloud; moved to the trash here")
        if kind == SyncKind.DELETE_REMOTE:
            return self.tr("deleted here")
        if kind == SyncKind.SAME_CHANGE:
            return self.tr("same change on both sides")
        return self.tr("identical")

    def _choices_for(self, action: SyncAction) -> List[tuple]:
        keep_local = (self.tr("Keep mine (upload it)"), Resolution.KEEP_LOCAL)
        keep_server = (self.tr("Keep QFieldCloud's (download it)"), Resolution.KEEP_SERVER)
        if action.reason == ConflictReason.DELETED_LOCALLY:
            return [(self.tr("Restore it from QFieldCloud"), Resolution.KEEP_SERVER),
                    (self.tr("Delete it on QFieldCloud too"), Resolution.KEEP_LOCAL)]
        if action.reason == ConflictReason.DELETED_ON_SERVER:
            return [(self.tr("Keep mine (upload it again)"), Resolution.KEEP_LOCAL),
                    (self.tr("Delete it here too (moved to the trash)"), Resolution.KEEP_SERVER)]
        # "Keep both" first: the default loses nothing.
        return [(self.tr("Keep both (QFieldCloud's copy saved beside mine)"), Resolution.KEEP_BOTH), keep_local,
                keep_server]

    def _fill(self) -> None:
        bold = self.tree.font()
        bold.setBold(True)
        for kind in self.GROUPS:
            kinds = (SyncKind.UNCHANGED, SyncKind.SAME_CHANGE) if kind == SyncKind.UNCHANGED else (kind,)
            actions = self.plan.of_kind(*kinds)
            if not actions:
                continue
            group = QTreeWidgetItem(self.tree, [self._group_title(kind, len(actions))])
            group.setFirstColumnSpanned(True)
            group.setFont(0, bold)
            group.setData(0, Qt.ItemDataRole.UserRole, kind.value)
            for action in actions:
                item = QTreeWidgetItem(group, [action.name, self._detail(action)])
                item.setToolTip(0, action.name)
                if kind in (SyncKind.DELETE_LOCAL, SyncKind.DELETE_REMOTE):
                    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                    item.setCheckState(0, Qt.CheckState.Checked)
                    item.setText(2, self.tr("untick to keep"))
                    self.deletions[action.name] = item
                elif kind == SyncKind.CONFLICT:
                    combo = QComboBox()
                    for text, resolution in self._choices_for(action):
                        combo.addItem(text, resolution.value)
                    self.tree.setItemWidget(item, 2, combo)
                    self.combos[action.name] = combo
            group.setExpanded(kind != SyncKind.UNCHANGED)

    # --- answers -------------------------------------------------------------------------
    def set_choice(self, name: str, resolution: Resolution) -> None:
        combo = self.combos[name]
        combo.setCurrentIndex(combo.findData(resolution.value))

    def choices(self) -> SyncChoices:
        """The resolution picked for each conflict, and the deletions the user unticked."""
        resolutions = {name: Resolution(combo.currentData()) for name, combo in self.combos.items()}
        declined = [name for name, item in self.deletions.items() if item.checkState(0) != Qt.CheckState.Checked]
        return SyncChoices(resolutions, declined)
