"""A long listing is read several pages at a time once the first page tells how long it is, and
arrives whole and in order, or not at all when it changed while it was read.

Real HTTP over loopback to a scriptable server that pages like QFieldCloud (contract section 3).
"""

import threading
from urllib.parse import parse_qs

import pytest

from qfieldcloud_plugin.client import Client, InvalidResponseError
from qfieldcloud_plugin.client.models import LIST_PAGE_SIZE as PAGE
from tests.support.fake_http import json_reply

PID = "0b7c2a3e-5b1d-4f7a-9c2e-8d3f4a5b6c7d"
LISTING = f"api/v1/files/{PID}/"


def entries(count):
    return [{"name": f"f{i:05d}.txt", "size": 1, "md5sum": "0" * 32, "sha256": "0" * 64} for i in range(count)]


def paged(fake, items, max_limit=None, before_answer=None, shorten=None):
    """Answer LISTING like QFieldCloud: a slice, X-Total-Count and an X-Next-Page link."""

    def answer(request):
        query = parse_qs(request.query)
        limit = int(query["limit"][0])
        limit = min(limit, max_limit) if max_limit else limit
        offset = int(query.get("offset", ["0"])[0])
        if before_answer:
            before_answer(offset)
        page = items[offset : offset + limit]
        if shorten and offset == shorten:
            page = page[:-1]
        headers = {"X-Total-Count": str(len(items))}
        if offset + limit < len(items):
            headers["X-Next-Page"] = f"{fake.url}{LISTING}?limit={limit}&offset={offset + limit}"
        return json_reply(page, headers=headers)

    fake.route("GET", LISTING, answer)


def offsets_asked(fake):
    return [int(parse_qs(r.query)["offset"][0]) for r in fake.requests if r.path == "/" + LISTING]


def test_the_pages_after_the_first_are_asked_for_together_and_arrive_in_order(fake):
    items = entries(2 * PAGE + PAGE // 2)
    third_asked = threading.Event()

    def hold_the_second_until_the_third_is_asked(offset):
        if offset == 2 * PAGE:
            third_asked.set()
        elif offset == PAGE:
            third_asked.wait(20)  # a deadline only: read one after the other, the third never comes first

    paged(fake, items, before_answer=hold_the_second_until_the_third_is_asked)
    listed = Client(fake.url, token="t").list_remote_files(PID)
    assert [f["name"] for f in listed] == [f["name"] for f in items]
    assert sorted(offsets_asked(fake)) == [0, PAGE, 2 * PAGE]
    assert third_asked.is_set()
    assert offsets_asked(fake)[0] == 0  # the first page alone: it tells how many there are


def test_a_server_with_a_smaller_page_size_is_read_in_its_own_pages(fake):
    items = entries(1200)
    paged(fake, items, max_limit=500)
    listed = Client(fake.url, token="t").list_remote_files(PID)
    assert [f["name"] for f in listed] == [f["name"] for f in items]
    assert sorted(offsets_asked(fake)) == [0, 500, 1000]


@pytest.mark.parametrize("short_page", [PAGE, 2 * PAGE])
def test_a_listing_that_changed_while_it_was_read_is_refused_not_taken_as_the_truth(fake, short_page):
    paged(fake, entries(2 * PAGE + PAGE // 2), shorten=short_page)
    with pytest.raises(InvalidResponseError) as caught:
        Client(fake.url, token="t").list_remote_files(PID)
    assert "The server's listing changed while it was read" in str(caught.value)
    assert str(caught.value).count("\n") == 0


def test_one_page_is_one_request(fake):
    paged(fake, entries(10))
    assert len(Client(fake.url, token="t").list_remote_files(PID)) == 10
    assert offsets_asked(fake) == [0]
