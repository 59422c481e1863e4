"""An emulated network link for `make bench BENCH_LINK=...`: a loopback TCP proxy in user space.

This kernel has no netem, so the link is built here. Every connection through the proxy:
- waits one round trip before its first byte moves (the TCP handshake);
- sends each chunk through its direction's queue: serialization at the direction's rate, on a
  queue shared by every connection (parallel streams share the rate, as on a real link), then
  half a round trip of propagation;
- stops reading while more than WINDOW bytes of it are in flight, so a fast sender sees
  backpressure instead of an endless buffer.
Not modelled: TCP slow start and loss. The measured ping-pong RTT and single-stream rate are
printed beside every shaped table (`measure`).

    python -m bench.link --upstream 127.0.0.1:8011 --link 50ms      # prints "listening <port>"
"""

import argparse
import asyncio
import re
import statistics
import sys
from dataclasses import dataclass
from typing import Dict, Optional, Tuple

MBIT = 1e6 / 8  # bytes per second in one Mbit/s
CHUNK = 16 * 1024
WINDOW = 4 * 1024 * 1024  # per connection and direction, about a default Linux TCP window at most

# Named links: RTT, then down and up rates (the office and field connections).
PRESETS = {
    "50ms": (0.050, 100 * MBIT, 20 * MBIT),
    "150ms": (0.150, 100 * MBIT, 20 * MBIT),
}


@dataclass(frozen=True)
class LinkSpec:
    rtt: float  # seconds
    down: float  # bytes per second, server to client
    up: float  # bytes per second, client to server

    @property
    def name(self) -> str:
        return "{:.0f} ms RTT, {:.0f}/{:.0f} Mbit/s".format(self.rtt * 1000, self.down / MBIT, self.up / MBIT)

    @classmethod
    def parse(cls, text: str) -> "LinkSpec":
        """ "50ms", "150ms", or "rtt=80ms,down=50mbit,up=10mbit" (missing parts from the 50ms preset)."""
        if text in PRESETS:
            return cls(*PRESETS[text])
        rtt, down, up = PRESETS["50ms"]
        for part in filter(None, text.split(",")):
            key, _sep, value = part.partition("=")
            number = re.fullmatch(r"([0-9.]+)\s*(ms|s|mbit|kbit)?", value.strip().lower())
            if not number or key not in ("rtt", "down", "up"):
                raise ValueError("unknown link {!r}: use 50ms, 150ms or rtt=80ms,down=50mbit,up=10mbit".format(text))
            amount, unit = float(number.group(1)), number.group(2) or ""
            if key == "rtt":
                rtt = amount / 1000 if unit in ("ms", "") else amount
            else:
                rate = amount * (MBIT / 1000 if unit == "kbit" else MBIT)
                down, up = (rate, up) if key == "down" else (down, rate)
        return cls(rtt, down, up)


def physical_limit(spec: LinkSpec, round_trips: int, down_bytes: int = 0, up_bytes: int = 0) -> float:
    """The least time any client could take: the round trips it cannot avoid, plus its bytes at
    the link's rate (each direction's bytes could overlap the other's; the slower one counts)."""
    return round_trips * spec.rtt + max(down_bytes / spec.down, up_bytes / spec.up)


class Direction:
    """One direction of the link: a queue shared by all connections, drained at `rate`."""

    def __init__(self, rate: float, delay: float) -> None:
        self.rate, self.delay = rate, delay
        self.free_at = 0.0

    def arrival(self, size: int, now: float) -> float:
        """When `size` bytes handed to the link at `now` reach the other end."""
        start = max(now, self.free_at)
        self.free_at = start + size / self.rate
        return self.free_at + self.delay


class LinkProxy:
    def __init__(self, upstream: Tuple[str, int], spec: LinkSpec) -> None:
        self.upstream, self.spec = upstream, spec
        self.down = Direction(spec.down, spec.rtt / 2)
        self.up = Direction(spec.up, spec.rtt / 2)
        self.server: Optional[asyncio.AbstractServer] = None

    async def start(self, port: int = 0) -> int:
        self.server = await asyncio.start_server(self._connection, "127.0.0.1", port)
        return self.server.sockets[0].getsockname()[1]

    async def _connection(self, client_reader, client_writer) -> None:
        await asyncio.sleep(self.spec.rtt)  # SYN, SYN-ACK: the first request byte waits one round trip
        try:
            server_reader, server_writer = await asyncio.open_connection(*self.upstream)
        except OSError:
            client_writer.close()
            return
        await asyncio.gather(
            self._pump(client_reader, server_writer, self.up),
            self._pump(server_reader, client_writer, self.down),
            return_exceptions=True,
        )
        for writer in (client_writer, server_writer):
            writer.close()

    async def _pump(self, reader, writer, direction: Direction) -> None:
        loop = asyncio.get_running_loop()
        queue: "asyncio.Queue[Tuple[float, bytes]]" = asyncio.Queue()
        room = asyncio.Semaphore(WINDOW // CHUNK)

        async def deliver() -> None:
            while True:
                due, data = await queue.get()
                wait = due - loop.time()
                if wait > 0:
                    await asyncio.sleep(wait)
                if not data:
                    if writer.can_write_eof():
                        writer.write_eof()
                    return
                writer.write(data)
                await writer.drain()
                room.release()

        delivering = asyncio.ensure_future(deliver())
        try:
            while True:
                await room.acquire()
                data = await reader.read(CHUNK)
                if not data:
                    break
                queue.put_nowait((direction.arrival(len(data), loop.time()), data))
        except (ConnectionError, OSError):
            pass
        queue.put_nowait((loop.time() + direction.delay, b""))  # the FIN travels too
        try:
            await delivering
        except (ConnectionError, OSError):
            pass


async def _echo_server() -> Tuple[asyncio.AbstractServer, int]:
    async def echo(reader, writer):
        request = await reader.readline()
        if request.startswith(b"SEND "):
            size = int(request.split()[1])
            block = b"x" * 65536
            while size > 0:
                writer.write(block[: min(size, len(block))])
                size -= len(block)
                await writer.drain()
        else:
            while request:
                writer.write(request)
                await writer.drain()
                request = await reader.readline()
        writer.close()

    server = await asyncio.start_server(echo, "127.0.0.1", 0)
    return server, server.sockets[0].getsockname()[1]


async def _measure(spec: LinkSpec, pings: int = 7, stream_bytes: int = 0) -> Dict[str, float]:
    """The link as a client sees it: connection setup, median ping-pong RTT, one stream's rate down."""
    server, port = await _echo_server()
    proxy = LinkProxy(("127.0.0.1", port), spec)
    proxy_port = await proxy.start()
    loop = asyncio.get_running_loop()
    try:
        reader, writer = await asyncio.open_connection("127.0.0.1", proxy_port)
        rtts = []
        for _ in range(pings + 1):
            sent = loop.time()
            writer.write(b"ping\n")
            await reader.readline()
            rtts.append(loop.time() - sent)
        setup = rtts.pop(0) - statistics.median(rtts)  # the first exchange also pays the handshake
        writer.close()
        size = stream_bytes or int(spec.down * 2)  # about two seconds of the link
        reader, writer = await asyncio.open_connection("127.0.0.1", proxy_port)
        started = loop.time()
        writer.write("SEND {}\n".format(size).encode())
        received = 0
        first = None
        while received < size:
            data = await reader.read(1 << 20)
            if not data:
                break
            first = first or loop.time()
            received += len(data)
        elapsed = loop.time() - (first or started)
        writer.close()
    finally:
        proxy.server.close()
        server.close()
    return {
        "setup_s": setup,
        "rtt_ms": statistics.median(rtts) * 1000,
        "down_mbit_s": received / max(elapsed, 1e-9) / MBIT,
    }


def measure(spec: LinkSpec, **options) -> Dict[str, float]:
    return asyncio.run(_measure(spec, **options))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--upstream", help="host:port to forward to")
    parser.add_argument("--link", default="50ms")
    parser.add_argument("--measure", action="store_true", help="measure the emulated link and exit")
    args = parser.parse_args(argv)
    spec = LinkSpec.parse(args.link)
    if args.measure:
        print(spec.name, measure(spec))
        return 0
    host, _sep, port = args.upstream.rpartition(":")

    async def serve() -> None:
        proxy = LinkProxy((host or "127.0.0.1", int(port)), spec)
        print("listening {}".format(await proxy.start()), flush=True)
        await asyncio.Event().wait()

    try:
        asyncio.run(serve())
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
