"""Small rules the transfer engine applies to what a server lists and to what a folder holds."""

import os

import pytest

from qfieldcloud_plugin.client.file_download import listed_size
from qfieldcloud_plugin.client.local_files import list_local_files


@pytest.mark.parametrize(
    "entry, size",
    [
        ({"size": 5}, 5),
        ({"size": 0}, 0),  # an empty file is a size, not an unknown one
        ({"size": "12"}, 12),
        ({"size": -1}, None),
        ({"size": True}, None),
        ({"size": "1e3"}, None),
        ({"size": 1.5}, None),
        ({"size": None}, None),
        ({}, None),
    ],
)
def test_a_listed_size_is_a_whole_number_of_bytes_or_unknown(entry, size):
    assert listed_size(entry) == size


def test_hidden_and_backup_folders_and_files_stay_out_and_links_out_of_the_folder_are_refused(tmp_path):
    root = tmp_path / "project"
    for name in ("a.txt", "sub/b.txt", ".hidden/c.txt", "old~/d.txt", "e.txt~", ".f.txt", "sub/.g.txt"):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("x")
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "secret.txt").write_text("not the project's")
    os.symlink(outside, root / "linked-folder")
    os.symlink(outside / "secret.txt", root / "linked-file.txt")
    refused = []

    names = [f["name"] for f in list_local_files(root, refused=refused)]

    assert names == ["a.txt", "sub/b.txt"]
    assert {f["name"]: str(f["error"]) for f in refused} == {
        "linked-file.txt": 'Not uploaded: "linked-file.txt" is a link to a file outside the project folder',
        "linked-folder": 'Not uploaded: "linked-folder" is a link to a folder outside the project folder',
    }


def test_the_ignore_file_is_read_unless_told_not_to(tmp_path):
    (tmp_path / "keep.txt").write_text("x")
    (tmp_path / "drop.pdf").write_text("x")
    (tmp_path / ".qfieldcloudignore").write_text("*.pdf\n")
    assert [f["name"] for f in list_local_files(tmp_path)] == ["keep.txt"]
    assert [f["name"] for f in list_local_files(tmp_path, ignore_file=None)] == ["drop.pdf", "keep.txt"]
