"""Reading request bodies the way DRF parsers do: JSON, form-urlencoded or (small) multipart."""

import json
import uuid
from typing import Any, Dict

from starlette.requests import Request

from .errors import ApiError

TRUE_VALUES = {True, "1", "true", "True", "TRUE", "t", "T", "yes", "on", "y"}
FALSE_VALUES = {False, "0", "false", "False", "FALSE", "f", "F", "no", "off", "n"}


async def fields(request: Request) -> Dict[str, Any]:
    """The request's fields; an empty or unparsable body counts as no fields, as in DRF."""
    content_type = request.headers.get("content-type", "")
    if content_type.startswith("application/json"):
        body = await request.body()
        if not body.strip():
            return {}
        try:
            data = json.loads(body)
        except ValueError:
            raise ApiError("api_error") from None
        if not isinstance(data, dict):
            raise ApiError("api_error")
        return data
    if content_type.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
        form = await request.form()
        return {key: value for key, value in form.items() if isinstance(value, str)}
    return {}


def to_bool(value: Any) -> bool:
    """DRF BooleanField parsing; anything else is a serializer error (400 `api_error`)."""
    if isinstance(value, str):
        value = value.strip()
    if value in TRUE_VALUES:
        return True
    if value in FALSE_VALUES:
        return False
    raise ApiError("api_error")


def to_uuid(value: Any) -> str:
    """A Django UUIDField lookup: a malformed value is a 400 `validation_error`."""
    try:
        return str(uuid.UUID(str(value)))
    except ValueError:
        raise ApiError("validation_error") from None
