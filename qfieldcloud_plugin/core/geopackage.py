"""GeoPackages (SQLite files) read with sqlite3 or as bytes, so that it works on any thread."""

import hashlib
import sqlite3
from pathlib import Path
from typing import List, Optional


def geopackage_tables(path: Path) -> List[str]:
    """Names of the feature tables listed in `gpkg_contents`; [] when `path` is no readable GeoPackage."""
    try:
        connection = sqlite3.connect("{uri}?mode=ro".format(uri=Path(path).resolve().as_uri()), uri=True)
    except sqlite3.Error:
        return []
    try:
        rows = connection.execute(
            "SELECT table_name FROM gpkg_contents WHERE data_type = 'features' ORDER BY table_name"
        ).fetchall()
    except sqlite3.Error:
        return []
    finally:
        connection.close()
    return [row[0] for row in rows]


SQLITE_MAGIC = b"SQLite format 3\x00"
# Header fields SQLite rewrites without any change of data (https://sqlite.org/fileformat2.html#the_database_header):
# 18-19 the write/read versions (1 = rollback journal, 2 = WAL), 24-27 the file change counter,
# 92-95 the "version-valid-for" copy of that counter. Opening a layer for editing and rolling
# back, or closing QGIS, rewrites them; the tables are untouched.
_VOLATILE_HEADER = ((18, b"\x01\x01"), (24, b"\x00" * 4), (92, b"\x00" * 4))
_READ_SIZE = 1024 * 1024


def is_sqlite_name(name: str) -> bool:
    return name.lower().endswith((".gpkg", ".sqlite", ".db"))


def sqlite_content_sha256(path: Path) -> Optional[str]:
    """SHA-256 of an SQLite file with its volatile header fields masked; None when it is no SQLite file.

    Two copies with the same value hold the same pages, so the same data: one of them was
    only opened (and perhaps switched to WAL) by QGIS. Runs on a worker thread.
    """
    try:
        with open(path, "rb") as f:
            header = bytearray(f.read(100))
            if len(header) < 100 or bytes(header[:16]) != SQLITE_MAGIC:
                return None
            for offset, value in _VOLATILE_HEADER:
                header[offset : offset + len(value)] = value
            digest = hashlib.sha256(bytes(header))
            for chunk in iter(lambda: f.read(_READ_SIZE), b""):
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()
