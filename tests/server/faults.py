"""Fault injection for the local server: an ASGI wrapper driven by a SPEC string.

`--faults "503:0.02,reset:0.02,stall:0.01,truncate:0.02,badsum:0.01,html:0.01,401:0.005,429:0.02"`
gives each kind the probability that one request gets it (at most one fault per request).
Kinds:

- `502`, `503`, `504`: a gateway error page instead of the answer (the app never sees the request);
- `429`: Too Many Requests with `Retry-After: 1` (the app never sees the request);
- `401`: `token_authentication_failed` for a request that carries a token (mid-session 401);
- `html`: a 200 HTML page (a captive portal or misrouted proxy) instead of the answer;
- `reset`: the connection is closed half way through the answer's body; for requests with a
  body, half of the time before the app ran (the upload is lost) and half after (it was stored);
- `stall`: the answer stops half way (or before its headers) for `--fault-stall` seconds, longer
  than the client's read timeout, then the connection is closed;
- `truncate`: a well-formed answer whose Content-Length and body are cut to half (only a
  checksum can tell);
- `badsum`: a wrong `sha256`/`md5sum` for one entry of a file listing.

Decisions come from one `random.Random(--fault-seed)` drawn in request order, so a run with one
client thread replays exactly. `GET /__faults__/` returns the counters; `POST /__faults__/` with
JSON `{"spec", "seed", "only", "limit", "stall"}` reconfigures the layer and zeroes the counters
(`only`: a regex the request path must match; `limit`: stop after that many faults).
"""

import asyncio
import hashlib
import json
import logging
import random
import re
import threading
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, List, Optional, Tuple

KINDS = ("502", "503", "504", "429", "401", "html", "reset", "stall", "truncate", "badsum")
# Kinds answered by the fault layer itself, without calling the app.
ANSWERED = frozenset({"502", "503", "504", "429", "401", "html"})
CONTROL_PATH = "/__faults__/"
LISTING = re.compile(r"^/api/v1/files/(metadata/)?[0-9a-fA-F-]{36}/")
WRONG_SHA256 = hashlib.sha256(b"injected fault").hexdigest()
WRONG_MD5 = hashlib.md5(b"injected fault").hexdigest()

GATEWAY_PAGE = (
    "<html>\r\n<head><title>{status} {reason}</title></head>\r\n<body>\r\n<center><h1>{status} {reason}</h1>"
    "</center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"
)
PORTAL_PAGE = (
    "<!doctype html><html><head><title>Sign in to the network</title></head>"
    "<body><h1>Please sign in</h1><form><input name=user></form></body></html>"
)
REASONS = {
    "502": "Bad Gateway",
    "503": "Service Temporarily Unavailable",
    "504": "Gateway Time-out",
    "429": "Too Many Requests",
}


class InjectedFault(Exception):
    """Raised inside the ASGI call to make uvicorn drop the connection (after the headers went out)."""


class _QuietInjected(logging.Filter):
    """uvicorn logs every dropped connection with a traceback; injected ones are expected."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.exc_info and isinstance(record.exc_info[1], InjectedFault))


def parse_spec(spec: str) -> Dict[str, float]:
    """`"503:0.02,reset:0.01"` -> {"503": 0.02, "reset": 0.01}; "" or "none" -> {}; ValueError if bad."""
    result: Dict[str, float] = {}
    text = (spec or "").strip()
    if text.lower() in ("", "none", "off"):
        return result
    for item in text.split(","):
        kind, sep, value = item.strip().partition(":")
        kind = kind.strip().lower()
        if kind not in KINDS or not sep:
            raise ValueError(f"bad fault {item!r}: expected KIND:PROBABILITY with KIND one of {', '.join(KINDS)}")
        try:
            probability = float(value)
        except ValueError:
            raise ValueError(f"bad probability in {item!r}") from None
        if not 0.0 <= probability <= 1.0:
            raise ValueError(f"probability out of [0, 1] in {item!r}")
        result[kind] = result.get(kind, 0.0) + probability
    if sum(result.values()) > 1.0 + 1e-9:
        raise ValueError(f"fault probabilities add up to more than 1: {spec!r}")
    return result


@dataclass
class FaultStats:
    requests: int = 0
    injected: Dict[str, int] = field(default_factory=lambda: {kind: 0 for kind in KINDS})
    bytes_in: int = 0  # request bodies received
    bytes_out: int = 0  # response bodies sent
    by_path: Dict[str, Dict[str, int]] = field(default_factory=dict)

    def as_dict(self) -> Dict[str, Any]:
        return {
            "requests": self.requests,
            "injected": dict(self.injected),
            "injected_total": sum(self.injected.values()),
            "bytes_in": self.bytes_in,
            "bytes_out": self.bytes_out,
            "by_path": self.by_path,
        }


class FaultLayer:
    """Wraps the app; see the module docstring for the kinds and the control endpoint."""

    def __init__(self, app: Callable, spec: str = "", seed: int = 0, stall_seconds: float = 5.0) -> None:
        self.app = app
        self.lock = threading.Lock()
        self.configure(spec, seed, stall_seconds=stall_seconds)
        logging.getLogger("uvicorn.error").addFilter(_QuietInjected())

    def __getattr__(self, name: str) -> Any:
        # `app.state` and friends stay reachable through the wrapper.
        return getattr(self.app, name)

    def configure(
        self,
        spec: str,
        seed: int = 0,
        only: str = "",
        limit: Optional[int] = None,
        stall_seconds: Optional[float] = None,
    ) -> None:
        with self.lock:
            self.spec_text = spec or ""
            self.probabilities = parse_spec(spec)
            self.seed = int(seed)
            self.rng = random.Random(self.seed)
            self.only = re.compile(only) if only else None
            self.limit = limit
            if stall_seconds is not None:
                self.stall_seconds = float(stall_seconds)
            self.stats = FaultStats()

    def _pick(self, scope: Dict[str, Any], has_token: bool) -> Optional[str]:
        path = scope["path"]
        with self.lock:
            self.stats.requests += 1
            if not self.probabilities or (self.only is not None and not self.only.search(path)):
                return None
            if self.limit is not None and sum(self.stats.injected.values()) >= self.limit:
                return None
            draw = self.rng.random()
            cumulative = 0.0
            chosen = None
            for kind, probability in self.probabilities.items():
                cumulative += probability
                if draw < cumulative:
                    chosen = kind
                    break
            if chosen is None:
                return None
            if chosen == "401" and not has_token:
                return None
            if chosen == "badsum" and not (scope["method"] == "GET" and LISTING.match(path)):
                return None
            return chosen

    def _count(self, kind: str, path: str) -> None:
        with self.lock:
            self.stats.injected[kind] += 1
            per_path = self.stats.by_path.setdefault(path, {})
            per_path[kind] = per_path.get(kind, 0) + 1

    def _add_bytes(self, inbound: int = 0, outbound: int = 0) -> None:
        with self.lock:
            self.stats.bytes_in += inbound
            self.stats.bytes_out += outbound

    async def __call__(self, scope: Dict[str, Any], receive: Callable, send: Callable) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if scope["path"] == CONTROL_PATH:
            await self._control(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        kind = self._pick(scope, b"authorization" in headers)

        async def counting_receive() -> Dict[str, Any]:
            message = await receive()
            if message["type"] == "http.request":
                self._add_bytes(inbound=len(message.get("body", b"")))
            return message

        async def counting_send(message: Dict[str, Any]) -> None:
            if message["type"] == "http.response.body":
                self._add_bytes(outbound=len(message.get("body", b"")))
            await send(message)

        if kind is None:
            await self.app(scope, counting_receive, counting_send)
            return
        if kind in ANSWERED:
            await self._drain(counting_receive)
            self._count(kind, scope["path"])
            await self._answer(kind, counting_send)
            return
        if kind == "reset" and self._has_body(headers) and self.rng.random() < 0.5:
            # Before the app: the upload never reaches storage, yet the client sees an answer begin.
            await self._drain(counting_receive)
            self._count(kind, scope["path"])
            await counting_send(
                {
                    "type": "http.response.start",
                    "status": 201,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", b"2")],
                }
            )
            raise InjectedFault("reset before the app")
        await self._wrap_response(kind, scope, counting_receive, counting_send)

    @staticmethod
    def _has_body(headers: Dict[bytes, bytes]) -> bool:
        return headers.get(b"content-length", b"0") not in (b"", b"0") or b"transfer-encoding" in headers

    @staticmethod
    async def _drain(receive: Callable) -> None:
        while True:
            message = await receive()
            if message["type"] != "http.request" or not message.get("more_body"):
                return

    async def _answer(self, kind: str, send: Callable) -> None:
        if kind == "401":
            status, ctype = 401, b"application/json"
            body = json.dumps(
                {"code": "token_authentication_failed", "message": "Token authentication failed"}
            ).encode()
        elif kind == "html":
            status, ctype, body = 200, b"text/html; charset=utf-8", PORTAL_PAGE.encode()
        else:
            status, ctype = int(kind), b"text/html"
            body = GATEWAY_PAGE.format(status=kind, reason=REASONS[kind]).encode()
        headers = [(b"content-type", ctype), (b"content-length", str(len(body)).encode())]
        if kind == "429":
            headers.append((b"retry-after", b"1"))
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})

    async def _wrap_response(self, kind: str, scope: Dict[str, Any], receive: Callable, send: Callable) -> None:
        path = scope["path"]
        state: Dict[str, Any] = {
            "start": None,
            "length": None,
            "sent": 0,
            "cut": None,
            "done": False,
            "buffer": bytearray(),
        }

        async def faulty_send(message: Dict[str, Any]) -> None:
            if state["done"]:
                raise InjectedFault("answer already finished")
            if message["type"] == "http.response.start":
                state["start"] = message
                length = dict(message.get("headers") or []).get(b"content-length")
                state["length"] = int(length) if length and length.isdigit() else None
                if kind in ("reset", "stall") and not state["length"]:
                    # An answer without a body: the connection drops before its headers.
                    self._count(kind, path)
                    if kind == "stall":
                        await asyncio.sleep(self.stall_seconds)
                    raise InjectedFault(f"{kind} before the headers")
                if kind == "badsum":
                    return  # sent with the rewritten body
                if kind == "truncate" and state["length"] and state["length"] >= 2:
                    state["cut"] = state["length"] // 2
                    message = dict(
                        message,
                        headers=[
                            (k, str(state["cut"]).encode() if k == b"content-length" else v)
                            for k, v in message["headers"]
                        ],
                    )
                    self._count(kind, path)
                await send(message)
                return
            if message["type"] != "http.response.body":
                await send(message)
                return
            body = message.get("body", b"")
            more = message.get("more_body", False)
            if kind == "badsum":
                state["buffer"].extend(body)
                if not more:
                    await self._send_badsum(state, path, send)
                return
            if kind in ("reset", "stall") and state["length"]:
                half = max(1, state["length"] // 2)
                if state["sent"] + len(body) >= half:
                    take = half - state["sent"]
                    await send({"type": "http.response.body", "body": body[:take], "more_body": True})
                    self._count(kind, path)
                    if kind == "stall":
                        await asyncio.sleep(self.stall_seconds)
                    raise InjectedFault(f"{kind} half way through the body")
                state["sent"] += len(body)
                await send(message)
                return
            if state["cut"] is not None:
                take = max(0, state["cut"] - state["sent"])
                state["sent"] += min(take, len(body))
                if state["sent"] >= state["cut"] or not more:
                    await send({"type": "http.response.body", "body": body[:take]})
                    state["done"] = True
                    return
                await send({"type": "http.response.body", "body": body[:take], "more_body": True})
                return
            await send(message)

        try:
            await self.app(scope, receive, faulty_send)
        except InjectedFault:
            if not state["done"]:
                raise

    async def _send_badsum(self, state: Dict[str, Any], path: str, send: Callable) -> None:
        start = state["start"]
        body = bytes(state["buffer"])
        try:
            payload = json.loads(body)
        except ValueError:
            payload = None
        entries = payload if isinstance(payload, list) else [payload] if isinstance(payload, dict) else []
        entries = [e for e in entries if isinstance(e, dict) and e.get("sha256")]
        if entries and start["status"] == 200:
            victim = entries[self.rng.randrange(len(entries))]
            victim["sha256"] = WRONG_SHA256
            victim["md5sum"] = WRONG_MD5
            body = json.dumps(payload).encode()
            self._count("badsum", path)
        headers = [(k, str(len(body)).encode() if k == b"content-length" else v) for k, v in start["headers"]]
        await send(dict(start, headers=headers))
        await send({"type": "http.response.body", "body": body})

    async def _control(self, scope: Dict[str, Any], receive: Callable, send: Callable) -> None:
        status = 200
        if scope["method"] == "POST":
            raw = b""
            while True:
                message = await receive()
                raw += message.get("body", b"")
                if not message.get("more_body"):
                    break
            try:
                options = json.loads(raw or b"{}")
                self.configure(
                    options.get("spec", ""),
                    options.get("seed", 0),
                    options.get("only", ""),
                    options.get("limit"),
                    options.get("stall"),
                )
            except (ValueError, TypeError, re.error) as exc:
                status = 400
                body = json.dumps({"error": str(exc)}).encode()
        if status == 200:
            with self.lock:
                body = json.dumps({"spec": self.spec_text, "seed": self.seed, **self.stats.as_dict()}).encode()
        await send(
            {
                "type": "http.response.start",
                "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())],
            }
        )
        await send({"type": "http.response.body", "body": body})


def summary(stats: Dict[str, Any]) -> Tuple[int, List[str]]:
    """(faults injected, ["503=3", ...]) for messages and reports."""
    kinds = [f"{kind}={count}" for kind, count in sorted(stats["injected"].items()) if count]
    return stats["injected_total"], kinds
