"""What a user reads: a server's error detail on one line, an error's repr, the CLI's live progress line."""

import datetime
import io

import pytest

from qfieldcloud_plugin.client import Client, NotFoundError
from qfieldcloud_plugin.client.errors import QfcRequestException
from qfieldcloud_plugin.client.models import TransferProgress
from qfieldcloud_plugin.client.progress import StderrProgress
from tests.support.fake_http import json_reply

PID = "0b7c2a3e-5b1d-4f7a-9c2e-8d3f4a5b6c7d"


def _error_from(fake, detail):
    fake.route(
        "GET",
        f"api/v1/projects/{PID}/",
        json_reply({"code": "object_not_found", "message": "No such project", "debug": {"detail": detail}}, status=404),
    )
    client = Client(fake.url, token="t")
    with pytest.raises(NotFoundError) as info:
        client.get_project(PID)
    return info.value


def test_a_debug_servers_detail_is_shown_on_one_line_with_its_keys_in_order(fake):
    error = _error_from(fake, {"zone": ["b", 2], "attempts": {"last": "x\n   y"}})
    assert str(error).startswith('No such project: {"attempts": {"last": "x\\n y"}, "zone": ["b", 2]} (HTTP 404')


def test_a_text_detail_keeps_its_words_and_loses_its_line_breaks(fake):
    error = _error_from(fake, "Traceback:\n  line 1\n\n  line 2")
    assert str(error).startswith("No such project: Traceback: line 1 line 2 (HTTP 404 object_not_found, GET ")


def test_an_error_built_by_a_caller_with_any_detail_still_prints():
    when = datetime.datetime(2026, 12, 3, 15, 0)
    error = QfcRequestException("Refused", detail={"zone": 1, "at": when})
    assert str(error) == 'Refused: {"at": "2026-12-03 15:00:00", "zone": 1}'


def test_the_repr_of_an_error_names_its_class(fake):
    assert repr(_error_from(fake, None)).startswith("NotFoundError(status_code=404, code='object_not_found', ")


def _progress(name, done, total, files_done, files_total=3):
    return TransferProgress(name, 0, 0, done, total, files_done, files_total)


def test_the_live_progress_line_shows_bytes_and_rate_in_units():
    stream = io.StringIO()
    printer = StderrProgress(stream, live=True)
    printer(_progress("a.gpkg", 1_572_864, 2 * 1024**3, 1))
    # the file that finished is listed, then the live line is drawn after it
    assert stream.getvalue().startswith("1/3 a.gpkg\n\r  0% 1/3 files 1.5 MB/2.0 GB ")
    assert stream.getvalue().rstrip().endswith("/s a.gpkg")


@pytest.mark.parametrize(
    "size, shown",
    [
        (1023, "1023 B/"),
        (1024, "1.0 KB/"),
        (1536, "1.5 KB/"),
        (1024**2, "1.0 MB/"),
        (12_345_678, "11.8 MB/"),
        (3 * 1024**4, "3.0 TB/"),
    ],
)
def test_the_live_progress_line_picks_the_unit_by_size(size, shown):
    stream = io.StringIO()
    StderrProgress(stream, live=True)(_progress("x", size, 4_000_000_000_000, 0))
    assert f"files {shown}" in stream.getvalue()


def test_without_a_terminal_only_finished_files_are_listed():
    stream = io.StringIO()
    printer = StderrProgress(stream)  # a StringIO is no terminal
    printer(_progress("a.gpkg", 10, 100, 0))
    printer(_progress("a.gpkg", 100, 100, 1, files_total=1))
    assert stream.getvalue() == "1/1 a.gpkg\n"


def test_an_answer_without_a_code_names_its_status_and_request_only(fake):
    # a proxy's bare 404 page: no QFieldCloud code to show
    fake.route("GET", f"api/v1/projects/{PID}/", json_reply({"detail": "Not found."}, status=404))
    with pytest.raises(NotFoundError) as info:
        Client(fake.url, token="t").get_project(PID)
    assert str(info.value).endswith(f" (HTTP 404, GET {fake.url}projects/{PID}/)")


@pytest.mark.parametrize(
    "text, secrets, shown",
    [
        ("token abcdef in a message", ["abcdef"], "token *** in a message"),  # 6 characters: masked
        ("the word cloud stays", ["cloud"], "the word cloud stays"),  # shorter: an ordinary word
        (
            "GET https://bob:pa55w0rd@qfield.example/api",  # pragma: allowlist secret (a made-up one)
            [],
            "GET https://bob:***@qfield.example/api",
        ),
        ("Authorization: Token 0123456789abcdef", [], "Authorization: Token ***"),
    ],
)
def test_secrets_are_masked_in_any_text(text, secrets, shown):
    from qfieldcloud_plugin.client.errors import mask_secrets

    assert mask_secrets(text, secrets) == shown
