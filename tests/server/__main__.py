"""Command line: `python -m tests.server --port 0 [--data DIR] [--user NAME:PASSWORD ...] ...`.

Prints one line with the base URL (`http://127.0.0.1:PORT/api/v1/`, `https://` with
`--tls-cert/--tls-key`) once connections are accepted, then serves until SIGTERM/SIGINT and
shuts down cleanly (exit status 0). `--faults SPEC` adds the fault layer of `faults.py`.
"""

import argparse
import asyncio
import os
import shutil
import signal
import socket
import sys
import tempfile
import threading
from pathlib import Path
from typing import List, Tuple

import uvicorn

from .app import create_app
from .demo import ensure_accounts, ensure_demo
from .faults import FaultLayer, parse_spec
from .settings import COMPAT_2024_09, Settings


def _pair(value: str) -> Tuple[str, str]:
    name, separator, second = value.partition(":")
    if not separator or not name or not second:
        raise argparse.ArgumentTypeError(f"expected NAME:VALUE, got {value!r}")
    return name, second


def parse_args(argv: List[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m tests.server", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1", choices=["127.0.0.1"], help="loopback only")
    parser.add_argument("--port", type=int, default=8000, help="0 picks a free port")
    parser.add_argument("--data", type=Path, help="state directory (default: a temporary one)")
    parser.add_argument(
        "--user",
        type=_pair,
        action="append",
        default=[],
        metavar="NAME:PASSWORD",
        help="a person account (repeatable); without any, the demo account is created",
    )
    parser.add_argument(
        "--org",
        type=_pair,
        action="append",
        default=[],
        metavar="ORG:OWNER",
        help="an organization owned by a --user (repeatable)",
    )
    parser.add_argument("--compat", choices=[COMPAT_2024_09], help="behave like a 2024-09 server")
    parser.add_argument("--token-hours", type=float, default=720.0, help="token lifetime (default 720)")
    parser.add_argument(
        "--redirect-downloads",
        action="store_true",
        help="answer downloads with 302 to a presigned URL on another host name",
    )
    parser.add_argument(
        "--job-delay", type=float, default=0.1, help="seconds a job stays queued and then started (default 0.1)"
    )
    parser.add_argument(
        "--faults",
        metavar="SPEC",
        default=None,
        type=_fault_spec,
        help='inject faults, e.g. "503:0.02,reset:0.02,stall:0.01" ("none": only the '
        "/__faults__/ control endpoint); see tests/server/faults.py",
    )
    parser.add_argument("--fault-seed", type=int, default=0, help="random seed of the fault layer (default 0)")
    parser.add_argument(
        "--fault-stall",
        type=float,
        default=5.0,
        help="seconds a `stall` fault holds the answer (default 5; above the client's read timeout)",
    )
    parser.add_argument(
        "--test-clock",
        action="store_true",
        help='offer POST /__clock__/ {"advance": seconds} to move the clock forward (tests)',
    )
    parser.add_argument("--tls-cert", type=Path, help="serve HTTPS with this PEM certificate (needs --tls-key)")
    parser.add_argument("--tls-key", type=Path, help="the PEM private key of --tls-cert")
    parser.add_argument(
        "--exit-with-parent",
        action="store_true",
        help="stop when standard input closes: the process that started it has ended",
    )
    args = parser.parse_args(argv)
    if bool(args.tls_cert) != bool(args.tls_key):
        parser.error("--tls-cert and --tls-key go together")
    return args


def _fault_spec(value: str) -> str:
    try:
        parse_spec(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return value


def _listen(host: str, port: int) -> socket.socket:
    # proto must be IPPROTO_TCP: asyncio only sets TCP_NODELAY on such sockets, and without it
    # every keep-alive response stalls 40 ms on delayed ACKs.
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


async def _serve(server: uvicorn.Server, sock: socket.socket, url: str) -> None:
    task = asyncio.create_task(server.serve(sockets=[sock]))
    while not server.started and not task.done():
        await asyncio.sleep(0.01)
    if server.started:
        print(f"QFieldCloud test server ready at {url}", flush=True)
    await task


def _stop_at_end_of_input(server: uvicorn.Server) -> None:
    # A test process killed outright (SIGKILL, a CPU-time limit) cannot stop its server; its end
    # closes our stdin pipe on every OS, so the server goes too instead of lingering.
    # os.read, not sys.stdin: a daemon thread blocked inside the buffered reader aborts the
    # interpreter's own shutdown (it cannot take the reader's lock).
    while os.read(sys.stdin.fileno(), 4096):
        pass
    server.should_exit = True


def main(argv: List[str]) -> int:
    args = parse_args(argv)
    temporary = None
    if args.data is None:
        temporary = tempfile.mkdtemp(prefix="qfc-server-")
        args.data = Path(temporary)
    args.data.mkdir(parents=True, exist_ok=True)
    settings = Settings(
        data_dir=args.data,
        compat=args.compat,
        token_hours=args.token_hours,
        redirect_downloads=args.redirect_downloads,
        job_step_seconds=args.job_delay,
        test_clock=args.test_clock,
    )
    app = create_app(settings)
    ensure_accounts(app.state.store, args.user, args.org)
    if not args.user:
        ensure_demo(app.state.store, app.state.jobs)
    served = app if args.faults is None else FaultLayer(app, args.faults, args.fault_seed, args.fault_stall)
    sock = _listen(args.host, args.port)
    scheme = "https" if args.tls_cert else "http"
    url = f"{scheme}://{args.host}:{sock.getsockname()[1]}/api/v1/"
    tls = {"ssl_certfile": str(args.tls_cert), "ssl_keyfile": str(args.tls_key)} if args.tls_cert else {}
    config = uvicorn.Config(
        served, log_level="warning", access_log=False, lifespan="on", timeout_graceful_shutdown=5, **tls
    )
    server = uvicorn.Server(config)
    # uvicorn re-raises the signal it caught after shutting down; a no-op handler makes that a clean exit.
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: None)
    if args.exit_with_parent:
        threading.Thread(target=_stop_at_end_of_input, args=(server,), daemon=True).start()
    try:
        asyncio.run(_serve(server, sock, url))
    finally:
        sock.close()
        if temporary:
            shutil.rmtree(temporary, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
