"""Pure decisions about what to sync: no network, no Qt.

The three-way planner compares, per file, the local copy now, the server's copy now and the
"base" (both sides' state at the last successful sync, see `sync_state.py`). Content is
compared by checksum (SHA-256 when both sides have one, else the S3-style etag), so a
re-upload of identical bytes is no change. Deletions are only ever proposed: the user sees
the plan and confirms it before anything happens.
"""

import enum
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Iterable, List, Mapping, Optional

from ..client.hashing import listed_etag, same_content
from ..client.names import is_qgis_project


@dataclass(frozen=True)
class FileState:
    """One side's view of a file: local now, server now, or the base. Unknown fields are None."""

    size: Optional[int] = None
    etag: Optional[str] = None
    sha256: Optional[str] = None
    version_id: Optional[str] = None
    # SQLite files only: SHA-256 with the header fields SQLite rewrites on open masked (see geopackage.py).
    content: Optional[str] = None

    def same_content(self, other: "FileState") -> bool:
        """Whether both describe the same data: the client's one rule (sizes, then sha256, then etag);
        for two SQLite files known by their masked hash, that hash (only the volatile header differs)."""
        if same_content(self.checks(), other.checks()):
            return True
        return bool(self.content and other.content and self.size == other.size and self.content == other.content)

    def checks(self) -> Dict[str, object]:
        return {"size": self.size, "etag": self.etag, "sha256": self.sha256}

    def to_json(self) -> Dict[str, object]:
        return {
            k: v
            for k, v in (
                ("size", self.size),
                ("etag", self.etag),
                ("sha256", self.sha256),
                ("version_id", self.version_id),
                ("content", self.content),
            )
            if v is not None
        }

    @classmethod
    def from_json(cls, data: Mapping) -> "FileState":
        """From a base entry; ValueError when a field has the wrong type (a damaged or edited file)."""
        size = data.get("size")
        if size is not None and (isinstance(size, bool) or not isinstance(size, int)):
            raise ValueError("size {!r}".format(size))
        return cls(
            size=size,
            etag=_text(data.get("etag")),
            sha256=_text(data.get("sha256")),
            version_id=_text(data.get("version_id")),
            content=_text(data.get("content")),
        )

    @classmethod
    def from_remote(cls, file: Mapping) -> "FileState":
        """From a `files/<pid>/` listing entry (`md5sum` is the etag)."""
        versions = file.get("versions") or []
        latest = next((v for v in versions if v.get("is_latest")), versions[0] if versions else {})
        size = file.get("size")
        return cls(
            size=int(size) if size is not None else None,
            etag=listed_etag(file),
            sha256=file.get("sha256") or None,
            version_id=latest.get("version_id") or None,
        )


def _text(value: object) -> Optional[str]:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ValueError("{!r} is not text".format(value))
    return value


class SyncKind(enum.Enum):
    UNCHANGED = "unchanged"  # same bytes here and there (also the first sync of an identical file)
    UPLOAD = "upload"  # changed or new here only
    DOWNLOAD = "download"  # changed or new on the server only
    CONFLICT = "conflict"  # both sides differ from the base and from each other
    DELETE_LOCAL = "delete_local"  # deleted on the server, unchanged here
    DELETE_REMOTE = "delete_remote"  # deleted here, unchanged on the server
    BOTH_DELETED = "both_deleted"  # gone on both sides: only the base entry is dropped
    SAME_CHANGE = "same_change"  # both sides changed to the same bytes: nothing to transfer


class ConflictReason(enum.Enum):
    BOTH_CHANGED = "both_changed"
    BOTH_ADDED = "both_added"  # no base entry (e.g. first sync) and the copies differ
    DELETED_LOCALLY = "deleted_locally"  # deleted here, changed on the server
    DELETED_ON_SERVER = "deleted_on_server"  # changed here, deleted on the server


class Resolution(enum.Enum):
    KEEP_LOCAL = "keep_local"
    KEEP_SERVER = "keep_server"
    KEEP_BOTH = "keep_both"  # the server copy saved beside the local one, the local one uploaded


@dataclass(frozen=True)
class SyncAction:
    name: str
    kind: SyncKind
    local: Optional[FileState] = None
    remote: Optional[FileState] = None
    base: Optional[FileState] = None
    reason: Optional[ConflictReason] = None


@dataclass(frozen=True)
class ServerChanges:
    """What happened to a file on QFieldCloud since the last sync, to tell the user in a conflict."""

    versions: int = 0  # versions uploaded since the last sync
    editors: Dict[str, int] = field(default_factory=dict)  # QField user → their edits applied since then
    since: Optional[str] = None  # when the version of the last sync was uploaded


@dataclass
class SyncPlan:
    """One action per file name; `actions` sorted by name with QGIS project files last."""

    actions: List[SyncAction] = field(default_factory=list)
    first_sync: bool = False
    server_changes: Dict[str, ServerChanges] = field(default_factory=dict)  # conflicts only, where known

    def of_kind(self, *kinds: SyncKind) -> List[SyncAction]:
        return [a for a in self.actions if a.kind in kinds]

    def names(self, *kinds: SyncKind) -> List[str]:
        return [a.name for a in self.of_kind(*kinds)]

    def counts(self) -> Dict[SyncKind, int]:
        counts = {kind: 0 for kind in SyncKind}
        for action in self.actions:
            counts[action.kind] += 1
        return counts

    @property
    def needs_confirmation(self) -> bool:
        """Whether anything would be transferred, deleted or decided."""
        quiet = (SyncKind.UNCHANGED, SyncKind.SAME_CHANGE, SyncKind.BOTH_DELETED)
        return any(a.kind not in quiet for a in self.actions)


is_project_file = is_qgis_project  # one definition of the QGIS project suffixes: client/names.py


def project_files_last(names: Iterable[str]) -> List[str]:
    """`names` sorted, with .qgs/.qgz files at the end (the server processes them on upload)."""
    return sorted(names, key=lambda n: (is_project_file(n), n))


def decide(local: Optional[FileState], remote: Optional[FileState], base: Optional[FileState]) -> SyncAction:
    """The action for one file (its `name` is filled in by `plan_sync`)."""

    def action(kind: SyncKind, reason: Optional[ConflictReason] = None) -> SyncAction:
        return SyncAction("", kind, local, remote, base, reason)

    if base is None:
        # Never synced from here: nothing may be deleted, and differing copies are conflicts.
        if local is None and remote is None:
            return action(SyncKind.BOTH_DELETED)
        if local is None:
            return action(SyncKind.DOWNLOAD)
        if remote is None:
            return action(SyncKind.UPLOAD)
        if local.same_content(remote):
            return action(SyncKind.UNCHANGED)
        return action(SyncKind.CONFLICT, ConflictReason.BOTH_ADDED)

    local_same = local is not None and local.same_content(base)
    remote_same = remote is not None and remote.same_content(base)
    if local is None and remote is None:
        return action(SyncKind.BOTH_DELETED)
    if local is None:
        return (
            action(SyncKind.DELETE_REMOTE) if remote_same else action(SyncKind.CONFLICT, ConflictReason.DELETED_LOCALLY)
        )
    if remote is None:
        return (
            action(SyncKind.DELETE_LOCAL) if local_same else action(SyncKind.CONFLICT, ConflictReason.DELETED_ON_SERVER)
        )
    if local_same and remote_same:
        return action(SyncKind.UNCHANGED)
    if remote_same:
        return action(SyncKind.UPLOAD)
    if local_same:
        return action(SyncKind.DOWNLOAD)
    if local.same_content(remote):
        return action(SyncKind.SAME_CHANGE)
    return action(SyncKind.CONFLICT, ConflictReason.BOTH_CHANGED)


def plan_sync(
    local: Mapping[str, FileState], remote: Mapping[str, FileState], base: Optional[Mapping[str, FileState]]
) -> SyncPlan:
    """The three-way plan over every name known to any side; `base=None` means never synced here."""
    known_base = base or {}
    plan = SyncPlan(first_sync=base is None)
    for name in project_files_last(set(local) | set(remote) | set(known_base)):
        decided = decide(local.get(name), remote.get(name), known_base.get(name))
        plan.actions.append(SyncAction(name, decided.kind, decided.local, decided.remote, decided.base, decided.reason))
    return plan


@dataclass
class SyncChoices:
    """The user's answers to a plan: a resolution per conflict, and the deletions they declined."""

    resolutions: Dict[str, Resolution] = field(default_factory=dict)
    declined: List[str] = field(default_factory=list)


@dataclass
class SyncOperations:
    """What executing a confirmed plan does; every list in plan order (QGIS project files last)."""

    upload: List[str] = field(default_factory=list)
    download: List[str] = field(default_factory=list)
    download_beside: List[str] = field(default_factory=list)  # "keep both": the server copy under a new name
    backup_local: List[str] = field(default_factory=list)  # copied to the trash before a download replaces them
    delete_local: List[str] = field(default_factory=list)  # moved to the trash
    delete_remote: List[str] = field(default_factory=list)
    record: List[str] = field(default_factory=list)  # identical on both sides: base entry from the server
    forget: List[str] = field(default_factory=list)  # gone on both sides: base entry dropped
    untouched: List[str] = field(default_factory=list)  # conflicts without a choice, deletions not confirmed


def resolve(plan: SyncPlan, resolutions: Mapping[str, Resolution], declined: Iterable[str] = ()) -> SyncOperations:
    """Turn a plan plus the user's answers into operations.

    `resolutions` holds the choice for each conflict (a conflict without one is left
    untouched); `declined` names proposed deletions the user unticked.
    """
    declined = set(declined)
    ops = SyncOperations()
    for action in plan.actions:
        name, kind = action.name, action.kind
        if kind in (SyncKind.UNCHANGED, SyncKind.SAME_CHANGE):
            ops.record.append(name)
        elif kind == SyncKind.BOTH_DELETED:
            ops.forget.append(name)
        elif kind == SyncKind.UPLOAD:
            ops.upload.append(name)
        elif kind == SyncKind.DOWNLOAD:
            ops.download.append(name)
        elif kind in (SyncKind.DELETE_LOCAL, SyncKind.DELETE_REMOTE):
            if name in declined:
                ops.untouched.append(name)
            else:
                (ops.delete_local if kind == SyncKind.DELETE_LOCAL else ops.delete_remote).append(name)
        else:
            _resolve_conflict(action, resolutions.get(name), ops)
    return ops


def _resolve_conflict(action: SyncAction, choice: Optional[Resolution], ops: SyncOperations) -> None:
    name = action.name
    if choice is None:
        ops.untouched.append(name)
    elif action.reason == ConflictReason.DELETED_LOCALLY:
        # Nothing is left here to keep beside the server copy: "keep both" restores it.
        (ops.delete_remote if choice == Resolution.KEEP_LOCAL else ops.download).append(name)
    elif action.reason == ConflictReason.DELETED_ON_SERVER:
        (ops.delete_local if choice == Resolution.KEEP_SERVER else ops.upload).append(name)
    elif choice == Resolution.KEEP_LOCAL:
        ops.upload.append(name)
    elif choice == Resolution.KEEP_SERVER:
        ops.backup_local.append(name)
        ops.download.append(name)
    else:
        ops.download_beside.append(name)
        ops.upload.append(name)


@dataclass
class UploadPlan:
    """Relative POSIX names, each in at most one list; `upload` has QGIS project files last.

    `server_newer` holds files changed or deleted only on the server: an upload never sends
    them (that would undo the server's change); Synchronize applies them here.
    """

    upload: List[str] = field(default_factory=list)
    skipped: List[str] = field(default_factory=list)
    conflicts: List[str] = field(default_factory=list)
    server_newer: List[str] = field(default_factory=list)


def plan_upload(
    local: Mapping[str, FileState], remote: Mapping[str, FileState], base: Optional[Mapping[str, FileState]]
) -> UploadPlan:
    """The upload-only view of `plan_sync`: what to send, what is identical, what conflicts.

    Files deleted on either side are left alone (only Synchronize deletes, after showing it).
    """
    plan = UploadPlan()
    for action in plan_sync(local, remote, base).actions:
        if action.local is None:
            continue
        if action.kind == SyncKind.UPLOAD:
            plan.upload.append(action.name)
        elif action.kind in (SyncKind.UNCHANGED, SyncKind.SAME_CHANGE):
            plan.skipped.append(action.name)
        elif action.kind == SyncKind.CONFLICT:
            plan.conflicts.append(action.name)
        elif action.kind in (SyncKind.DOWNLOAD, SyncKind.DELETE_LOCAL):
            plan.server_newer.append(action.name)
    return plan


def checkpoint_geopackages(folder: Path) -> List[str]:
    """Flush the WAL of every GeoPackage under `folder` into the main file.

    Returns the names that could not be flushed (locked by another writer); their
    recent edits may be missing from an upload.
    """
    failed = []
    for wal in sorted(Path(folder).rglob("*.gpkg-wal")):
        gpkg = wal.with_name(wal.name[: -len("-wal")])
        if not gpkg.exists():
            continue
        try:
            flushed = checkpoint_geopackage(gpkg)
        except sqlite3.Error:
            flushed = False
        if not flushed:
            failed.append(gpkg.relative_to(folder).as_posix())
    return failed


def checkpoint_geopackage(gpkg: Path) -> bool:
    """Flush one GeoPackage's WAL into the main file; False when a frame could not be copied (another
    writer holds it). Raises sqlite3.Error when the file cannot be opened as SQLite."""
    connection = sqlite3.connect(str(gpkg), timeout=2)
    try:
        _busy, wal_frames, copied = connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    finally:
        connection.close()
    # A reader (QGIS itself) may block the truncation; what matters is that every frame reached the .gpkg.
    return wal_frames == copied
