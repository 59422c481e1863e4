"""GeoPackage edits that are committed but still only in the `-wal` file, as QGIS leaves them."""

import sqlite3
from pathlib import Path
from typing import Tuple


def commit_into_the_wal(gpkg: Path, table: str, column: str,
                        value: str) -> Tuple[sqlite3.Connection, sqlite3.Connection]:
    """Create `table (column TEXT)` in `gpkg` and commit one row in WAL mode; return (writer, idle reader).

    A plain table: no spatial triggers to satisfy. The reader stays open, as a layer QGIS still
    shows would, so that SQLite does not checkpoint on its own when the writer closes. The
    caller closes both.
    """
    writer = sqlite3.connect(str(gpkg))
    writer.execute("PRAGMA journal_mode=WAL")
    writer.execute(f"CREATE TABLE {table} ({column} TEXT)")
    writer.execute(f"INSERT INTO {table} VALUES (?)", (value,))
    writer.commit()
    reader = sqlite3.connect(str(gpkg))
    reader.execute(f"SELECT count(*) FROM {table}").fetchall()
    return writer, reader
