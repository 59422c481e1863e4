"""What the client says when it cannot talk to a server at all, and which of those it retries.

Each failure is real, on loopback: a closed port, a listener whose queue is full (the connection
is never accepted), a name that does not resolve, an answer cut mid-chunk, a malformed URL.
"""

import socket

import pytest

from qfieldcloud_plugin.client import Client, ConnectionFailedError, QfcException
from tests.support.fake_http import Reply, closed_port


def failing(url, method="GET", path="status/", **client_options):
    """The ConnectionFailedError of one request, and the waits between its attempts."""
    client = Client(url, max_retries=client_options.pop("max_retries", 2), **client_options)
    waits = []
    with pytest.raises(ConnectionFailedError) as info:
        client.transport.request(method, path, skip_token=True, sleep=waits.append)
    return info.value, waits


def test_a_closed_port_names_the_server_and_what_to_check():
    port = closed_port()
    error, waits = failing(f"http://127.0.0.1:{port}/")
    assert error.message == (
        f"Could not connect to http://127.0.0.1:{port}: Connection refused. "
        "Check the URL and that the server is reachable"
    )
    assert str(error).endswith(f" (GET http://127.0.0.1:{port}/api/v1/status/)")
    assert (error.url, error.method) == (f"http://127.0.0.1:{port}/api/v1/status/", "GET")
    assert len(waits) == 2  # a refused connection may be a server restarting: retried


def test_a_server_that_never_accepts_times_out_and_says_after_how_long():
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(0)
    port = listener.getsockname()[1]
    queued = []
    for _ in range(4):  # fill the accept queue: the next connection gets no answer at all
        pending = socket.socket()
        pending.setblocking(False)
        pending.connect_ex(("127.0.0.1", port))
        queued.append(pending)
    try:
        error, _waits = failing(f"http://127.0.0.1:{port}/", connect_timeout=0.3, max_retries=0)
    finally:
        for pending in queued:
            pending.close()
        listener.close()
    assert error.message == (
        f"Could not connect to http://127.0.0.1:{port} within 0.3 s. Check the URL and your network"
    )


def test_a_name_that_does_not_resolve_is_not_retried():
    error, waits = failing("http://qfieldcloud-test-host.invalid/")
    assert error.message.startswith("Could not connect to http://qfieldcloud-test-host.invalid: ")
    assert "Name or service not known" in error.message or "nodename nor servname" in error.message
    assert waits == []  # a typo in the URL does not get better by asking again


def test_an_answer_cut_mid_chunk_says_so(fake):
    fake.route(
        "GET",
        "api/v1/status/",
        Reply(
            raw=b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
            b'Transfer-Encoding: chunked\r\n\r\n20\r\n{"database": '
        ),
    )
    error, waits = failing(fake.url, max_retries=1)
    assert error.message.startswith("The server's answer was cut short: got 13 of 32 bytes")
    assert error.message.endswith(f"({fake.url.split('/api/')[0]})")
    assert len(waits) == 1  # a broken answer is transient: asked once more


@pytest.mark.parametrize("url", ["http://[::1/", "http://127.0.0.1:99999/", "http://qfc.example:8o8o/"])
def test_a_url_whose_host_or_port_cannot_be_read_is_refused_at_once(url):
    with pytest.raises(QfcException, match="its host or port cannot be read"):
        Client(url)


def test_a_host_name_that_cannot_be_encoded_is_named_as_an_invalid_url():
    error, waits = failing("http://bob:hunter2@qfc..example/")  # pragma: allowlist secret
    assert error.message == "Invalid URL http://qfc..example/api/v1/status/. Check the QFieldCloud URL"
    assert waits == []


def test_credentials_in_the_url_never_reach_the_message():
    port = closed_port()
    error, _waits = failing(f"http://bob:hunter2@127.0.0.1:{port}/", max_retries=0)  # pragma: allowlist secret
    assert "hunter2" not in str(error) and "hunter2" not in str(error.url)
    assert f"127.0.0.1:{port}" in str(error)
