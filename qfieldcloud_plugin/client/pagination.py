"""Walking a list endpoint page by page: QFieldCloud's limit/offset paging with its X-Next-Page link."""

from typing import TYPE_CHECKING, Any, Iterator, Mapping, Optional
from urllib.parse import parse_qs, urlsplit

import requests

from .errors import InvalidResponseError
from .models import DEFAULT_PAGINATION_LIMIT, LIST_PAGE_SIZE, Pagination
from .urls import safe_url

if TYPE_CHECKING:  # only for the annotation: transport.py imports this module
    from .transport import Transport


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
        page_params = {**base_params, "limit": str(limit), "offset": str(offset)}
        response, payload = transport.request_decoded("GET", path, params=page_params, json_body=json_body)
        if not isinstance(payload, list):
            raise InvalidResponseError(
                f"The server answered {response.status_code} with a {type(payload).__name__} where a list was expected",
                status_code=response.status_code,
                url=safe_url(response.url),
                method="GET",
            )
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
        offset = next_offset


def _total_count(response: requests.Response) -> Optional[int]:
    value = response.headers.get("X-Total-Count", "").strip()
    return int(value) if value.isdigit() else None
