"""Pure decisions about what to upload: no network, no Qt."""

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List

QGIS_PROJECT_SUFFIXES = (".qgs", ".qgz")


@dataclass
class UploadPlan:
    """Relative POSIX names, each in exactly one list; `upload` has QGIS project files last."""

    upload: List[str] = field(default_factory=list)
    skipped: List[str] = field(default_factory=list)
    conflicts: List[str] = field(default_factory=list)


def project_files_last(names) -> List[str]:
    """`names` sorted, with .qgs/.qgz files at the end (the server processes them on upload)."""
    return sorted(names, key=lambda n: (n.lower().endswith(QGIS_PROJECT_SUFFIXES), n))


def plan_upload(local: Dict[str, str], remote: Dict[str, str], last_sync: Dict[str, str]) -> UploadPlan:
    """Decide per local file: skip (identical), upload, or conflict.

    `local` maps name → local etag, `remote` name → server md5sum, `last_sync` name →
    server md5sum recorded at our last sync. A file that differs on the server is a
    conflict unless the server still has the version we last synced.
    """
    plan = UploadPlan()
    for name in project_files_last(local):
        remote_md5 = remote.get(name)
        if remote_md5 is None:
            plan.upload.append(name)
        elif remote_md5 == local[name]:
            plan.skipped.append(name)
        elif last_sync.get(name) == remote_md5:
            plan.upload.append(name)
        else:
            plan.conflicts.append(name)
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
            connection = sqlite3.connect(str(gpkg), timeout=2)
            try:
                _busy, wal_frames, copied = connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            finally:
                connection.close()
        except sqlite3.Error:
            wal_frames, copied = 1, 0
        # A reader (QGIS itself) may block the truncation; what matters is that every frame reached the .gpkg.
        if wal_frames != copied:
            failed.append(gpkg.relative_to(folder).as_posix())
    return failed
