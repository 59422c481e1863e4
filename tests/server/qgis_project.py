"""Reading QGIS project files (.qgs XML, or .qgz = zip holding one .qgs) without QGIS itself.

Enough to validate uploads, list layers for `process_projectfile` feedback, and find the data
files a package must carry.
"""

import posixpath
import xml.etree.ElementTree as ElementTree
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Dict, List, Optional

QGIS_SUFFIXES = (".qgs", ".qgz")
# Providers whose datasource names a file (before any `|option`), relative to the project.
FILE_PROVIDERS = ("ogr", "gdal", "spatialite", "delimitedtext")


class InvalidProjectFile(Exception):
    """The file is not a readable QGIS project."""


def is_qgis_file(name: str) -> bool:
    return name.lower().endswith(QGIS_SUFFIXES)


@dataclass
class Layer:
    id: str
    name: str
    provider: str
    datasource: str
    crs: str
    layer_type: str  # vector | raster | ...
    wkb_type: str
    filename: Optional[str]  # project-relative POSIX path of the data file, when file-based

    def to_feedback(self, is_valid: bool) -> Dict[str, object]:
        """One entry of the `layers` dict of packages and of job feedback (contract §8)."""
        return {
            "id": self.id,
            "name": self.name,
            "crs": self.crs,
            "wkb_type": self.wkb_type,
            "is_valid": is_valid,
            "is_localized": self.datasource.startswith("localized:"),
            "datasource": self.datasource,
            "type_name": self.layer_type,
            "filename": self.filename,
            "provider_name": self.provider,
            "error_code": "no_error" if is_valid else "invalid_dataprovider",
            "error_summary": "" if is_valid else f"The data source of layer {self.name!r} was not found.",
            "provider_error_summary": None,
            "provider_error_message": None,
        }


def read_xml(path: Path) -> ElementTree.Element:
    """The project's XML root, from a .qgs or from the single .qgs inside a .qgz."""
    try:
        if path.suffix.lower() == ".qgz" or zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as archive:
                inner = [name for name in archive.namelist() if name.lower().endswith(".qgs")]
                if len(inner) != 1:
                    raise InvalidProjectFile("a .qgz must hold exactly one .qgs")
                root = ElementTree.fromstring(archive.read(inner[0]))
        else:
            root = ElementTree.parse(path).getroot()
    except (ElementTree.ParseError, zipfile.BadZipFile, OSError) as error:
        raise InvalidProjectFile(str(error)) from error
    if root.tag != "qgis":
        raise InvalidProjectFile("the XML root is not <qgis>")
    return root


def _text(element: ElementTree.Element, path: str) -> str:
    found = element.find(path)
    return (found.text or "") if found is not None else ""


def _data_file(provider: str, datasource: str, project_dir: str) -> Optional[str]:
    """The project-relative path of a file-based datasource, or None (databases, web services)."""
    if provider not in FILE_PROVIDERS or not datasource:
        return None
    location = datasource.split("|", 1)[0]
    if provider == "delimitedtext":
        location = location.split("?", 1)[0].removeprefix("file://")
    if provider == "spatialite":
        location = location.partition("dbname='")[2].partition("'")[0]
    if not location or location.startswith("/") or "://" in location:
        return None
    return posixpath.normpath(posixpath.join(project_dir, location))


def layers(root: ElementTree.Element, project_name: str) -> List[Layer]:
    """The layers declared in `<projectlayers>`, datasources resolved against the project folder."""
    project_dir = posixpath.dirname(project_name)
    result = []
    for element in root.iter("maplayer"):
        provider = _text(element, "provider")
        datasource = _text(element, "datasource")
        result.append(
            Layer(
                id=_text(element, "id"),
                name=_text(element, "layername"),
                provider=provider,
                datasource=datasource,
                crs=_text(element, "srs/spatialrefsys/authid"),
                layer_type=element.get("type", ""),
                wkb_type=element.get("wkbType") or element.get("geometry", ""),
                filename=_data_file(provider, datasource, project_dir),
            )
        )
    return result


def attachment_dirs(root: ElementTree.Element) -> List[str]:
    """QFieldSync's attachment folders from the project properties; QFieldCloud's default is DCIM."""
    dirs = [item.text for item in root.findall("properties/QFieldSync/attachmentDirs/value") if item.text]
    return dirs or ["DCIM"]


def describe(path: Path, project_name: str, exists: Callable[[str], bool]) -> Dict[str, object]:
    """`process_projectfile` feedback: the project's layers, each valid when its data file exists."""
    root = read_xml(path)
    layers_by_id = {
        layer.id: layer.to_feedback(is_valid=layer.filename is None or exists(layer.filename))
        for layer in layers(root, project_name)
    }
    return {
        "feedback_version": "2.0",
        "error": None,
        "steps": [
            {"id": "project_validity_check", "name": "Project Validity Check", "stage": 2, "returns": {}},
            {"id": "opening_check", "name": "Opening Check", "stage": 2, "returns": {}},
        ],
        "outputs": {
            "project_details": {
                "crs": _text(root, "projectCrs/spatialrefsys/authid"),
                "title": root.get("projectname", ""),
                "qgis_version": root.get("version", ""),
                "attachment_dirs": attachment_dirs(root),
                "layers_by_id": layers_by_id,
                "ordered_layer_ids": list(layers_by_id),
            }
        },
    }
