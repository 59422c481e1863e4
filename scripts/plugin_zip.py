"""Build the plugin zip the QGIS plugin manager installs, and validate it like plugins.qgis.org does.

    python -m scripts.plugin_zip build  --output dist/qfieldcloud_plugin.zip
    python -m scripts.plugin_zip check  dist/qfieldcloud_plugin.zip

The checks follow the plugins.qgis.org upload validator (size, paths, forbidden folders and
files, one top folder with a valid name, `__init__.py`, metadata.txt with the required fields
and well-formed URLs, LICENSE). The site also sends a HEAD request to the URLs; this machine
has no internet access, so only their form is checked here.
"""

import argparse
import configparser
import io
import re
import sys
import zipfile
from pathlib import Path
from typing import List
from urllib.parse import urlparse

REPO_ROOT = Path(__file__).resolve().parents[1]
PLUGIN_DIR_NAME = "qfieldcloud_plugin"
MAX_SIZE_BYTES = 25_000_000
REQUIRED_METADATA = (
    "name",
    "description",
    "version",
    "qgisMinimumVersion",
    "author",
    "email",
    "about",
    "tracker",
    "repository",
)
PLACEHOLDER_URLS = {"http://bugs", "http://repo", "http://homepage"}
FORBIDDEN_DIRS = {"__MACOSX", ".git", "__pycache__"}
# Development-only content that must never reach users.
EXCLUDED_SUFFIXES = (".pyc", ".pyo", ".ts", ".orig", ".rej", "~")
EXCLUDED_DIRS = FORBIDDEN_DIRS | {"tests", ".pytest_cache"}


class ValidationError(Exception):
    """The zip would be refused by the plugin repository."""


def _plugin_files(source: Path) -> List[Path]:
    files = []
    for path in sorted(source.rglob("*")):
        rel = path.relative_to(source)
        if any(part in EXCLUDED_DIRS or part.startswith(".") for part in rel.parts):
            continue
        if path.is_file() and not path.name.endswith(EXCLUDED_SUFFIXES):
            files.append(path)
    return files


def build(output: Path) -> Path:
    """Write the zip: one top folder holding the code, metadata.txt, LICENSE and the .qm files."""
    source = REPO_ROOT / PLUGIN_DIR_NAME
    output.parent.mkdir(parents=True, exist_ok=True)
    tmp = output.with_suffix(".zip.part")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in _plugin_files(source):
            archive.write(path, f"{PLUGIN_DIR_NAME}/{path.relative_to(source).as_posix()}")
        for top_level in ("metadata.txt", "LICENSE", "README.md"):
            archive.write(REPO_ROOT / top_level, f"{PLUGIN_DIR_NAME}/{top_level}")
    tmp.replace(output)
    return output


def validate(zip_path: Path) -> dict:
    """Return the metadata of a valid zip; raise ValidationError naming the first problem."""
    if zip_path.stat().st_size > MAX_SIZE_BYTES:
        raise ValidationError(f"{zip_path} is larger than {MAX_SIZE_BYTES} bytes")
    try:
        archive = zipfile.ZipFile(zip_path)
    except zipfile.BadZipFile as exc:
        raise ValidationError(f"cannot unzip {zip_path}: {exc}") from exc
    with archive:
        names = archive.namelist()
        for name in names:
            if ".." in name or name.startswith("/"):
                raise ValidationError(f"path information in the zip: {name}")
            if ".pyc" in name:
                raise ValidationError(f"compiled Python file in the zip: {name}")
            forbidden = FORBIDDEN_DIRS.intersection(name.split("/"))
            if forbidden:
                raise ValidationError(f"forbidden folder {forbidden.pop()} in the zip: {name}")
        bad = archive.testzip()
        if bad:
            raise ValidationError(f"bad CRC for {bad}")
        top_folders = {name.split("/")[0] for name in names}
        if len(top_folders) != 1:
            raise ValidationError(f"the zip must hold exactly one top folder, found {sorted(top_folders)}")
        package = top_folders.pop()
        if not re.match(r"^[A-Za-z][A-Za-z0-9-_]+$", package):
            raise ValidationError(f"invalid top folder name: {package}")
        for required in ("__init__.py", "metadata.txt", "LICENSE"):
            if f"{package}/{required}" not in names:
                raise ValidationError(f"missing {package}/{required}")
        parser = configparser.ConfigParser(interpolation=None)
        parser.optionxform = str
        parser.read_file(io.StringIO(archive.read(f"{package}/metadata.txt").decode("utf-8")))
        if not parser.has_section("general"):
            raise ValidationError("metadata.txt has no [general] section")
        metadata = dict(parser.items("general"))
        icon = metadata.get("icon", "")
        if icon and f"{package}/{icon.lstrip('./')}" not in names:
            raise ValidationError(f"the icon {icon} named in metadata.txt is not in the zip")
    missing = [field for field in REQUIRED_METADATA if not metadata.get(field, "").strip()]
    if missing:
        raise ValidationError(f"metadata.txt lacks {', '.join(missing)}")
    for key in ("tracker", "repository", "homepage"):
        url = metadata.get(key)
        if url is None:
            continue
        parsed = urlparse(url)
        if url in PLACEHOLDER_URLS or not (parsed.scheme in ("http", "https") and parsed.netloc):
            raise ValidationError(f"metadata.txt {key} is not a valid URL: {url!r}")
    if "/" in metadata["author"]:
        raise ValidationError("author cannot contain slashes")
    if not re.match(r"^\d+(\.\d+){1,2}$", metadata["qgisMinimumVersion"]):
        raise ValidationError("qgisMinimumVersion must look like 3.22")
    return metadata


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    build_cmd = sub.add_parser("build", help="build and validate the zip")
    build_cmd.add_argument("--output", type=Path, default=REPO_ROOT / "dist" / f"{PLUGIN_DIR_NAME}.zip")
    check_cmd = sub.add_parser("check", help="validate an existing zip")
    check_cmd.add_argument("zip", type=Path)
    args = parser.parse_args(argv)
    zip_path = build(args.output) if args.command == "build" else args.zip
    try:
        metadata = validate(zip_path)
    except ValidationError as exc:
        print(f"{zip_path}: refused: {exc}", file=sys.stderr)
        return 1
    print(f"{zip_path}: valid plugin zip, {metadata['name']} {metadata['version']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
