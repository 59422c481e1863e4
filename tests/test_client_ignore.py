""".qfieldcloudignore: gitignore-style rules (pure functions) and their use by list_local_files / upload_files."""

import pytest

from qfieldcloud_plugin.client.ignore import is_ignored_by, parse_ignore_patterns, path_ignored
from qfieldcloud_plugin.client.local_files import list_local_files
from tests.support.c_locale import printed_in_the_c_locale
from tests.test_cli import as_json, ok, run

RULES = """
# a comment, then a blank line

*.tmp
/build
cache/
docs/*.pdf
**/secret/**
data/**/raw.csv
!keep.tmp
\\#literal.txt
\\!bang.txt
trailing.txt{three_spaces}
photo?.jpg
[ab]x.bin
notes**
""".format(three_spaces="   ")  # trailing spaces, which editors and formatters strip


@pytest.mark.parametrize(
    "name, is_dir, ignored",
    [
        ("a.tmp", False, True),
        ("deep/dir/a.tmp", False, True),
        ("keep.tmp", False, False),  # re-included by the later `!keep.tmp`
        ("sub/keep.tmp", False, False),
        ("build", True, True),
        ("build", False, True),
        ("sub/build", True, False),  # `/build` is anchored to the project folder
        ("cache", True, True),
        ("sub/cache", True, True),
        ("cache", False, False),  # `cache/` matches folders only
        ("docs/a.pdf", False, True),
        ("docs/sub/a.pdf", False, False),  # `*` does not cross `/`
        ("x/docs/a.pdf", False, False),  # a `/` in the middle anchors
        ("a/secret/b.txt", False, True),
        ("secret/b.txt", False, True),
        ("a/secret/b/c.txt", False, True),  # a trailing `/**` reaches every depth below
        ("notes-old", True, True),
        ("notes-old/a.txt", False, False),  # `**` glued to a name is a plain `*`: it does not cross `/`
        ("data/raw.csv", False, True),
        ("data/x/y/raw.csv", False, True),
        ("data/x/raw.csv.bak", False, False),
        ("#literal.txt", False, True),
        ("!bang.txt", False, True),
        ("trailing.txt", False, True),  # trailing spaces are dropped
        ("photo1.jpg", False, True),
        ("photo10.jpg", False, False),
        ("ax.bin", False, True),
        ("cx.bin", False, False),
        ("data.csv", False, False),
    ],
)
def test_gitignore_rules(name, is_dir, ignored):
    rules = parse_ignore_patterns(RULES.splitlines())
    assert is_ignored_by(rules, name, is_dir) is ignored


def test_a_file_inside_an_ignored_folder_stays_ignored():
    rules = parse_ignore_patterns(["cache/", "!cache/keep.txt"])
    assert path_ignored(rules, "cache/other.txt")
    assert path_ignored(rules, "cache/keep.txt")  # as in git: the folder is excluded as a whole


def test_a_folder_rule_reaches_files_below_it_but_not_a_file_of_that_name():
    rules = parse_ignore_patterns(["cache/", "*.tmp", "data/raw/"])
    assert path_ignored(rules, "cache", is_dir=True)
    assert not path_ignored(rules, "cache")  # a file called "cache"
    assert path_ignored(rules, "a.tmp")  # a top-level file
    assert path_ignored(rules, "data/raw/x/y.csv")  # below a two-level folder rule
    assert not path_ignored(rules, "data/rawer/y.csv")


def test_a_rule_for_every_folder_leaves_top_level_files():
    rules = parse_ignore_patterns(["*/"])
    assert not path_ignored(rules, "project.qgs")
    assert path_ignored(rules, "DCIM/a.jpg")


@pytest.mark.parametrize(
    "rule, ignored, kept",
    [
        ("*.tmp\r\n", ["a.tmp"], ["a.tmpx"]),  # Windows line ends
        ("odd\\ \n", ["odd "], ["odd"]),  # an escaped trailing space is kept
        ("odd\\   \n", ["odd "], ["odd", "odd   "]),  # ... once, the others are dropped
        ("back\\\\ \n", ["back\\"], ["back\\ "]),  # an escaped backslash escapes no space
        ("XBOX\n", ["XBOX", "a/XBOX"], ["BOX", "XBO"]),  # names that begin and end with X
        ("/XDIR/\n", ["XDIR"], ["DIR", "a/XDIR"]),
    ],
)
def test_ignore_rules_keep_each_character_of_a_name(rule, ignored, kept):
    rules = parse_ignore_patterns([rule])
    assert [n for n in ignored + kept if path_ignored(rules, n, is_dir=True)] == ignored


@pytest.mark.parametrize(
    "rule, ignored, kept",
    [
        ("[!ab]y.bin", ["cy.bin"], ["ay.bin", "by.bin"]),  # a negated set
        ("[^ab]z.bin", ["cz.bin"], ["az.bin"]),  # ^ negates as ! does
        ("[]]q.txt", ["]q.txt"], ["q.txt", "xq.txt"]),  # a ] first in the set is literal
        ("[!]]r.txt", ["xr.txt"], ["]r.txt"]),
        ("open[.txt", ["open[.txt"], ["openx.txt"]),  # an unclosed [ is a literal [
        ("open[", ["open["], ["open"]),
        ("[Xa]t.txt", ["Xt.txt", "at.txt"], ["bt.txt"]),
        ("[\\]s.txt", ["\\s.txt"], ["s.txt", "xs.txt", "Xs.txt"]),  # a backslash in a set
        ("[X]y", ["Xy"], ["[X]y"]),
        ("tab.txt\t", ["tab.txt\t"], ["tab.txt"]),  # only spaces are trailing blanks
        ("a\\*b", ["a*b"], ["axb"]),  # an escaped * is literal
        ("\\[x]", ["[x]"], ["x"]),
        ("end\\", ["end\\"], ["end"]),  # a trailing backslash is literal
        ("a?c", ["abc"], ["ac", "a/c"]),
    ],
)
def test_glob_sets_and_escapes(rule, ignored, kept):
    rules = parse_ignore_patterns([rule])
    assert [n for n in ignored + kept if is_ignored_by(rules, n)] == ignored


def test_comments_are_not_rules_and_a_bare_slash_ends_nothing():
    rules = parse_ignore_patterns(["# notes", "/", "*.tmp"])
    assert not is_ignored_by(rules, "# notes")
    assert is_ignored_by(rules, "a.tmp")


def test_a_folder_rule_does_not_ignore_a_file_of_that_name_by_default():
    rules = parse_ignore_patterns(["cache/"])
    assert not is_ignored_by(rules, "cache")
    assert is_ignored_by(rules, "cache", True)


def test_no_rules_ignore_nothing():
    assert not is_ignored_by(parse_ignore_patterns(["", "# only a comment", "   "]), "a.txt")


def make_project(root):
    (root / "DCIM").mkdir(parents=True)
    (root / "cache").mkdir()
    (root / "DCIM" / "a.jpg").write_bytes(b"jpg")
    (root / "cache" / "tile.png").write_bytes(b"png")
    (root / "data.gpkg").write_bytes(b"gpkg")
    (root / "scratch.tmp").write_bytes(b"tmp")
    (root / "keep.tmp").write_bytes(b"keep")
    (root / "project.qgs").write_text("<qgis/>")
    (root / ".qfieldcloudignore").write_text("*.tmp\n!keep.tmp\ncache/\n")
    return root


def test_list_local_files_honours_the_ignore_file(tmp_path):
    root = make_project(tmp_path / "p")
    names = sorted(f["name"] for f in list_local_files(root))
    assert names == ["DCIM/a.jpg", "data.gpkg", "keep.tmp", "project.qgs"]
    everything = [f["name"] for f in list_local_files(root, ignore_file=None)]
    assert "cache/tile.png" in everything and "scratch.tmp" in everything
    assert ".qfieldcloudignore" not in everything  # hidden files are never uploaded


def test_the_ignore_file_is_read_as_utf8_whatever_the_locale(tmp_path):
    """Written by a Windows editor (a BOM), with an accented rule and a stray Latin-1 byte in a
    comment, and read where the locale is plain ASCII: every rule still applies."""
    (tmp_path / ".qfieldcloudignore").write_bytes(b"\xef\xbb\xbf*.tmp\n# caf\xe9 (Latin-1)\nrelev\xc3\xa9-*.bak\n")
    for name in ("a.tmp", "relev\u00e9-1.bak", "keep.gpkg"):
        (tmp_path / name).write_bytes(b"x")
    script = (
        "import sys\nfrom qfieldcloud_plugin.client.local_files import list_local_files\n"
        'print(ascii([f["name"] for f in list_local_files(sys.argv[1])]))'
    )
    assert printed_in_the_c_locale(script, str(tmp_path)) == ascii(["keep.gpkg"])


def test_upload_files_and_the_cli_honour_the_ignore_file(qfc_server, tmp_path, unique_name):
    from qfieldcloud_plugin.client import Client

    client = Client(qfc_server.url)
    client.login("alice", qfc_server.users["alice"])
    root = make_project(tmp_path / "p")
    project = client.create_project(unique_name)
    result = client.upload_files(project["id"], "project", str(root))
    assert sorted(f["name"] for f in result) == ["DCIM/a.jpg", "data.gpkg", "keep.tmp", "project.qgs"]
    other = client.create_project(unique_name + "-cli")
    ok(run("upload-files", other["id"], str(root), url=qfc_server.url, token=client.token))
    files = as_json(run("--json", "list-files", other["id"], url=qfc_server.url, token=client.token))
    assert sorted(f["name"] for f in files) == ["DCIM/a.jpg", "data.gpkg", "keep.tmp", "project.qgs"]


@pytest.mark.parametrize(
    "name",
    ["notes.csv", "sub/tax return.pdf", "a*b[1]?.txt", "back\\slash.txt", "trail ", "#hash.txt", "!bang.txt", "sub/#x"],
)
def test_a_remembered_name_keeps_out_that_file_only(tmp_path, name):
    from qfieldcloud_plugin.client.ignore import add_ignored_names, load_ignore_rules

    add_ignored_names(tmp_path, [name])
    rules = load_ignore_rules(tmp_path)
    assert path_ignored(rules, name)
    for other in ("other/" + name, name + "x", "x" + name, "notes.csv" if name != "notes.csv" else "notes.csvx"):
        assert not path_ignored(rules, other), other


def test_remembered_names_are_appended_after_what_the_file_held(tmp_path):
    from qfieldcloud_plugin.client.ignore import add_ignored_names, load_ignore_rules

    (tmp_path / ".qfieldcloudignore").write_text("*.tmp", encoding="utf-8")  # no final newline
    add_ignored_names(tmp_path, ["a.pdf", "b.pdf"])
    add_ignored_names(tmp_path, ["c.pdf"])
    assert (tmp_path / ".qfieldcloudignore").read_text(encoding="utf-8") == "*.tmp\n/a.pdf\n/b.pdf\n/c.pdf\n"
    rules = load_ignore_rules(tmp_path)
    assert [n for n in ("x.tmp", "a.pdf", "c.pdf", "d.pdf") if path_ignored(rules, n)] == ["x.tmp", "a.pdf", "c.pdf"]
    assert [p.name for p in tmp_path.iterdir()] == [".qfieldcloudignore"]  # no temporary file left


def test_the_first_remembered_name_makes_the_ignore_file_with_that_name_alone(tmp_path):
    from qfieldcloud_plugin.client.ignore import add_ignored_names

    add_ignored_names(tmp_path, ["a.pdf"])
    assert (tmp_path / ".qfieldcloudignore").read_bytes() == b"/a.pdf\n"


def test_a_name_is_remembered_in_an_ignore_file_written_by_notepad(tmp_path):
    # Windows' Notepad starts a UTF-8 file with a byte order mark: it is not part of the first pattern
    from qfieldcloud_plugin.client.ignore import add_ignored_names, load_ignore_rules

    (tmp_path / ".qfieldcloudignore").write_bytes("\ufeffcafé.tmp\r\n".encode("utf-8"))
    add_ignored_names(tmp_path, ["naïve.pdf"])
    # read as text: the line ends come back as \n
    assert (tmp_path / ".qfieldcloudignore").read_bytes() == "café.tmp\n/naïve.pdf\n".encode("utf-8")
    rules = load_ignore_rules(tmp_path)
    assert [n for n in ("café.tmp", "naïve.pdf", "other.pdf") if path_ignored(rules, n)] == ["café.tmp", "naïve.pdf"]
