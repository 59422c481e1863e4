"""The sync plan shown before anything happens: grouped by action, a choice per conflict."""

from typing import Dict, List, Optional

from qgis.PyQt.QtCore import QSize, Qt
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

from ..client.units import format_size
from ..core.sync import ConflictReason, FileState, Resolution, SyncAction, SyncChoices, SyncKind, SyncPlan


def _size(state: Optional[FileState]) -> str:
    return format_size(state.size if state is not None else None)


class SyncPlanDialog(QDialog):
    """Lists what a sync will upload, download, delete and what conflicts; OK applies it."""

    # Groups in the order shown; conflicts first, they need an answer.
    GROUPS = (
        SyncKind.CONFLICT,
        SyncKind.UPLOAD,
        SyncKind.DOWNLOAD,
        SyncKind.DELETE_LOCAL,
        SyncKind.DELETE_REMOTE,
        SyncKind.UNCHANGED,
    )

    def __init__(self, project_name: str, plan: SyncPlan, parent: QWidget = None) -> None:
        super().__init__(parent)
        self.setObjectName("QFieldCloudSyncPlanDialog")
        self.setWindowTitle(self.tr("Synchronize with QFieldCloud"))
        self.resize(760, 520)
        self.plan = plan
        self.combos: Dict[str, QComboBox] = {}
        self.effects: Dict[str, QTreeWidgetItem] = {}
        self.deletions: Dict[str, QTreeWidgetItem] = {}

        intro = QLabel(
            self.tr(
                "<b>{name}</b>: this is what synchronizing will do. Nothing changes until you click Synchronize."
            ).format(name=project_name)
        )
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
            notes.append(
                self.tr(
                    "First synchronization of this folder: nothing is deleted, and files that differ "
                    "are shown as conflicts."
                )
            )
        if plan.of_kind(SyncKind.DELETE_LOCAL) or plan.of_kind(SyncKind.CONFLICT):
            notes.append(
                self.tr(
                    "Local files that are deleted or replaced are moved to the .qfieldcloud/trash "
                    "folder of the project, never erased."
                )
            )
        self.notes_label = QLabel("\n".join(notes))
        self.notes_label.setWordWrap(True)
        self.notes_label.setVisible(bool(notes))

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Synchronize"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setToolTip(
            self.tr("Choose what to do with each conflict first.")
        )
        self._update_ok()
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
        return self.tr(
            "{upload} to upload, {download} to download, {delete_local} to delete here, {delete_remote} "
            "to delete on QFieldCloud, {conflicts} conflicts, {unchanged} unchanged."
        ).format(
            upload=counts[SyncKind.UPLOAD],
            download=counts[SyncKind.DOWNLOAD],
            delete_local=counts[SyncKind.DELETE_LOCAL],
            delete_remote=counts[SyncKind.DELETE_REMOTE],
            conflicts=counts[SyncKind.CONFLICT],
            unchanged=unchanged,
        )

    def _detail(self, action: SyncAction) -> str:
        kind, base = action.kind, action.base
        if kind == SyncKind.CONFLICT:
            reason = {
                ConflictReason.BOTH_CHANGED: self.tr("changed here and on QFieldCloud"),
                ConflictReason.BOTH_ADDED: self.tr("differs here and on QFieldCloud, never synced"),
                ConflictReason.DELETED_LOCALLY: self.tr("deleted here, changed on QFieldCloud"),
                ConflictReason.DELETED_ON_SERVER: self.tr("changed here, deleted on QFieldCloud"),
            }[action.reason]
            return reason
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

    def _server_news(self, name: str) -> str:
        """Who changed `name` on QFieldCloud since the last sync, in words; "" when unknown."""
        changes = self.plan.server_changes.get(name)
        if changes is None:
            return ""
        if changes.editors:
            return (
                ", ".join(
                    self.tr("%n edit(s) from {user}", "", count).format(user=user)
                    for user, count in sorted(changes.editors.items())
                )
                + " "
                + self.tr("since your last sync")
            )
        if changes.versions:
            return self.tr("%n new version(s) on QFieldCloud since your last sync", "", changes.versions)
        return ""

    def _choices_for(self, action: SyncAction) -> List[tuple]:
        """(label, resolution, what it does to each side) per choice; none is preselected."""
        trash = self.tr("yours is moved to the .qfieldcloud/trash folder here")
        news = self._server_news(action.name)
        theirs = self.tr("QFieldCloud's copy ({news})").format(news=news) if news else self.tr("QFieldCloud's copy")
        if action.reason == ConflictReason.DELETED_LOCALLY:
            return [
                (
                    self.tr("Restore it from QFieldCloud"),
                    Resolution.KEEP_SERVER,
                    self.tr("{theirs} is downloaded here again.").format(theirs=theirs),
                ),
                (
                    self.tr("Delete it on QFieldCloud too"),
                    Resolution.KEEP_LOCAL,
                    self.tr("{theirs} is deleted on QFieldCloud, with its version history.").format(theirs=theirs),
                ),
            ]
        if action.reason == ConflictReason.DELETED_ON_SERVER:
            return [
                (
                    self.tr("Keep mine (upload it again)"),
                    Resolution.KEEP_LOCAL,
                    self.tr("Your copy is uploaded to QFieldCloud again."),
                ),
                (
                    self.tr("Delete it here too"),
                    Resolution.KEEP_SERVER,
                    self.tr("It is deleted here too: {trash}.").format(trash=trash),
                ),
            ]
        return [
            (
                self.tr("Keep both"),
                Resolution.KEEP_BOTH,
                self.tr(
                    "Yours is uploaded and replaces {theirs} on QFieldCloud, where that stays in the file's "
                    "version history and is also saved here beside yours."
                ).format(theirs=theirs),
            ),
            (
                self.tr("Keep mine"),
                Resolution.KEEP_LOCAL,
                self.tr("Yours replaces {theirs} on QFieldCloud; it stays in the file's version history there.").format(
                    theirs=theirs
                ),
            ),
            (
                self.tr("Keep QFieldCloud's"),
                Resolution.KEEP_SERVER,
                self.tr("{theirs} replaces yours here; {trash}.").format(theirs=theirs, trash=trash),
            ),
        ]

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
                    self._add_choice(item, action)
            group.setExpanded(kind != SyncKind.UNCHANGED)

    def _add_choice(self, item: QTreeWidgetItem, action: SyncAction) -> None:
        """A choice box with nothing chosen, and below the file a line that says what the choice does."""
        combo = QComboBox()
        combo.addItem(self.tr("Choose…"), None)
        effects = {}
        for text, resolution, effect in self._choices_for(action):
            combo.addItem(text, resolution.value)
            effects[resolution.value] = effect
        news = self._server_news(action.name)
        undecided = self.tr("Choose what happens to this file.")
        if news:
            undecided = self.tr("On QFieldCloud: {news}.").format(news=news) + " " + undecided
        effect_item = QTreeWidgetItem(item)
        effect_item.setFirstColumnSpanned(True)
        effect = QLabel(undecided)
        effect.setWordWrap(True)  # a sentence per choice: a spanned tree row would cut it off
        effect.setContentsMargins(4, 0, 4, 2)
        effect_item.setSizeHint(0, QSize(0, 2 * effect.fontMetrics().lineSpacing() + 6))
        self.tree.setItemWidget(effect_item, 0, effect)
        item.setExpanded(True)

        def chosen() -> None:
            effect.setText(effects.get(combo.currentData(), undecided))
            self._update_ok()

        combo.currentIndexChanged.connect(chosen)
        self.tree.setItemWidget(item, 2, combo)
        self.combos[action.name] = combo
        self.effects[action.name] = effect_item

    def _update_ok(self) -> None:
        """Synchronize is possible once every conflict has a choice: none is made for the user."""
        missing = [name for name, combo in self.combos.items() if combo.currentData() is None]
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not missing)

    # --- answers -------------------------------------------------------------------------
    def set_choice(self, name: str, resolution: Resolution) -> None:
        combo = self.combos[name]
        combo.setCurrentIndex(combo.findData(resolution.value))

    def effect(self, name: str) -> str:
        """What the chosen resolution of conflict `name` does, as shown under it."""
        return self.tree.itemWidget(self.effects[name], 0).text()

    def choices(self) -> SyncChoices:
        """The resolution picked for each conflict, and the deletions the user unticked."""
        resolutions = {
            name: Resolution(combo.currentData())
            for name, combo in self.combos.items()
            if combo.currentData() is not None
        }
        declined = [name for name, item in self.deletions.items() if item.checkState(0) != Qt.CheckState.Checked]
        return SyncChoices(resolutions, declined)
