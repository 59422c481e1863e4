"""The name rules on their own: which names are refused and in what words, which files a glob takes,
and the URL a name becomes. Every refusal text is what the CLI prints after "Error: "."""

import os

import pytest

from qfieldcloud_plugin.client.errors import InvalidGlobError, UnsafePathError
from qfieldcloud_plugin.client.names import (
    SafeJoiner,
    check_remote_name,
    is_ignored,
    is_state_name,
    match_glob,
    upload_name_problem,
    url_path,
    validate_glob,
)
from qfieldcloud_plugin.client.urls import safe_url


@pytest.mark.parametrize(
    "name, why",
    [
        ("a\tb.txt", "it contains the control character '\\t'"),
        ("line\nbreak.txt", "it contains the control character '\\n'"),
        ("/etc/passwd", "it is absolute"),
        ("C:/data.gpkg", "it is absolute"),
        ("DCIM\\a.jpg", "it contains a backslash"),
        ("a/../b.txt", "it has '..', '.' or empty segments"),
        ("a//b.txt", "it has '..', '.' or empty segments"),
        ("./a.txt", "it has '..', '.' or empty segments"),
    ],
)
def test_an_unsafe_name_is_refused_saying_why(name, why):
    with pytest.raises(UnsafePathError) as refused:
        check_remote_name(name)
    assert str(refused.value) == f"Refusing the file name {name!r}: {why}"


@pytest.mark.parametrize("name", ["", None, 7])
def test_an_empty_or_non_text_name_is_refused(name):
    with pytest.raises(UnsafePathError) as refused:
        check_remote_name(name)
    assert str(refused.value) == f"Refusing the file name {name!r}: it is empty or not text"


def test_a_safe_name_is_kept_as_it_is():
    assert check_remote_name("DCIM/2026/a b#1.jpg") == "DCIM/2026/a b#1.jpg"


@pytest.mark.parametrize(
    "pattern, why",
    [
        ("a\x00b", "it contains a NUL character"),
        ("/abs/*.gpkg", "it is absolute; give a pattern relative to the project, such as 'DCIM/*.jpg'"),
        ("\\share\\*.gpkg", "it is absolute; give a pattern relative to the project, such as 'DCIM/*.jpg'"),
        ("C:*.gpkg", "it is absolute; give a pattern relative to the project, such as 'DCIM/*.jpg'"),
        ("DCIM\\*.jpg", "it contains a backslash; use / to separate folders"),
        ("../*.gpkg", "it contains a '..' segment"),
        ("DCIM/[ab.jpg", "it has an unclosed '['"),
        ("[!]", "it has an unclosed '['"),
    ],
)
def test_an_unusable_glob_is_refused_saying_why(pattern, why):
    with pytest.raises(InvalidGlobError) as refused:
        validate_glob(pattern)
    assert str(refused.value) == f"Invalid glob {pattern!r}: {why}"


def test_a_glob_that_is_not_text_is_refused():
    with pytest.raises(InvalidGlobError) as refused:
        validate_glob(5)
    assert str(refused.value) == "Invalid glob 5: expected a string such as '*.gpkg'"


@pytest.mark.parametrize("pattern", ["[]]x", "[!]]x", "a[bc]d[ef]", "x]", "*.gpkg"])
def test_usable_globs_are_kept(pattern):
    assert validate_glob(pattern) == pattern


@pytest.mark.parametrize("pattern", [None, ""])
def test_no_glob_means_every_file(pattern):
    assert validate_glob(pattern) == "*"


@pytest.mark.parametrize(
    "name, pattern, matches",
    [
        ("sub/deeper/points.gpkg", "*.gpkg", True),  # no "/": also the base name
        ("sub/deeper/points.gpkg", "points.gpkg", True),
        ("sub/deeper/points.gpkg", "sub/*.gpkg", True),  # fnmatch's * crosses "/"
        ("sub/deeper/points.gpkg", "deeper/*.gpkg", False),  # with "/": the whole name only
        ("sub/points.gpkg", "sub", False),
        ("points.gpkg", "*.qgs", False),
        ("a/b/c.txt", "b/c.txt", False),
    ],
)
def test_which_files_a_glob_takes(name, pattern, matches):
    assert match_glob(name, pattern) is matches


@pytest.mark.parametrize(
    "name, ignored",
    [
        (".git/config", True),
        ("data/.hidden.gpkg", True),
        ("data/backup.gpkg~", True),
        ("data~/points.gpkg", True),
        ("data/points.gpkg", False),
        ("a.b/c~d.txt", False),
    ],
)
def test_hidden_and_backup_files_are_never_transferred(name, ignored):
    assert is_ignored(name) is ignored


@pytest.mark.parametrize(
    "name, state",
    [(".qfieldcloud/trash/a.txt", True), (".qfieldcloud", True), ("data/.qfieldcloud/a", False), ("a.txt", False)],
)
def test_the_plugins_state_folder_is_recognized_only_at_the_top(name, state):
    assert is_state_name(name) is state


def test_a_name_in_a_url_keeps_its_folders_and_encodes_each_segment():
    assert url_path("DCIM/a b#1/c%d;e?.jpg") == "DCIM/a%20b%231/c%25d%3Be%3F.jpg"
    with pytest.raises(UnsafePathError):
        url_path("../x")


def test_a_joiner_resolves_each_folder_on_its_own(tmp_path):
    """Names in different folders land in their own folders, also when a folder is asked for twice."""
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    join = SafeJoiner(tmp_path)
    assert join("a/x.txt") == tmp_path / "a" / "x.txt"
    assert join("b/x.txt") == tmp_path / "b" / "x.txt"
    assert join("a/y.txt") == tmp_path / "a" / "y.txt"
    assert join("a/sub/z.txt") == tmp_path / "a" / "sub" / "z.txt"
    assert join("top.txt") == tmp_path / "top.txt"


def test_a_joiner_refuses_a_folder_that_links_out_even_after_a_safe_one(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    root = tmp_path / "root"
    (root / "safe").mkdir(parents=True)
    os.symlink(outside, root / "link")
    join = SafeJoiner(root)
    assert join("safe/a.txt") == root / "safe" / "a.txt"
    with pytest.raises(UnsafePathError, match="resolves outside"):
        join("link/a.txt")
    with pytest.raises(UnsafePathError, match="resolves outside"):
        join("link/b.txt")  # the cached parent is still refused


@pytest.mark.parametrize(
    "url, shown",
    [
        ("https://bob:p@ss@host.example/api/v1/", "https://host.example/api/v1/"),  # an @ in the password
        ("https://bob@host.example/x?y=1", "https://host.example/x?y=1"),
        ("https://host.example/x", "https://host.example/x"),
        (None, ""),
        ("", ""),
    ],
)
def test_a_url_in_a_message_never_shows_its_credentials(url, shown):
    assert safe_url(url) == shown


def test_a_joiner_refuses_a_deeper_folder_that_links_out_next_to_a_safe_one(tmp_path):
    """Two folders side by side one level down: each is resolved on its own, never as its parent."""
    outside = tmp_path / "outside"
    outside.mkdir()
    root = tmp_path / "root"
    (root / "d" / "safe").mkdir(parents=True)
    os.symlink(outside, root / "d" / "link")
    join = SafeJoiner(root)
    assert join("d/safe/a.txt") == root / "d" / "safe" / "a.txt"
    with pytest.raises(UnsafePathError, match="resolves outside"):
        join("d/link/a.txt")
    assert not (outside / "a.txt").exists()


@pytest.mark.parametrize(
    "name, problem",
    [
        ("a<b>.txt", "it contains '<'"),
        ('say"hi".txt', "it contains '\"'"),
        ("DCIM/a:b.jpg", "it contains ':'"),
        ("tab\there.txt", "it contains '\\t'"),
        ("trail.txt ", "it starts or ends with a space"),
        ("CON.txt", "'CON.txt' is a name Windows reserves"),
        ("dir/lpt1", "'lpt1' is a name Windows reserves"),
        ("dots./x.txt", "a part ends with a space or a dot"),
        ("spaced /x.txt", "a part ends with a space or a dot"),
        ("x" * 256, "it is longer than 255 characters"),
        ("console.txt", None),
        ("DCIM/2026/oak 17.jpg", None),
        ("x" * 255, None),
    ],
)
def test_names_the_server_refuses_on_upload(name, problem):
    # the whole reason: the project check shows it to the user after the file's name
    assert upload_name_problem(name) == problem
