"""Helpers around the local server's fault layer (`--faults`, `/__faults__/`), for tests."""

import json
import urllib.request
from typing import Any, Dict, Optional

from tests.support.local_server import LocalServer


def faults_url(server: LocalServer) -> str:
    return server.root_url + "__faults__/"


def fault_stats(server: LocalServer) -> Dict[str, Any]:
    """The fault layer's counters: requests, injected{kind}, injected_total, bytes_in/out, by_path."""
    with urllib.request.urlopen(faults_url(server), timeout=10) as answer:  # nosec B310: loopback test server URL
        return json.loads(answer.read())


def set_faults(
    server: LocalServer,
    spec: str = "",
    seed: int = 0,
    only: str = "",
    limit: Optional[int] = None,
    stall: Optional[float] = None,
) -> Dict[str, Any]:
    """Reconfigure the fault layer and zero its counters ("" turns every fault off)."""
    body = json.dumps({"spec": spec, "seed": seed, "only": only, "limit": limit, "stall": stall}).encode()
    request = urllib.request.Request(
        faults_url(server), data=body, method="POST", headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=10) as answer:  # nosec B310: loopback test server URL
        return json.loads(answer.read())


def format_stats(stats: Dict[str, Any]) -> str:
    kinds = ", ".join(f"{kind}={count}" for kind, count in sorted(stats["injected"].items()) if count) or "none"
    return (
        f"{stats['requests']} requests, {stats['injected_total']} faults ({kinds}), "
        f"{stats['bytes_in'] / 1e6:.1f} MB in, {stats['bytes_out'] / 1e6:.1f} MB out"
    )
