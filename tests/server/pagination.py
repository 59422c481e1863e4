"""DRF limit/offset pagination as QFieldCloud configures it: bare arrays, metadata in X-* headers."""

from typing import Any, List
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


def paginated(request: Request, items: List[Any]) -> JSONResponse:
    """The whole list without a positive `limit`; otherwise one slice plus X-Total-Count and links."""
    limit = _positive_int(request.query_params.get("limit", ""))
    if not limit:
        return JSONResponse(items)
    offset = _positive_int(request.query_params.get("offset", "0"))
    count = len(items)
    headers = {"X-Total-Count": str(count)}
    if offset + limit < count:
        headers["X-Next-Page"] = _page_url(request, limit=limit, offset=offset + limit)
    if offset > 0:
        previous = offset - limit
        headers["X-Previous-Page"] = _page_url(request, limit=limit, offset=previous if previous > 0 else None)
    return JSONResponse(items[offset:offset + limit], headers=headers)
