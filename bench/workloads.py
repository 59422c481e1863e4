"""Workload data: local folders to upload and server-side projects seeded straight into the store.

Seeding writes the server's SQLite database and blob files before the server starts (the same
way `tests/server/demo.py` seeds the demo project), so a 10,000-file project or a user with
5,000 projects costs seconds instead of thousands of uploads. Everything lives under
`bench/work/` (git-ignored), on the same disk as the checkout.
"""

import hashlib
import os
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Tuple

from tests.server.store import Store

ETAG_PART_SIZE = 8 * 1024 * 1024
MIB = 1024 * 1024

BENCH_USER = ("bench", "bench-secret-1")


@dataclass(frozen=True)
class Scale:
    name: str
    small_files: int  # files in the many-small-files workloads
    small_size: int  # bytes of each small file
    large_size: int  # bytes of the single large file
    list_files: int  # files in the listed project
    list_projects: int  # projects of the bench user (on top of the workload projects)
    runs: int  # repetitions; every figure is a median over them
    gui_files: int  # files downloaded by the QgsTask in the GUI-stall workload


SCALES: Dict[str, Scale] = {
    "full": Scale("full", 1000, 16 * 1024, 1024 * MIB, 10_000, 5_000, 3, 1000),
    "small": Scale("small", 200, 16 * 1024, 64 * MIB, 1_000, 500, 3, 200),
}

# Over an emulated link the workloads are the issue's: a 1 GiB file at 20 Mbit/s would take
# seven minutes a run, and 1,000 files only repeat what 200 show. "small" keeps the shapes and
# shrinks the large file, for a check in a few minutes.
LINK_SCALES: Dict[str, Scale] = {
    "full": Scale("link-full", 200, 16 * 1024, 100 * 1000 * 1000, 2_000, 500, 3, 200),
    "small": Scale("link-small", 200, 16 * 1024, 16 * 1000 * 1000, 2_000, 100, 3, 200),
}

# Fixed project ids, so a reader of the JSON can match them with the server's data folder.
PROJECTS = {
    "small": "b0000000-0000-4000-8000-000000000001",  # N small files, downloaded
    "large": "b0000000-0000-4000-8000-000000000002",  # one large file, downloaded
    "redownload": "b0000000-0000-4000-8000-000000000003",  # N small files + the large file
    "listing": "b0000000-0000-4000-8000-000000000004",  # many files, listed only (no blobs)
}


def _etag_and_sha(chunks) -> Tuple[int, str, str]:
    sha = hashlib.sha256()
    whole = hashlib.md5()
    part = hashlib.md5()
    part_len = 0
    digests: List[bytes] = []
    size = 0
    for chunk in chunks:
        sha.update(chunk)
        whole.update(chunk)
        size += len(chunk)
        view = memoryview(chunk)
        while len(view):
            take = min(len(view), ETAG_PART_SIZE - part_len)
            part.update(view[:take])
            part_len += take
            view = view[take:]
            if part_len == ETAG_PART_SIZE:
                digests.append(part.digest())
                part, part_len = hashlib.md5(), 0
    if size <= ETAG_PART_SIZE:
        etag = whole.hexdigest()
    else:
        if part_len:
            digests.append(part.digest())
        etag = f"{hashlib.md5(b''.join(digests)).hexdigest()}-{len(digests)}"
    return size, etag, sha.hexdigest()


def write_large_file(path: Path, size: int) -> Tuple[int, str, str]:
    """Incompressible content (random 16 MiB block, each MiB stamped with its index); returns hashes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    block = bytearray(os.urandom(16 * MIB))

    def chunks():
        done = 0
        while done < size:
            take = min(MIB, size - done)
            offset = (done // MIB) % 16 * MIB
            chunk = bytes(block[offset : offset + take])
            stamp = (done // MIB).to_bytes(8, "little")
            yield stamp[:take] + chunk[len(stamp) :] if take >= 8 else chunk
            done += take

    with open(path, "wb") as out:

        def writing():
            for chunk in chunks():
                out.write(chunk)
                yield chunk

        return _etag_and_sha(writing())


def small_contents(count: int, size: int, seed: str) -> List[Tuple[str, bytes]]:
    """`count` distinct files of `size` bytes in a few sub-folders, like a real project's DCIM."""
    files = []
    for i in range(count):
        name = f"DCIM/{i // 250:02d}/photo_{i:05d}.jpg" if i % 4 else f"data/layer_{i:05d}.csv"
        head = hashlib.sha256(f"{seed}:{i}".encode()).digest()
        files.append((name, (head * (size // len(head) + 1))[:size]))
    return files


def write_local_folder(root: Path, files: List[Tuple[str, bytes]]) -> None:
    for name, data in files:
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


class Seeder:
    """Writes projects, files and versions into a server data folder (server not running)."""

    def __init__(self, data_dir: Path) -> None:
        self.store = Store(data_dir)
        self.user = self.store.ensure_person(*BENCH_USER)
        self.now = time.time()

    def project(self, project_id: str, name: str) -> None:
        self.store.run(
            "INSERT INTO projects (id, owner_id, name, description, created_at, updated_at, data_last_updated_at)"
            " VALUES (?, ?, ?, '', ?, ?, ?)",
            project_id,
            self.user["id"],
            name,
            self.now,
            self.now,
            self.now,
        )

    def many_projects(self, count: int) -> None:
        rows = [(str(uuid.uuid4()), self.user["id"], f"bench-list-{i:05d}", self.now, self.now) for i in range(count)]
        with self.store.transaction() as db:
            db.executemany(
                "INSERT INTO projects (id, owner_id, name, description, created_at, updated_at)"
                " VALUES (?, ?, ?, '', ?, ?)",
                rows,
            )

    def add_files(self, project_id: str, files: List[Tuple[str, bytes]]) -> None:
        """Blobs on disk plus one version each, in a single transaction."""
        rows = []
        for name, data in files:
            version_id = str(uuid.uuid4())
            self.store.blob_path(version_id).write_bytes(data)
            size, etag, sha = _etag_and_sha([data])
            rows.append((name, version_id, size, etag, sha))
        self._insert(project_id, rows)

    def add_blob(self, project_id: str, name: str, source: Path, hashes: Tuple[int, str, str]) -> None:
        """A large file: the blob is a hard link to `source` (same disk), hashes computed once."""
        version_id = str(uuid.uuid4())
        os.link(source, self.store.blob_path(version_id))
        self._insert(project_id, [(name, version_id, *hashes)])

    def add_listing_only(self, project_id: str, count: int) -> None:
        """Rows without blobs: enough for `files/<pid>/` listings, never downloaded."""
        rows = []
        for i in range(count):
            digest = hashlib.md5(str(i).encode()).hexdigest()
            rows.append(
                (
                    f"layers/{i // 1000:02d}/feature_{i:06d}.geojson",
                    str(uuid.uuid4()),
                    1000 + i,
                    digest,
                    hashlib.sha256(digest.encode()).hexdigest(),
                )
            )
        self._insert(project_id, rows)

    def _insert(self, project_id: str, rows) -> None:
        with self.store.transaction() as db:
            for name, version_id, size, etag, sha in rows:
                cursor = db.execute(
                    "INSERT INTO files (project_id, name, created_at) VALUES (?, ?, ?)",
                    (project_id, name, self.now),
                )
                db.execute(
                    "INSERT INTO file_versions (id, file_id, size, md5sum, sha256, uploaded_at, uploaded_by)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (version_id, cursor.lastrowid, size, etag, sha, self.now, self.user["id"]),
                )

    def close(self) -> None:
        self.store.close()


def generate(work: Path, scale: Scale) -> Dict[str, object]:
    """Fresh data folder, local upload folders and seeded projects; returns paths and expectations."""
    server_dir, local_dir = work / "server", work / "local"
    server_dir.mkdir(parents=True)
    small = small_contents(scale.small_files, scale.small_size, "bench")
    write_local_folder(local_dir / "small", small)
    large_path = local_dir / "large" / "orthophoto.tif"
    large_hashes = write_large_file(large_path, scale.large_size)

    seeder = Seeder(server_dir)
    try:
        seeder.project(PROJECTS["small"], "bench-small-files")
        seeder.add_files(PROJECTS["small"], small)
        seeder.project(PROJECTS["large"], "bench-large-file")
        seeder.add_blob(PROJECTS["large"], "orthophoto.tif", large_path, large_hashes)
        seeder.project(PROJECTS["redownload"], "bench-redownload")
        seeder.add_files(PROJECTS["redownload"], small)
        seeder.add_blob(PROJECTS["redownload"], "orthophoto.tif", large_path, large_hashes)
        seeder.project(PROJECTS["listing"], "bench-listing")
        seeder.add_listing_only(PROJECTS["listing"], scale.list_files)
        seeder.many_projects(max(0, scale.list_projects - len(PROJECTS)))
    finally:
        seeder.close()
    return {
        "server_dir": server_dir,
        "small_dir": local_dir / "small",
        "large_dir": local_dir / "large",
        "large_file": large_path,
        "large_size": scale.large_size,
        "small_count": len(small),
        "small_bytes": sum(len(d) for _, d in small),
    }
