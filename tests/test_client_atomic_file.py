"""The plugin's small state files (journal, download record, sync base, checksum cache) are
written whole or not at all: a temporary file beside the target, then one rename."""

import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from qfieldcloud_plugin.client.atomic_file import write_json_atomically
from tests.support.c_locale import printed_in_the_c_locale

REPO = Path(__file__).resolve().parents[1]


def test_a_write_that_fails_leaves_the_old_file_and_no_temporary_one(tmp_path):
    target = tmp_path / "state.json"
    write_json_atomically(target, {"v": 1})
    with pytest.raises(TypeError):
        write_json_atomically(target, {"v": object()})  # not JSON: fails half way through the dump
    assert json.loads(target.read_text(encoding="utf-8")) == {"v": 1}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["state.json"]


KILLED_WHILE_WRITING = textwrap.dedent("""
    import os, signal, sys
    from pathlib import Path
    from qfieldcloud_plugin.client.atomic_file import write_json_atomically

    os.replace = lambda *a: os.kill(os.getpid(), signal.SIGKILL)  # killed just before the rename
    write_json_atomically(Path(sys.argv[1]), {"v": 2}, durable=True)
""")


def test_a_process_killed_while_writing_leaves_the_old_file_and_only_a_hidden_leftover(tmp_path):
    """A leftover must never look like the user's data: a scan or an upload skips hidden files."""
    target = tmp_path / "state.json"
    write_json_atomically(target, {"v": 1})
    run = subprocess.run(
        [sys.executable, "-c", KILLED_WHILE_WRITING, str(target)], cwd=REPO, capture_output=True, text=True, timeout=60
    )
    assert run.returncode == -signal.SIGKILL, run.stderr
    assert json.loads(target.read_text(encoding="utf-8")) == {"v": 1}
    leftovers = [p.name for p in tmp_path.iterdir() if p.name != "state.json"]
    assert len(leftovers) == 1 and leftovers[0].startswith(".state.json.")
    assert json.loads((tmp_path / leftovers[0]).read_text(encoding="utf-8")) == {"v": 2}  # durable: all there


def test_the_folder_is_made_when_missing(tmp_path):
    target = tmp_path / "new" / "deeper" / "state.json"
    write_json_atomically(target, {"v": 1})
    assert json.loads(target.read_text(encoding="utf-8")) == {"v": 1}
    assert os.listdir(target.parent) == ["state.json"]


def test_text_is_written_whole_as_given(tmp_path):
    from qfieldcloud_plugin.client.atomic_file import write_text_atomically

    target = tmp_path / "new" / "ignore"
    write_text_atomically(target, "first\r\nsecond ü\n")
    assert target.read_bytes() == "first\r\nsecond ü\n".encode("utf-8")  # no newline translation, UTF-8
    write_text_atomically(target, "replaced", durable=True)
    assert target.read_text(encoding="utf-8") == "replaced"
    assert sorted(p.name for p in target.parent.iterdir()) == ["ignore"]


def test_text_that_cannot_be_written_leaves_the_old_file_and_no_temporary_one(tmp_path):
    from qfieldcloud_plugin.client.atomic_file import write_text_atomically

    target = tmp_path / "ignore"
    write_text_atomically(target, "old")
    with pytest.raises(UnicodeEncodeError):
        write_text_atomically(target, "half a surrogate pair: \udcff")  # fails while it is written
    assert target.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ignore"]


def test_text_is_written_as_utf8_whatever_the_locale(tmp_path):
    target = tmp_path / "ignore"
    printed_in_the_c_locale(
        "import sys; from pathlib import Path;"
        "from qfieldcloud_plugin.client.atomic_file import write_text_atomically;"
        "write_text_atomically(Path(sys.argv[1]), 'na\\u00efve.pdf')",
        str(target),
    )
    assert target.read_bytes() == "naïve.pdf".encode("utf-8")
