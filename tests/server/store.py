"""Persistent state: one SQLite database plus blob files under the data directory.

SQLite is used through a single connection guarded by a lock, shared by the event loop (short
queries only) and the job worker thread. Blob contents never pass through the database: a file
version row points at a blob file named by the version's uuid.
"""

import hashlib
import secrets
import sqlite3
import threading
import uuid
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional

from . import clock

SCHEMA = """
CREATE TABLE IF NOT EXISTS users (
    id INTEGER PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    email TEXT NOT NULL DEFAULT '',
    password_hash TEXT NOT NULL DEFAULT '',
    type INTEGER NOT NULL,                  -- 1 person, 2 organization, 3 team
    first_name TEXT NOT NULL DEFAULT '',
    last_name TEXT NOT NULL DEFAULT '',
    is_active INTEGER NOT NULL DEFAULT 1,
    owner_id INTEGER,                       -- organizations: the owner; teams: the organization
    created_at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS tokens (
    key TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL,
    client_type TEXT NOT NULL,
    created_at REAL NOT NULL,
    expires_at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS login_failures (
    username TEXT NOT NULL,
    ip TEXT NOT NULL,
    failures INTEGER NOT NULL,
    last_failure_at REAL NOT NULL,
    PRIMARY KEY (username, ip)
);
CREATE TABLE IF NOT EXISTS org_members (
    org_id INTEGER NOT NULL,
    user_id INTEGER NOT NULL,
    role TEXT NOT NULL,
    is_public INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (org_id, user_id)
);
CREATE TABLE IF NOT EXISTS team_members (
    team_id INTEGER NOT NULL,
    user_id INTEGER NOT NULL,
    PRIMARY KEY (team_id, user_id)
);
CREATE TABLE IF NOT EXISTS projects (
    id TEXT PRIMARY KEY,
    owner_id INTEGER NOT NULL,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    is_public INTEGER NOT NULL DEFAULT 0,
    project_type TEXT NOT NULL DEFAULT 'regular',
    is_featured INTEGER NOT NULL DEFAULT 0,
    is_attachment_download_on_demand INTEGER NOT NULL DEFAULT 0,
    has_restricted_projectfiles INTEGER NOT NULL DEFAULT 0,
    overwrite_conflicts INTEGER NOT NULL DEFAULT 1,
    the_qgis_file_name TEXT,
    created_at REAL NOT NULL,
    updated_at REAL NOT NULL,
    data_last_packaged_at REAL,
    data_last_updated_at REAL,
    restricted_data_last_updated_at REAL,
    UNIQUE (owner_id, name)
);
CREATE TABLE IF NOT EXISTS collaborators (
    project_id TEXT NOT NULL,
    user_id INTEGER NOT NULL,
    role TEXT NOT NULL,
    created_by INTEGER,
    updated_by INTEGER,
    created_at REAL NOT NULL,
    updated_at REAL NOT NULL,
    PRIMARY KEY (project_id, user_id)
);
CREATE TABLE IF NOT EXISTS files (
    id INTEGER PRIMARY KEY,
    project_id TEXT NOT NULL,
    name TEXT NOT NULL,
    created_at REAL NOT NULL,              -- the first upload of this path: `uploaded_at`
    UNIQUE (project_id, name)
);
CREATE TABLE IF NOT EXISTS file_versions (
    id TEXT PRIMARY KEY,                   -- version uuid, also the blob's file name
    file_id INTEGER NOT NULL,
    size INTEGER NOT NULL,
    md5sum TEXT NOT NULL,                  -- S3-style ETag
    sha256 TEXT NOT NULL,
    uploaded_at REAL NOT NULL,
    uploaded_by INTEGER
);
CREATE INDEX IF NOT EXISTS file_versions_file ON file_versions (file_id, uploaded_at);
-- Lookups done once per listed project; without them a project listing scans tables per project.
CREATE INDEX IF NOT EXISTS projects_owner_type ON projects (owner_id, project_type);
CREATE INDEX IF NOT EXISTS collaborators_user ON collaborators (user_id);
CREATE TABLE IF NOT EXISTS jobs (
    id TEXT PRIMARY KEY,
    project_id TEXT NOT NULL,
    type TEXT NOT NULL,
    status TEXT NOT NULL,
    created_by INTEGER NOT NULL,
    created_at REAL NOT NULL,
    updated_at REAL NOT NULL,
    started_at REAL,
    finished_at REAL,
    feedback TEXT,                          -- JSON
    output TEXT
);
CREATE TABLE IF NOT EXISTS package_files (
    job_id TEXT NOT NULL,
    name TEXT NOT NULL,
    blob TEXT NOT NULL,                     -- path relative to the data directory
    size INTEGER NOT NULL,
    md5sum TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    uploaded_at REAL NOT NULL,
    PRIMARY KEY (job_id, name)
);
CREATE INDEX IF NOT EXISTS jobs_project ON jobs (project_id, created_at);
CREATE TABLE IF NOT EXISTS deltas (
    id TEXT PRIMARY KEY,
    deltafile_id TEXT NOT NULL,
    project_id TEXT NOT NULL,
    created_by INTEGER NOT NULL,
    created_at REAL NOT NULL,
    updated_at REAL NOT NULL,
    status TEXT NOT NULL,
    output TEXT,
    last_feedback TEXT,
    content TEXT NOT NULL                   -- JSON
);
CREATE TABLE IF NOT EXISTS thumbnails (
    project_id TEXT PRIMARY KEY,
    content_type TEXT NOT NULL
);
"""

PERSON, ORGANIZATION, TEAM = 1, 2, 3
ACTIVE_JOB_STATUSES = ("pending", "queued", "started")


def hash_password(password: str, salt: Optional[str] = None) -> str:
    """Salted PBKDF2, so the data directory never holds plain passwords."""
    salt = salt or secrets.token_hex(8)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode(), salt.encode(), 1000).hex()
    return f"{salt}${digest}"


def check_password(password: str, stored: str) -> bool:
    salt, _, _digest = stored.partition("$")
    return bool(salt) and secrets.compare_digest(hash_password(password, salt), stored)


class Store:
    """The database plus the blob folders; every method is safe to call from any thread."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = Path(data_dir)
        self.blob_dir = self.data_dir / "blobs"
        self.package_dir = self.data_dir / "packages"
        self.thumbnail_dir = self.data_dir / "thumbnails"
        for folder in (self.blob_dir, self.package_dir, self.thumbnail_dir):
            folder.mkdir(parents=True, exist_ok=True)
        self._lock = threading.RLock()
        self._db = sqlite3.connect(
            str(self.data_dir / "qfieldcloud.sqlite3"), check_same_thread=False, isolation_level=None
        )
        self._db.row_factory = sqlite3.Row
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.executescript(SCHEMA)

    def close(self) -> None:
        with self._lock:
            self._db.close()

    # -- generic helpers -------------------------------------------------------------------------

    def all(self, sql: str, *args: Any) -> List[Dict[str, Any]]:
        with self._lock:
            return [dict(row) for row in self._db.execute(sql, args).fetchall()]

    def one(self, sql: str, *args: Any) -> Optional[Dict[str, Any]]:
        with self._lock:
            row = self._db.execute(sql, args).fetchone()
        return dict(row) if row is not None else None

    def run(self, sql: str, *args: Any) -> int:
        """Executes one write statement and returns the number of changed rows."""
        with self._lock:
            return self._db.execute(sql, args).rowcount

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """Several writes that must land together (e.g. a file row and its first version)."""
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    # -- users, organizations, teams -------------------------------------------------------------

    def user_by_name(self, username: str) -> Optional[Dict[str, Any]]:
        return self.one("SELECT * FROM users WHERE username = ?", username)

    def user_by_id(self, user_id: int) -> Optional[Dict[str, Any]]:
        return self.one("SELECT * FROM users WHERE id = ?", user_id)

    def person_by_login(self, login: str) -> Optional[Dict[str, Any]]:
        """A person matched by username, or by e-mail (case-insensitive)."""
        user = self.one("SELECT * FROM users WHERE type = ? AND username = ?", PERSON, login)
        if user is None and "@" in login:
            user = self.one("SELECT * FROM users WHERE type = ? AND lower(email) = lower(?)", PERSON, login)
        return user

    def ensure_person(self, username: str, password: str, email: str = "") -> Dict[str, Any]:
        """Creates the person, or resets its password: `--user` is idempotent across restarts."""
        existing = self.user_by_name(username)
        if existing is None:
            self.run(
                "INSERT INTO users (username, email, password_hash, type, first_name, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                username,
                email or f"{username}@example.com",
                hash_password(password),
                PERSON,
                username.capitalize(),
                clock.now(),
            )
        else:
            self.run("UPDATE users SET password_hash = ? WHERE id = ?", hash_password(password), existing["id"])
        return self.user_by_name(username)

    def ensure_organization(self, name: str, owner: Dict[str, Any]) -> Dict[str, Any]:
        """Creates the organization; its owner is recorded as an admin member as well."""
        org = self.user_by_name(name)
        if org is None:
            self.run(
                "INSERT INTO users (username, email, type, owner_id, created_at) VALUES (?, ?, ?, ?, ?)",
                name,
                f"{name}@example.com",
                ORGANIZATION,
                owner["id"],
                clock.now(),
            )
            org = self.user_by_name(name)
        self.run(
            "INSERT OR REPLACE INTO org_members (org_id, user_id, role, is_public) VALUES (?, ?, 'admin', 0)",
            org["id"],
            owner["id"],
        )
        return org

    def team(self, org: Dict[str, Any], short_name: str) -> Optional[Dict[str, Any]]:
        return self.one(
            "SELECT * FROM users WHERE type = ? AND owner_id = ? AND username = ?",
            TEAM,
            org["id"],
            f"@{org['username']}/{short_name}",
        )

    def org_role(self, org: Dict[str, Any], user: Dict[str, Any]) -> Optional[str]:
        """The user's membership role in the organization (the owner is always admin)."""
        if org["owner_id"] == user["id"]:
            return "admin"
        row = self.one("SELECT role FROM org_members WHERE org_id = ? AND user_id = ?", org["id"], user["id"])
        return row["role"] if row else None

    # -- tokens ----------------------------------------------------------------------------------

    def create_token(self, user: Dict[str, Any], client_type: str, lifetime_hours: float) -> Dict[str, Any]:
        alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
        key = "".join(secrets.choice(alphabet) for _ in range(100))
        created = clock.now()
        self.run(
            "INSERT INTO tokens (key, user_id, client_type, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
            key,
            user["id"],
            client_type,
            created,
            created + lifetime_hours * 3600,
        )
        return self.one("SELECT * FROM tokens WHERE key = ?", key)

    def expire_tokens(self, user_id: int, client_type: Optional[str] = None, keep: str = "") -> None:
        """Expires the user's live tokens (of one client type if given), except `keep`."""
        now = clock.now()
        if client_type is None:
            self.run("UPDATE tokens SET expires_at = ? WHERE user_id = ? AND expires_at > ?", now, user_id, now)
        else:
            self.run(
                "UPDATE tokens SET expires_at = ? WHERE user_id = ? AND client_type = ? AND key != ?"
                " AND expires_at > ?",
                now,
                user_id,
                client_type,
                keep,
                now,
            )

    # -- projects --------------------------------------------------------------------------------

    def project(self, project_id: str) -> Optional[Dict[str, Any]]:
        return self.one("SELECT * FROM projects WHERE id = ?", project_id)

    def has_active_job(self, project_id: str) -> bool:
        return (
            self.one(
                "SELECT 1 FROM jobs WHERE project_id = ? AND status IN ('pending', 'queued', 'started') LIMIT 1",
                project_id,
            )
            is not None
        )

    def touch_project(self, project_id: str, **columns: Any) -> None:
        """Updates some project columns and `updated_at`."""
        columns["updated_at"] = clock.now()
        assignments = ", ".join(f"{name} = ?" for name in columns)
        self.run(f"UPDATE projects SET {assignments} WHERE id = ?", *columns.values(), project_id)

    # -- files -----------------------------------------------------------------------------------

    def blob_path(self, version_id: str) -> Path:
        return self.blob_dir / version_id

    def new_blob_id(self) -> str:
        return str(uuid.uuid4())

    def file(self, project_id: str, name: str) -> Optional[Dict[str, Any]]:
        return self.one("SELECT * FROM files WHERE project_id = ? AND name = ?", project_id, name)

    def files_with_versions(
        self, project_id: str, offset: int = 0, limit: Optional[int] = None
    ) -> List[Dict[str, Any]]:
        """The project's files (those with a version), sorted by name, each with `versions` newest
        first; `offset`/`limit` select a slice in SQL, so one page reads only its own rows."""
        files = self.all(
            "SELECT * FROM files f WHERE project_id = ? AND EXISTS (SELECT 1 FROM file_versions v"
            " WHERE v.file_id = f.id) ORDER BY name LIMIT ? OFFSET ?",
            project_id,
            -1 if limit is None else limit,
            offset,
        )
        if not files:
            return []
        if offset == 0 and limit is None:
            versions = self.all(
                "SELECT v.* FROM file_versions v JOIN files f ON f.id = v.file_id WHERE f.project_id = ?"
                " ORDER BY v.uploaded_at DESC, v.rowid DESC",
                project_id,
            )
        else:
            ids = [file["id"] for file in files]
            versions = []
            for start in range(0, len(ids), 500):  # SQLite's bound-parameter limit
                chunk = ids[start : start + 500]
                versions += self.all(
                    f"SELECT * FROM file_versions WHERE file_id IN ({','.join('?' * len(chunk))})"
                    " ORDER BY uploaded_at DESC, rowid DESC",
                    *chunk,
                )
        by_file: Dict[int, List[Dict[str, Any]]] = {}
        for version in versions:
            by_file.setdefault(version["file_id"], []).append(version)
        for file in files:
            file["versions"] = by_file.get(file["id"], [])
        return files

    def count_files(self, project_id: str) -> int:
        """How many files of the project have a version (what `files_with_versions` lists)."""
        row = self.one(
            "SELECT COUNT(*) AS n FROM files f WHERE project_id = ? AND EXISTS (SELECT 1 FROM file_versions v"
            " WHERE v.file_id = f.id)",
            project_id,
        )
        return int(row["n"])

    def versions(self, file_id: int) -> List[Dict[str, Any]]:
        return self.all("SELECT * FROM file_versions WHERE file_id = ? ORDER BY uploaded_at DESC, rowid DESC", file_id)

    def add_version(self, project_id: str, name: str, version: Dict[str, Any]) -> None:
        """Records an uploaded blob as the newest version of `name`, creating the file if needed."""
        with self.transaction() as db:
            db.execute(
                "INSERT OR IGNORE INTO files (project_id, name, created_at) VALUES (?, ?, ?)",
                (project_id, name, version["uploaded_at"]),
            )
            file_id = db.execute(
                "SELECT id FROM files WHERE project_id = ? AND name = ?", (project_id, name)
            ).fetchone()[0]
            db.execute(
                "INSERT INTO file_versions (id, file_id, size, md5sum, sha256, uploaded_at, uploaded_by)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    version["id"],
                    file_id,
                    version["size"],
                    version["md5sum"],
                    version["sha256"],
                    version["uploaded_at"],
                    version["uploaded_by"],
                ),
            )

    def delete_versions(self, file_id: int, version_ids: List[str]) -> None:
        """Removes version rows and blobs; the file row goes when its last version goes."""
        with self.transaction() as db:
            db.executemany("DELETE FROM file_versions WHERE id = ?", [(vid,) for vid in version_ids])
            remaining = db.execute("SELECT COUNT(*) FROM file_versions WHERE file_id = ?", (file_id,)).fetchone()[0]
            if not remaining:
                db.execute("DELETE FROM files WHERE id = ?", (file_id,))
        for version_id in version_ids:
            self.blob_path(version_id).unlink(missing_ok=True)

    def project_storage_bytes(self, project_id: str) -> int:
        row = self.one(
            "SELECT COALESCE(SUM(v.size), 0) AS total FROM file_versions v JOIN files f ON f.id = v.file_id"
            " WHERE f.project_id = ?",
            project_id,
        )
        return int(row["total"])

    def delete_project(self, project_id: str) -> None:
        """Deletes the project with its files, jobs, packages, deltas, collaborators and thumbnail."""
        version_ids = [
            row["id"]
            for row in self.all(
                "SELECT v.id FROM file_versions v JOIN files f ON f.id = v.file_id WHERE f.project_id = ?", project_id
            )
        ]
        package_blobs = [
            row["blob"]
            for row in self.all(
                "SELECT p.blob FROM package_files p JOIN jobs j ON j.id = p.job_id WHERE j.project_id = ?", project_id
            )
        ]
        with self.transaction() as db:
            db.execute(
                "DELETE FROM file_versions WHERE file_id IN (SELECT id FROM files WHERE project_id = ?)",
                (project_id,),
            )
            db.execute(
                "DELETE FROM package_files WHERE job_id IN (SELECT id FROM jobs WHERE project_id = ?)",
                (project_id,),
            )
            for table in ("files", "jobs", "deltas", "collaborators", "thumbnails"):
                db.execute(f"DELETE FROM {table} WHERE project_id = ?", (project_id,))
            db.execute("DELETE FROM projects WHERE id = ?", (project_id,))
        for version_id in version_ids:
            self.blob_path(version_id).unlink(missing_ok=True)
        for blob in package_blobs:
            (self.data_dir / blob).unlink(missing_ok=True)
        (self.thumbnail_dir / project_id).unlink(missing_ok=True)
