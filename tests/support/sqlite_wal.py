"""GeoPackage edits that are committed but still only in the `-wal` file, as QGIS leaves them."""

import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Tuple


def commit_into_the_wal(
    gpkg: Path, table: str, column: str, value: str
) -> Tuple[sqlite3.Connection, sqlite3.Connection]:
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


@contextmanager
def wal_pinned_by_a_reader(gpkg: Path) -> Iterator[None]:
    """`gpkg` in WAL mode with a commit that no checkpoint can flush while the block runs: a
    reader's open transaction started before it (a layer mid-read, another program)."""
    writer = sqlite3.connect(str(gpkg), timeout=0.1)
    writer.execute("PRAGMA journal_mode=WAL")
    writer.execute("CREATE TABLE t (v TEXT)")
    writer.commit()
    writer.execute("INSERT INTO t VALUES ('committed')")
    writer.commit()
    reader = sqlite3.connect(str(gpkg))
    reader.execute("BEGIN")
    reader.execute("SELECT * FROM t").fetchall()  # an open read transaction pins the WAL
    writer.execute("INSERT INTO t VALUES ('after the reader started')")
    writer.commit()
    try:
        yield
    finally:
        reader.close()
        writer.close()
