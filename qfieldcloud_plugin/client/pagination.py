"""Walking a list endpoint page by page: QFieldCloud's limit/offset paging with its X-Next-Page link."""

from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any, Dict, Iterator, List, Mapping, Optional, Tuple
from urllib.parse import parse_qs, urlsplit

import requests

from .errors import InvalidResponseError
from .models import DEFAULT_PAGINATION_LIMIT, LIST_PAGE_SIZE, Pagination
from .urls import safe_url
from .waiting import wait_all

if TYPE_CHECKING:  # only for the annotation: transport.py imports this module
    from .transport import Transport

# Once the first page says how many items there are, the other pages are asked for this many at a
# time: on a real network each page costs a round trip (50,000 files are 10 pages).
PAGES_AT_ONCE = 4


def iter_pages(
    transport: "Transport",
    path: str,
    params: Optional[Mapping[str, Any]] = None,
    pagination: Optional[Pagination] = None,
    json_body: Any = None,
    page_size: int = LIST_PAGE_SIZE,
) -> Iterator[Any]:
    """Yield the items of a list endpoint as its pages arrive (one request per page).

    An explicit Pagination asks for that one page (limit 20 when only an offset is given,
    like the SDK). Otherwise pages of `page_size` are asked for, following `X-Next-Page` by
    reading its limit/offset and re-asking our own base URL (a proxy may rewrite the
    absolute link; a server with a smaller max page size sets a smaller limit there). A
    server that does not paginate simply returns the whole list with no next link.
    """
    base_params = dict(params or {})
    explicit = pagination if pagination is not None and not pagination.is_empty else None
    if explicit is not None:
        limit = explicit.limit or DEFAULT_PAGINATION_LIMIT
        offset = explicit.offset or 0
    else:
        limit, offset = max(1, int(page_size)), 0
    while True:
        response, payload = _page(transport, path, base_params, json_body, limit, offset)
        next_link = response.headers.get("X-Next-Page")
        total = _total_count(response)
        yield from payload
        received = offset + len(payload)
        if explicit is not None:
            return
        if not next_link or not payload:
            if total is not None and received < total:
                # A shorter listing taken as the truth would make files look deleted.
                raise InvalidResponseError(
                    f"The server's listing ended after {received} of the {total} items it announced; try again later",
                    status_code=response.status_code,
                    url=safe_url(response.url),
                    method="GET",
                )
            return
        query = parse_qs(urlsplit(next_link).query)
        try:
            next_offset = int(query.get("offset", ["0"])[0])
            limit = int(query.get("limit", [str(limit)])[0]) or limit
        except ValueError:
            return
        if next_offset <= offset:
            return
        if total is not None and next_offset == received:
            yield from _remaining_pages(transport, path, base_params, json_body, limit, next_offset, total)
            return
        offset = next_offset


def _page(
    transport: "Transport", path: str, params: Dict[str, Any], json_body: Any, limit: int, offset: int
) -> Tuple[requests.Response, List[Any]]:
    page_params = {**params, "limit": str(limit), "offset": str(offset)}
    response, payload = transport.request_decoded("GET", path, params=page_params, json_body=json_body)
    if not isinstance(payload, list):
        raise InvalidResponseError(
            f"The server answered {response.status_code} with a {type(payload).__name__} where a list was expected",
            status_code=response.status_code,
            url=safe_url(response.url),
            method="GET",
        )
    return response, payload


def _remaining_pages(
    transport: "Transport", path: str, params: Dict[str, Any], json_body: Any, limit: int, offset: int, total: int
) -> Iterator[Any]:
    """The pages from `offset` to the announced `total`, PAGES_AT_ONCE at a time, in order. Each must
    hold what the total says: a listing that changed while it was read would miss or repeat items."""
    offsets = list(range(offset, total, limit))
    with ThreadPoolExecutor(max_workers=min(PAGES_AT_ONCE, len(offsets)), thread_name_prefix="qfc-pages") as pool:
        pages = [pool.submit(_page, transport, path, params, json_body, limit, o) for o in offsets]
        try:
            for page_offset, page in zip(offsets, pages):
                wait_all([page])
                response, payload = page.result()
                expected = min(limit, total - page_offset)
                if len(payload) != expected or _total_count(response) not in (None, total):
                    raise InvalidResponseError(
                        f"The server's listing changed while it was read (items {page_offset + 1} to "
                        f"{page_offset + expected} of {total} came back as {len(payload)}); try again",
                        status_code=response.status_code,
                        url=safe_url(response.url),
                        method="GET",
                    )
                yield from payload
        finally:
            for page in pages:
                page.cancel()


def _total_count(response: requests.Response) -> Optional[int]:
    value = response.headers.get("X-Total-Count", "").strip()
    return int(value) if value.isdigit() else None
