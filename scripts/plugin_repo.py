"""Write the `plugins.xml` of a QGIS plugin repository that offers the plugin zip.

    python -m scripts.plugin_repo --zip dist/qfieldcloud_plugin.zip --output dist/plugins.xml
    python -m scripts.plugin_repo ... --base-url https://example.org/qgis/   # download_url = base + zip name

The format is what QGIS's plugin installer reads (`pyplugin_installer/installer_data.py`,
`Repositories.xmlDownloaded`): `<plugins><pyqgis_plugin name=… version=…>` with one child element
per field. The installer names the plugin after `file_name` (the part before the first dot), so
the zip keeps the plugin folder's name. Without `--base-url`, `download_url` is the zip's `file://`
URL, which QGIS's network manager also downloads.
"""

import argparse
import datetime
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Optional

from scripts.plugin_zip import REPO_ROOT, ValidationError, validate


def repository_xml(zip_path: Path, download_url: str, uploaded_by: str = "") -> bytes:
    """The plugins.xml document for the validated zip at `zip_path`."""
    metadata = validate(zip_path)
    stamp = datetime.datetime.fromtimestamp(zip_path.stat().st_mtime, datetime.timezone.utc).isoformat()
    root = ET.Element("plugins")
    plugin = ET.SubElement(root, "pyqgis_plugin", name=metadata["name"], version=metadata["version"])
    fields = {
        "description": metadata["description"],
        "about": metadata.get("about", ""),
        "version": metadata["version"],
        "qgis_minimum_version": metadata["qgisMinimumVersion"],
        "qgis_maximum_version": metadata.get("qgisMaximumVersion", ""),
        "homepage": metadata.get("homepage", ""),
        "file_name": zip_path.name,
        "author_name": metadata["author"],
        "author_email": metadata.get("email", ""),
        "download_url": download_url,
        "uploaded_by": uploaded_by or metadata["author"],
        "create_date": stamp,
        "update_date": stamp,
        "experimental": metadata.get("experimental", "False"),
        "deprecated": metadata.get("deprecated", "False"),
        "tracker": metadata["tracker"],
        "repository": metadata["repository"],
        "tags": metadata.get("tags", ""),
        "category": metadata.get("category", ""),
        "changelog": metadata.get("changelog", "").strip(),
    }
    for key, value in fields.items():
        ET.SubElement(plugin, key).text = value
    ET.indent(root)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="utf-8") + b"\n"


def write(zip_path: Path, output: Path, base_url: Optional[str] = None) -> Path:
    """Write plugins.xml to `output`; download_url is `base_url` + zip name, else the zip's file:// URL."""
    if base_url:
        download_url = base_url.rstrip("/") + "/" + zip_path.name
    else:
        download_url = zip_path.resolve().as_uri()
    output.parent.mkdir(parents=True, exist_ok=True)
    tmp = output.with_suffix(".xml.part")
    tmp.write_bytes(repository_xml(zip_path, download_url))
    tmp.replace(output)
    return output


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--zip", type=Path, default=REPO_ROOT / "dist" / "qfieldcloud_plugin.zip")
    parser.add_argument("--output", type=Path, default=REPO_ROOT / "dist" / "plugins.xml")
    parser.add_argument("--base-url", help="URL of the folder that serves the zip (default: a file:// URL)")
    args = parser.parse_args(argv)
    try:
        output = write(args.zip, args.output, args.base_url)
    except (ValidationError, OSError) as exc:
        print(f"{args.zip}: cannot make a repository: {exc}", file=sys.stderr)
        return 1
    print(f"{output}: plugin repository offering {args.zip.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
