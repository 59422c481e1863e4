"""Token authentication, login with django-axes style lockout, and client types from User-Agents."""

import re
from typing import Any, Dict, Optional

from starlette.requests import Request

from . import clock
from .errors import ApiError
from .store import PERSON, Store, check_password

QGIS_USER_AGENT = re.compile(r" QGIS/[34]\d{4}(/.*)?$")
# Client types where a new login expires the user's other live tokens of the same type.
SINGLE_TOKEN_TYPES = ("qfield", "qfieldsync", "unknown")
MAX_LOGIN_FAILURES = 5
LOCKOUT_SECONDS = 30 * 60


def client_type(user_agent: str) -> str:
    """The token's client type, derived from the User-Agent exactly like QFieldCloud does."""
    for prefix in ("qfield", "sdk", "cli"):
        if user_agent.startswith(prefix + "|"):
            return prefix
    if QGIS_USER_AGENT.search(user_agent):
        return "qfieldsync"
    if "Mozilla" in user_agent or "WebKit" in user_agent:
        return "browser"
    return "unknown"


def optional_user(request: Request) -> Optional[Dict[str, Any]]:
    """The token's user, None without a `Token` header; bad tokens raise 401 like DRF does."""
    header = request.headers.get("authorization", "")
    parts = header.split()
    if not parts or parts[0].lower() != "token":
        return None
    if len(parts) != 2:
        raise ApiError("authentication_failed")
    store: Store = request.app.state.store
    token = store.one("SELECT * FROM tokens WHERE key = ?", parts[1])
    if token is None or token["expires_at"] <= clock.now():
        raise ApiError("token_authentication_failed")
    user = store.user_by_id(token["user_id"])
    if user is None or not user["is_active"]:
        raise ApiError("token_authentication_failed")
    return user


def require_user(request: Request) -> Dict[str, Any]:
    user = optional_user(request)
    if user is None:
        raise ApiError("not_authenticated")
    return user


def login(request: Request, fields: Dict[str, Any]) -> Dict[str, Any]:
    """Checks credentials (username or e-mail) and issues a new token row; raises 400/401 errors."""
    store: Store = request.app.state.store
    settings = request.app.state.settings
    login_name = str(fields.get("username") or fields.get("email") or "")
    password = fields.get("password")
    if password is None or password == "":
        raise ApiError("api_error")
    if not login_name:
        raise ApiError("authentication_failed")
    ip = request.client.host if request.client else ""
    failures = store.one("SELECT * FROM login_failures WHERE username = ? AND ip = ?", login_name, ip)
    if failures and failures["last_failure_at"] + LOCKOUT_SECONDS <= clock.now():
        store.run("DELETE FROM login_failures WHERE username = ? AND ip = ?", login_name, ip)
        failures = None
    if failures and failures["failures"] >= MAX_LOGIN_FAILURES:
        raise ApiError("too_many_failed_login_attempts")
    user = store.person_by_login(login_name)
    if (
        user is None
        or not user["is_active"]
        or user["type"] != PERSON
        or not check_password(str(password), user["password_hash"])
    ):
        count = (failures["failures"] if failures else 0) + 1
        store.run(
            "INSERT OR REPLACE INTO login_failures (username, ip, failures, last_failure_at) VALUES (?, ?, ?, ?)",
            login_name,
            ip,
            count,
            clock.now(),
        )
        raise ApiError("too_many_failed_login_attempts" if count >= MAX_LOGIN_FAILURES else "authentication_failed")
    store.run("DELETE FROM login_failures WHERE username = ? AND ip = ?", login_name, ip)
    kind = client_type(request.headers.get("user-agent", ""))
    token = store.create_token(user, kind, settings.token_hours)
    if kind in SINGLE_TOKEN_TYPES:
        store.expire_tokens(user["id"], kind, keep=token["key"])
    return {"user": user, "token": token}
