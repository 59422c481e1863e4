"""The bench's emulated link: every byte arrives, in order, and never sooner than the link allows.

Only lower bounds are asserted (a loaded machine can only make things slower); how close the
link comes to its figures is measured and printed by `make bench`, not asserted here.
"""

import asyncio
import os

import pytest

from bench.link import MBIT, LinkProxy, LinkSpec


def test_link_names_and_custom_figures():
    assert LinkSpec.parse("50ms") == LinkSpec(0.05, 100 * MBIT, 20 * MBIT)
    assert LinkSpec.parse("150ms").rtt == 0.15
    custom = LinkSpec.parse("rtt=80ms,down=50mbit,up=512kbit")
    assert (custom.rtt, custom.down, custom.up) == (0.08, 50 * MBIT, 512 * MBIT / 1000)
    assert custom.name == "80 ms RTT, 50/1 Mbit/s"
    with pytest.raises(ValueError, match="unknown link"):
        LinkSpec.parse("fast")
    with pytest.raises(ValueError, match="unknown link"):
        LinkSpec.parse("rtt=slow")


async def _through_link(spec, payloads, parallel=False):
    """Send each payload through its own connection to an echo server behind the link; return
    (the bytes each got back, seconds to the first reply of the first connection, total seconds)."""

    async def echo(reader, writer):
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
        writer.close()

    server = await asyncio.start_server(echo, "127.0.0.1", 0)
    proxy = LinkProxy(("127.0.0.1", server.sockets[0].getsockname()[1]), spec)
    port = await proxy.start()
    loop = asyncio.get_running_loop()
    first_reply = []

    async def one(payload):
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        sent = loop.time()
        writer.write(payload)
        writer.write_eof()
        received = bytearray()
        while data := await reader.read(65536):
            if not first_reply:
                first_reply.append(loop.time() - sent)
            received += data
        writer.close()
        return bytes(received)

    started = loop.time()
    try:
        if parallel:
            results = await asyncio.gather(*(one(p) for p in payloads))
        else:
            results = [await one(p) for p in payloads]
    finally:
        proxy.server.close()
        server.close()
    return results, first_reply[0], loop.time() - started


def test_every_byte_arrives_in_order_and_no_sooner_than_a_handshake_and_a_round_trip():
    spec = LinkSpec(0.2, 100 * MBIT, 100 * MBIT)
    payload = os.urandom(300_000)
    (back,), first, _total = asyncio.run(_through_link(spec, [payload]))
    assert back == payload
    assert first >= 2 * spec.rtt  # one round trip of handshake, one for the request and its answer


def test_a_stream_is_paced_to_the_rate_and_parallel_streams_share_it():
    spec = LinkSpec(0.02, 2 * MBIT, 2 * MBIT)  # 250 KB/s each way
    payloads = [os.urandom(100_000), os.urandom(100_000)]
    results, _first, alone = asyncio.run(_through_link(spec, payloads[:1]))
    assert results == payloads[:1]
    assert alone >= 100_000 / spec.up  # 0.4 s: the upload leg alone takes that long
    results, _first, together = asyncio.run(_through_link(spec, payloads, parallel=True))
    assert results == payloads
    assert together >= 200_000 / spec.up  # both share one queue: never two links' worth


def test_the_physical_limit_counts_round_trips_and_the_slower_direction():
    from bench.link import physical_limit

    spec = LinkSpec(0.05, 100 * MBIT, 20 * MBIT)
    assert physical_limit(spec, 3) == pytest.approx(0.15)
    assert physical_limit(spec, 3, down_bytes=200 * 16384) == pytest.approx(0.15 + 3_276_800 / 12_500_000)
    assert physical_limit(spec, 3, down_bytes=1000, up_bytes=2_500_000) == pytest.approx(0.15 + 1.0)


def test_a_shaped_run_is_judged_by_the_issue_targets_of_its_link():
    from bench.report import markdown_table, verdict

    fast = {"ours_over_link_limit": 1.4, "sdk_over_ours": 10.0}
    assert verdict("download_small", fast, "50ms")[1] == "MET"
    # at 150 ms the SDK must be 12x slower: 10x misses, whatever the limit ratio
    assert verdict("download_small", fast, "150ms")[1] == "missed"
    assert verdict("download_small", dict(fast, ours_over_link_limit=1.6), "50ms")[1] == "missed"
    assert verdict("upload_large", {"ours_over_link_limit": 1.06}, "50ms")[1] == "missed"
    assert verdict("list_files", {"ours_over_link_limit": 1.2}, "rtt=80ms")[1] == "MET"
    # a missing figure is never a pass; on loopback the loopback targets apply
    assert verdict("download_large", {}, "50ms")[1] == "missed"
    assert verdict("download_small", fast)[0] == "≥4x faster than SDK download_project"
    assert "≤2x the link's limit" in markdown_table({"download_small": dict(fast, link_limit_s=0.7)}, "150ms")
