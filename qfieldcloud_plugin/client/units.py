"""How sizes are written for people, everywhere: the CLI, the dock, the sync dialog."""

from typing import Optional

# Binary steps with the short names, as QGIS writes file sizes (QgsFileUtils::representFileSize).
_UNITS = ("B", "KB", "MB", "GB", "TB")


def format_size(size: Optional[float]) -> str:
    """`512 B`, `1.5 KB`, `3.2 GB`; an empty string for an unknown size."""
    if size is None:
        return ""
    value = float(size)
    for unit in _UNITS[:-1]:
        if abs(value) < 1024:
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} {_UNITS[-1]}"
