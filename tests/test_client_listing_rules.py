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


def test_links_inside_hidden_or_backup_folders_are_neither_listed_nor_refused(tmp_path):
    """What a hidden folder holds is never the project's upload, not even as a refusal to report."""
    root = tmp_path / "project"
    (root / "data").mkdir(parents=True)
    (root / "data" / "a.txt").write_text("x")
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    for folder in (".git", "backup~"):
        (root / folder).mkdir()
        os.symlink(outside, root / folder / "linked-folder")
    refused = []
    assert [f["name"] for f in list_local_files(root, refused=refused)] == ["data/a.txt"]
    assert refused == []


def test_a_link_to_a_folder_inside_the_project_is_not_refused(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "a.txt").write_text("x")
    os.symlink(tmp_path / "data", tmp_path / "alias")
    refused = []
    assert [f["name"] for f in list_local_files(tmp_path, refused=refused)] == ["data/a.txt"]
    assert refused == []


def test_a_dangling_link_is_passed_over_and_the_files_after_it_are_listed(tmp_path):
    os.symlink(tmp_path / "gone.txt", tmp_path / "a-dangling-link.txt")  # sorts first
    (tmp_path / "b.txt").write_text("x")
    refused = []
    assert [f["name"] for f in list_local_files(tmp_path, refused=refused)] == ["b.txt"]
    assert refused == []


@pytest.mark.skipif(os.name == "nt", reason="Windows file names are UTF-16: every name is valid")
def test_a_name_that_is_not_utf8_is_refused_with_what_to_do(tmp_path):
    os.close(os.open(os.path.join(os.fsencode(tmp_path), b"bad\xff.txt"), os.O_CREAT | os.O_WRONLY))
    (tmp_path / "good.txt").write_text("x")
    refused = []
    assert [f["name"] for f in list_local_files(tmp_path, refused=refused)] == ["good.txt"]
    assert [str(f["error"]) for f in refused] == [
        'Not uploaded: "bad\ufffd.txt" has a name that is not valid UTF-8; rename it to upload it'
    ]
