"""The vector tables of a GeoPackage, read with sqlite3 so that it works on any thread."""

import sqlite3
from pathlib import Path
from typing import List


def geopackage_tables(path: Path) -> List[str]:
    """Names of the feature tables listed in `gpkg_contents`; [] when `path` is no readable GeoPackage."""
    try:
        connection = sqlite3.connect("{uri}?mode=ro".format(uri=Path(path).resolve().as_uri()), uri=True)
    except sqlite3.Error:
        return []
    try:
        rows = connection.execute(
            "SELECT table_name FROM gpkg_contents WHERE data_type = 'features' ORDER BY table_name").fetchall()
    except sqlite3.Error:
        return []
    finally:
        connection.close()
    return [row[0] for row in rows]
