"""The body of an upload (MultipartFileBody), streamed or in one piece: exactly the file's bytes
between the multipart framing, progress as it goes, and a clear stop when the file cannot be read,
changes while it is read, or the user cancels."""

import hashlib
import os

import pytest

from qfieldcloud_plugin.client import TransferCancelledError, TransferError
from qfieldcloud_plugin.client.errors import FileChangedError
from qfieldcloud_plugin.client.multipart import MultipartFileBody

DATA = bytes(range(256)) * 22  # 5,632 bytes: five and a half chunks of 1,024


def body_for(tmp_path, data=DATA, **options):
    path = tmp_path / "survey.gpkg"
    path.write_bytes(data)
    progress = []
    return MultipartFileBody(
        path, chunk_size=1024, on_progress=lambda done, total: progress.append((done, total)), **options
    ), progress


def file_part(body, sent):
    """The file's bytes inside a sent body (between the part's headers and the closing boundary)."""
    start = sent.index(b"\r\n\r\n") + 4
    return sent[start : sent.rindex(b"\r\n--")]


def test_a_streamed_body_sends_the_file_in_chunks_with_progress_after_each(tmp_path):
    body, progress = body_for(tmp_path)
    sent = b"".join(body)
    assert len(sent) == len(body) and file_part(body, sent) == DATA
    assert progress == [(0, len(DATA))] + [(min(n * 1024, len(DATA)), len(DATA)) for n in range(1, 7)]
    assert body.sent_sha256 == hashlib.sha256(DATA).hexdigest()
    assert b"".join(body) == sent  # sent again (a retry): the whole body once more


def test_a_body_in_one_piece_reports_the_start_and_the_end(tmp_path):
    body, progress = body_for(tmp_path)
    sent = body.to_bytes()
    assert file_part(body, sent) == DATA and len(sent) == len(body)
    assert progress == [(0, len(DATA)), (len(DATA), len(DATA))]
    assert body.sent_sha256 == hashlib.sha256(DATA).hexdigest()


def test_a_file_that_grows_while_it_is_sent_is_never_sent_past_its_announced_size(tmp_path):
    body, _ = body_for(tmp_path)
    parts = []
    stream = iter(body)
    parts.append(next(stream))  # the part's headers
    parts.append(next(stream))  # the first chunk
    with open(body.path, "ab") as f:
        f.write(b"appended by QGIS while the upload runs" * 100)
    with pytest.raises(FileChangedError, match="changed while it was being uploaded"):
        for part in stream:
            parts.append(part)
    assert len(b"".join(parts)) <= len(body) - len(b"\r\n--") and b"appended" not in b"".join(parts)
    assert body.sent_sha256 is None


@pytest.mark.parametrize("whole", [False, True])
def test_a_cancelled_upload_stops_with_a_clear_reason(tmp_path, whole):
    asked = []
    body, _ = body_for(tmp_path, should_stop=lambda: asked.append(1) or len(asked) > (0 if whole else 2))
    with pytest.raises(TransferCancelledError) as cancelled:
        body.to_bytes() if whole else b"".join(body)
    assert str(cancelled.value) == "Upload cancelled"


@pytest.mark.parametrize("whole", [False, True])
def test_a_file_that_cannot_be_read_any_more_is_named_with_the_reason(tmp_path, whole):
    body, _ = body_for(tmp_path)
    os.unlink(body.path)
    os.mkdir(body.path)  # a folder now stands where the file was
    with pytest.raises(TransferError) as failed:
        body.to_bytes() if whole else b"".join(body)
    assert str(failed.value) == f'Could not read "{body.path}": Is a directory'


def parsed(body):
    """The body as a standard multipart parser (Python's email package) reads it: (params, part)."""
    from email.parser import BytesParser
    from email.policy import HTTP

    message = BytesParser(policy=HTTP).parsebytes(
        b"Content-Type: " + body.content_type.encode() + b"\r\n\r\n" + body.to_bytes()
    )
    (part,) = list(message.iter_parts())
    return part


def test_a_standard_parser_reads_the_name_type_and_exact_bytes_even_when_they_look_like_framing(tmp_path):
    # content holding what a fixed boundary would be, and a name with a quote and a line break
    data = b"line\r\n--None--\r\n--\r\nmore" + DATA
    path = tmp_path / "survey.gpkg"
    path.write_bytes(data)
    body = MultipartFileBody(path, filename='odd "name"\r\n.gpkg')
    part = parsed(body)
    assert part.get_content_type() == "application/octet-stream"
    assert part.get_param("name", header="content-disposition") == "file"
    assert part.get_filename() == "odd %22name%22.gpkg"
    assert part.get_payload(decode=True) == data
    assert body.content_type.startswith("multipart/form-data; boundary=") and len(body.content_type) > 40
    assert parsed(MultipartFileBody(path)).get_filename() == "survey.gpkg"  # the file's own name by default
