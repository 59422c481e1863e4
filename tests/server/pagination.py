"""DRF limit/offset pagination as QFieldCloud configures it: bare arrays, metadata in X-* headers."""

from typing import Any, Callable, Optional, Sequence
from urllib.parse import parse_qs, urlencode

from starlette.requests import Request
from starlette.responses import JSONResponse


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return 0
    return max(number, 0)


def _page_url(request: Request, **changes: Any) -> str:
    """The request URL with some query params replaced (None removes), sorted like DRF does."""
    query = parse_qs(request.url.query, keep_blank_values=True)
    for key, value in changes.items():
        if value is None:
            query.pop(key, None)
        else:
            query[key] = [str(value)]
    base = f"{request.url.scheme}://{request.url.netloc}{request.url.path}"
    encoded = urlencode(sorted(query.items()), doseq=True)
    return f"{base}?{encoded}" if encoded else base


def paginated(request: Request, items: Sequence[Any], serialize: Optional[Callable[[Any], Any]] = None) -> JSONResponse:
    """The whole list without a positive `limit`; otherwise one slice plus X-Total-Count and links.

    `serialize` (if given) turns one item into its JSON value; it runs on the returned slice only,
    like DRF serializing a sliced queryset, so a page costs O(page) formatting, not O(list).
    """
    return paginated_query(
        request, len(items), lambda offset, limit: items[offset : None if limit is None else offset + limit], serialize
    )


def paginated_query(
    request: Request,
    count: int,
    fetch: Callable[[int, Optional[int]], Sequence[Any]],
    serialize: Optional[Callable[[Any], Any]] = None,
) -> JSONResponse:
    """Like `paginated`, for a list of `count` items of which `fetch(offset, limit)` reads one slice
    (`limit` None: everything from `offset`), e.g. with SQL LIMIT/OFFSET."""
    limit = _positive_int(request.query_params.get("limit", ""))
    convert = serialize or (lambda item: item)
    if not limit:
        return JSONResponse([convert(item) for item in fetch(0, None)])
    offset = _positive_int(request.query_params.get("offset", "0"))
    headers = {"X-Total-Count": str(count)}
    if offset + limit < count:
        headers["X-Next-Page"] = _page_url(request, limit=limit, offset=offset + limit)
    if offset > 0:
        previous = offset - limit
        headers["X-Previous-Page"] = _page_url(request, limit=limit, offset=previous if previous > 0 else None)
    page = fetch(offset, limit) if offset < count else []
    return JSONResponse([convert(item) for item in page], headers=headers)
