"""The one-click fixes of the project check. Each is prepared on the GUI thread (it reads the
project), does its file work on a worker thread (`work`), then finishes on the GUI thread
(`finish`: repoint the layer, change a setting). Originals are never modified or removed: data is
copied into the project folder under a name nothing else uses.
"""

import contextlib
import os
import shutil
import sqlite3
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Callable, Dict, List, Optional

from qgis.core import (
    QgsDataProvider,
    QgsEditorWidgetSetup,
    QgsFeature,
    QgsMapLayer,
    QgsProject,
    QgsProviderRegistry,
    QgsVectorFileWriter,
    QgsVectorLayer,
)

from . import findings as check
from .layers import layer_file
from .project_files import data_files
from .qfield_settings import CloudAction, set_cloud_action, slug
from .sync import checkpoint_geopackage
from .translation import tr

# The editor widget's RelativeStorage value "relative to the project path".
RELATIVE_TO_PROJECT = 1


@dataclass
class PreparedFix:
    finding: check.Finding
    work: Callable[[], None] = lambda: None  # worker thread: file I/O only, no project or layer
    finish: Callable[[], None] = lambda: None  # GUI thread
    saves_project: bool = True
    error: Optional[str] = field(default=None)


def prepare_fixes(findings: List[check.Finding], project: QgsProject) -> List[PreparedFix]:
    """A prepared fix for each finding that has one (GUI thread)."""
    targets = Targets(Path(project.fileName()).resolve().parent)
    prepared = []
    for finding in findings:
        layer = project.mapLayer(finding.layer_id) if finding.layer_id else None
        maker = _MAKERS.get(finding.fix or "")
        if maker is not None and (layer is not None or not finding.layer_id):
            prepared.append(maker(finding, layer, project, targets))
    return prepared


def run_fixes(fixes: List[PreparedFix], task) -> List[PreparedFix]:
    """Each fix's file work (worker thread); a failure is kept on its fix, the others still run."""
    for fix in fixes:
        if task.isCanceled():
            fix.error = tr("Cancelled.")
            continue
        try:
            fix.work()
        except (OSError, sqlite3.Error, FixError) as error:
            fix.error = str(error)
    return fixes


def finish_fixes(fixes: List[PreparedFix], project: QgsProject) -> Dict[str, str]:
    """Finish each fix whose work succeeded, save the project once (GUI thread); the errors by finding message."""
    errors = {}
    for fix in fixes:
        if fix.error is None:
            try:
                fix.finish()
            except FixError as error:
                fix.error = str(error)
        if fix.error is not None:
            errors[fix.finding.message] = fix.error
    if any(f.error is None and f.saves_project for f in fixes) and not project.write():
        errors[tr("Saving the project")] = project.error()
    return errors


class FixError(Exception):
    """A fix could not be done; the message says why."""


class Targets:
    """The new files of one batch of fixes in the project folder: never over an existing file, never
    the same name twice, and one copy of a source file that several layers read."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._reserved: set = set()
        self.copies: Dict[str, Path] = {}

    def free_name(self, stem: str, suffix: str) -> Path:
        """`stem+suffix` in the folder, or `stem_2`, `stem_3`… when taken."""
        candidate = self.folder / (stem + suffix)
        number = 2
        while candidate.exists() or candidate in self._reserved:
            candidate = self.folder / "{}_{}{}".format(stem, number, suffix)
            number += 1
        self._reserved.add(candidate)
        return candidate


def into_place(writers: Dict[Path, Callable[[Path], object]]) -> None:
    """Write each new file under a hidden part name beside it, then rename them all into place: a
    fix that fails, or a QGIS killed half way, leaves no partial file the folder would then hold
    (and an upload would send); part files that remain are hidden, so never uploaded."""
    parts = {final: final.with_name("." + final.name + ".part" + final.suffix) for final in writers}
    try:
        for final, write in writers.items():
            write(parts[final])
        for final, part in parts.items():
            os.replace(part, final)
    except BaseException:
        for part in parts.values():
            for leftover in (part, *(part.with_name(part.name + side) for side in ("-wal", "-shm", "-journal"))):
                with contextlib.suppress(OSError):
                    leftover.unlink()
        raise


def _vector_into_geopackage(finding, layer: QgsVectorLayer, project: QgsProject, targets: Targets) -> PreparedFix:
    """Write the layer's features into a new GeoPackage in the folder, then read the layer from there."""
    target = targets.free_name(slug(layer.name()) or "layer", ".gpkg")
    table = slug(layer.name()).replace("-", "_") or "layer"
    fields, wkb_type, crs = layer.fields(), layer.wkbType(), layer.crs()
    context = project.transformContext()
    if layer.providerType() == "memory":
        snapshot = [QgsFeature(f) for f in layer.getFeatures()]  # in memory already: no disk read here

        def features():
            return snapshot
    else:
        source, provider = layer.source(), layer.providerType()
        shown = str(layer_file(layer) or source)  # read here, on the GUI thread

        def features():  # a layer of our own on the worker thread, never the project's
            own = QgsVectorLayer(source, "copy", provider)
            if not own.isValid():
                raise FixError(tr("Could not read {source}.").format(source=shown))
            return own.getFeatures()

    def write(part: Path) -> None:
        options = QgsVectorFileWriter.SaveVectorOptions()
        options.driverName = "GPKG"
        options.layerName = table
        writer = QgsVectorFileWriter.create(str(part), fields, wkb_type, crs, context, options)
        if writer is None or writer.hasError() != QgsVectorFileWriter.WriterError.NoError:
            raise FixError(writer.errorMessage() if writer is not None else str(target))
        try:
            for feature in features():
                if not writer.addFeature(feature):
                    raise FixError(writer.errorMessage())
        finally:
            del writer  # closes the GeoPackage

    def work() -> None:
        into_place({target: write})

    def finish() -> None:
        layer.setDataSource(
            "{}|layername={}".format(target, table), layer.name(), "ogr", QgsDataProvider.ProviderOptions()
        )
        if not layer.isValid():
            raise FixError(tr("The copy in {path} could not be opened.").format(path=target))

    return PreparedFix(finding, work, finish)


def _copy_files(finding, layer: QgsMapLayer, project: QgsProject, targets: Targets) -> PreparedFix:
    """Copy a layer's file (a GeoPackage, a raster) and its side files as they are, then repoint it.
    Layers reading the same file share one copy."""
    path = layer_file(layer) or Path()  # only file layers get this fix
    copied = targets.copies.get(str(path))
    target = copied or targets.free_name(path.stem, path.suffix)
    targets.copies[str(path)] = target
    sources = data_files(layer)
    provider = layer.providerType()
    metadata = QgsProviderRegistry.instance().providerMetadata(provider)
    decoded = metadata.decodeUri(layer.source())

    def work() -> None:
        if copied is None:
            into_place(
                {
                    target.with_name(target.stem + source.name[len(path.stem) :]): partial(shutil.copy2, source)
                    for source in sources
                }
            )

    def finish() -> None:
        decoded["path"] = str(target)
        layer.setDataSource(metadata.encodeUri(decoded), layer.name(), provider, QgsDataProvider.ProviderOptions())
        if not layer.isValid():
            raise FixError(tr("The copy in {path} could not be opened.").format(path=decoded["path"]))

    return PreparedFix(finding, work, finish)


def _copy_into_folder(finding, layer, project, targets: Targets) -> PreparedFix:
    path = layer_file(layer)
    if layer.type() == QgsMapLayer.LayerType.VectorLayer and (path is None or path.suffix.lower() != ".gpkg"):
        return _vector_into_geopackage(finding, layer, project, targets)
    return _copy_files(finding, layer, project, targets)


def _relative_paths(finding, layer, project, targets) -> PreparedFix:
    return PreparedFix(finding, finish=lambda: project.writeEntry("Paths", "/Absolute", False))


def _commit_edits(finding, layer, project, targets) -> PreparedFix:
    def finish() -> None:
        if not layer.commitChanges():
            raise FixError("; ".join(layer.commitErrors()))

    return PreparedFix(finding, finish=finish, saves_project=False)


def _flush_wal(finding, layer, project, targets: Targets) -> PreparedFix:
    wal = targets.folder / finding.kind.split(":", 1)[1]
    database = wal.with_name(wal.name[: -len("-wal")])

    def work() -> None:
        if not checkpoint_geopackage(database):
            raise FixError(
                tr("{name} is in use by another program; close it and try again.").format(name=database.name)
            )

    return PreparedFix(finding, work, saves_project=False)


def _remove_from_package(finding, layer, project, targets) -> PreparedFix:
    return PreparedFix(finding, finish=lambda: set_cloud_action(layer, CloudAction.REMOVE))


def _relative_attachments(finding, layer, project, targets) -> PreparedFix:
    field_name = finding.kind.split(":", 1)[1]

    def finish() -> None:
        index = layer.fields().indexFromName(field_name)
        setup = layer.editorWidgetSetup(index)
        config = dict(setup.config())
        config["RelativeStorage"] = RELATIVE_TO_PROJECT
        layer.setEditorWidgetSetup(index, QgsEditorWidgetSetup(setup.type(), config))

    return PreparedFix(finding, finish=finish)


def _clear_home_path(finding, layer, project, targets) -> PreparedFix:
    return PreparedFix(finding, finish=lambda: project.setPresetHomePath(""))


_MAKERS = {
    check.FIX_CLEAR_HOME_PATH: _clear_home_path,
    check.FIX_COPY_INTO_FOLDER: _copy_into_folder,
    check.FIX_SAVE_MEMORY_LAYER: _vector_into_geopackage,
    check.FIX_RELATIVE_PATHS: _relative_paths,
    check.FIX_COMMIT_EDITS: _commit_edits,
    check.FIX_FLUSH_WAL: _flush_wal,
    check.FIX_REMOVE_FROM_PACKAGE: _remove_from_package,
    check.FIX_RELATIVE_ATTACHMENTS: _relative_attachments,
}
