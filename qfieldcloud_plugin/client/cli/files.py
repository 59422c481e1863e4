"""Commands of files: list, upload, download (project and package), delete."""

from typing import Any, Callable, Dict, List, Sequence

from ..errors import NotAppliedError
from ..models import FileTransferStatus, FileTransferType
from ..progress import StderrProgress
from .arguments import CommandAdder, bool_flag
from .output import CommandFailed, Context, format_table, json_default


def _transfer_lines(files: Sequence[Dict[str, Any]], verb: str) -> List[str]:
    lines = []
    done = skipped = failed = 0
    for f in files:
        status = f.get("status")
        if status == FileTransferStatus.FAILED:
            failed += 1
            lines.append(f"FAILED     {f['name']}: {f.get('error')}")
        elif f.get("skipped"):
            skipped += 1
            lines.append(f"UNCHANGED  {f['name']}")
        elif status == FileTransferStatus.SUCCESS:
            done += 1
            lines.append(f"{verb.upper():<10} {f['name']}")
            if f.get("kept_local_version"):
                lines.append(f"           your previous version was kept in {f['kept_local_version']}")
        else:
            lines.append(f"NOT DONE   {f['name']}")
    lines.append(f"{done} file(s) {verb.lower()}, {skipped} unchanged, {failed} failed.")
    return lines


def _raise_if_failed(files: Sequence[Dict[str, Any]], verb: str) -> None:
    failed = [f for f in files if f.get("status") == FileTransferStatus.FAILED]
    if failed:
        # Name the file that caused the failure, not one that was only held back because of it.
        first = next((f for f in failed if not isinstance(f.get("error"), NotAppliedError)), failed[0])
        not_done = sum(1 for f in files if f.get("status") == FileTransferStatus.PENDING)
        also = f" ({not_done} not attempted)" if not_done else ""
        raise CommandFailed(
            f'{len(failed)} file(s) failed to {verb}{also}; first: "{first["name"]}": {first.get("error")}'
        )


def cmd_list_files(ctx: Context) -> None:
    files = ctx.client.list_remote_files(ctx.args.project_id, skip_metadata=ctx.args.skip_metadata)
    files = sorted(files, key=lambda f: f.get("name", ""))
    ctx.emit(
        files,
        lambda: (
            format_table(
                ["NAME", "SIZE", "LAST MODIFIED", "MD5SUM"],
                [[f.get("name"), f.get("size"), f.get("last_modified"), f.get("md5sum")] for f in files],
            )
            if files
            else [f'No files in project "{ctx.args.project_id}".']
        ),
    )


def cmd_upload_files(ctx: Context) -> None:
    a = ctx.args
    files = ctx.client.upload_files(
        a.project_id,
        FileTransferType.PROJECT,
        a.project_path,
        filter_glob=a.filter_glob,
        throw_on_error=a.throw_on_error,
        progress_callback=StderrProgress(),
        force=a.force,
    )
    ctx.emit(files, lambda: _transfer_lines(files, "uploaded") if files else ["Nothing to upload."])
    _raise_if_failed(files, "upload")


def cmd_download_files(ctx: Context) -> None:
    _download(ctx, ctx.client.download_project, "No files to download.")


def cmd_package_download(ctx: Context) -> None:
    _download(ctx, ctx.client.package_download, "No packaged files to download.")


def _download(ctx: Context, download: Callable[..., List[Dict[str, Any]]], nothing: str) -> None:
    """Run a download command (project files or package: the same arguments) and report each file."""
    a = ctx.args
    files = download(
        a.project_id,
        a.local_dir,
        a.filter_glob,
        a.throw_on_error,
        progress_callback=StderrProgress(),
        force_download=a.force_download,
        keep_local_versions=a.keep_local_versions,
    )
    ctx.emit(files, lambda: _transfer_lines(files, "downloaded") if files else [nothing])
    _raise_if_failed(files, "download")


def cmd_delete_files(ctx: Context) -> None:
    a = ctx.args
    results = ctx.client.delete_files(a.project_id, list(a.paths), a.throw_on_error)

    def human() -> List[str]:
        lines = []
        for pattern, files in results.items():
            if not files:
                lines.append(f"No files match '{pattern}'.")
            for f in files:
                error = f": {f.get('error')}" if f.get("error") else ""
                lines.append(f"{json_default(f['status'])}\t{f['name']}{error}")
        return lines

    ctx.emit(results, human)
    _raise_if_failed([f for files in results.values() for f in files], "delete")


def cmd_delete_file(ctx: Context) -> None:
    a = ctx.args
    ctx.client.delete_file(a.project_id, a.filename, a.version_id)
    ctx.emit(
        {"deleted": a.filename, "version_id": a.version_id},
        lambda: [f'Deleted "{a.filename}"' + (f" version {a.version_id}" if a.version_id else "") + "."],
    )


def register(command: CommandAdder) -> None:
    """Add the group's commands to the parser."""
    p = command("list-files", cmd_list_files, "List a project's files.")
    p.add_argument("project_id")
    bool_flag(p, "--skip-metadata", "--no-skip-metadata", "skip_metadata", True, "Skip file metadata (default).")

    p = command("upload-files", cmd_upload_files, "Upload a folder's files to a project.")
    p.add_argument("project_id")
    p.add_argument("project_path")
    p.add_argument("--filter", dest="filter_glob", default=None, help="Only files matching this glob.")
    bool_flag(p, "--throw-on-error", "--no-throw-on-error", "throw_on_error", False, "Stop at the first failure.")
    bool_flag(p, "--force", "--no-force", "force", False, "Upload even unchanged files.")
    for name, handler, text in (
        ("download-files", cmd_download_files, "Download a project's files."),
        ("package-download", cmd_package_download, "Download the latest package's files."),
    ):
        p = command(name, handler, text)
        p.add_argument("project_id")
        p.add_argument("local_dir")
        p.add_argument("--filter", dest="filter_glob", default=None, help="Only files matching this glob.")
        bool_flag(p, "--throw-on-error", "--no-throw-on-error", "throw_on_error", False, "Stop at the first failure.")
        bool_flag(
            p,
            "--force-download",
            "--no-force-download",
            "force_download",
            False,
            "Download even files that are unchanged locally.",
        )
        bool_flag(
            p,
            "--keep-local-versions",
            "--discard-local-versions",
            "keep_local_versions",
            True,
            "Keep local files that a download replaces and that differ from what was last downloaded "
            "in LOCAL_DIR/.qfieldcloud/trash/ (the default).",
        )
    p = command("delete-files", cmd_delete_files, "Delete a project's files matching globs.")
    p.add_argument("project_id")
    p.add_argument("paths", nargs="+", metavar="GLOB")
    bool_flag(p, "--throw-on-error", "--no-throw-on-error", "throw_on_error", False, "Stop at the first failure.")
    p = command("delete-file", cmd_delete_file, "Delete one file, or one version of it.")
    p.add_argument("project_id")
    p.add_argument("filename")
    p.add_argument("--version-id", default=None, help="Delete only this version.")
