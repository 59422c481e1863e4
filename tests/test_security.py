"""Security of the client and CLI: TLS verified by default, proxies honoured, redirects never
carry the token to another host, and the token never in logs, messages or exception texts."""

import datetime
import ipaddress
import logging
import os

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from qfieldcloud_plugin.client import (
    AuthenticationError,
    Client,
    ConnectionFailedError,
    FileTransferStatus,
    NotFoundError,
    QfcException,
)
from tests.support.fault_server import set_faults
from tests.support.forward_proxy import ForwardProxy
from tests.support.local_server import LocalServer
from tests.test_cli import fails, ok, run


def self_signed(folder):
    """A self-signed certificate for 127.0.0.1 (cert.pem, key.pem) made with `cryptography`."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "qfc-test-server")])
    now = datetime.datetime.now(datetime.timezone.utc)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return cert_path, key_path


@pytest.fixture(scope="module")
def tls_server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("tls")
    cert, key = self_signed(folder)
    with LocalServer(data_dir=folder / "data", extra_args=["--tls-cert", str(cert), "--tls-key", str(key)]) as server:
        server.cert = cert
        yield server


def test_a_self_signed_server_is_refused_by_default(tls_server, monkeypatch):
    monkeypatch.delenv("QFIELDCLOUD_VERIFY_SSL", raising=False)
    assert tls_server.url.startswith("https://127.0.0.1:")
    with pytest.raises(ConnectionFailedError, match="TLS verification failed") as info:
        Client(tls_server.url).login("alice", tls_server.users["alice"])
    origin = tls_server.url.split("/api/")[0].rstrip("/")
    assert info.value.message.startswith(f"TLS verification failed for {origin}: ")
    assert "certificate verify failed" in info.value.message  # the reason OpenSSL gave
    assert info.value.message.endswith(
        ". Check the server's certificate, give a CA bundle, or disable verification for a trusted test server"
    )
    waits = []
    with pytest.raises(ConnectionFailedError):
        Client(tls_server.url, max_retries=3).transport.request("GET", "status/", skip_token=True, sleep=waits.append)
    assert waits == []  # a certificate does not change by asking again
    fails(run("login", "alice", tls_server.users["alice"], url=tls_server.url), "TLS verification failed")


def test_a_self_signed_server_is_used_when_trusted(tls_server, tmp_path):
    via_ca = Client(tls_server.url, verify_ssl=str(tls_server.cert))
    via_ca.login("alice", tls_server.users["alice"])
    assert via_ca.get_user()["username"] == "alice"
    unverified = Client(tls_server.url, verify_ssl=False)
    unverified.login("alice", tls_server.users["alice"])
    project = via_ca.create_project("tls-roundtrip")
    (tmp_path / "a.txt").write_text("over TLS")
    assert via_ca.upload_files(project["id"], "project", str(tmp_path))[0]["status"] == FileTransferStatus.SUCCESS
    ok(run("--ca-bundle", str(tls_server.cert), "list-files", project["id"], url=tls_server.url, token=via_ca.token))
    ok(run("--no-verify-ssl", "status", url=tls_server.url))
    ok(run("status", url=tls_server.url, env={"QFIELDCLOUD_VERIFY_SSL": "0"}))


def test_the_client_goes_through_a_proxies_dict(qfc_server, tmp_path, unique_name):
    with ForwardProxy() as proxy:
        client = Client(qfc_server.url, proxies={"http": proxy.url})
        client.login("alice", qfc_server.users["alice"])
        project = client.create_project(unique_name)  # a name of its own: the server lives for the session
        (tmp_path / "a.bin").write_bytes(os.urandom(300_000))
        client.upload_files(project["id"], "project", str(tmp_path))
        client.download_project(project["id"], str(tmp_path / "out"))
        assert (tmp_path / "out" / "a.bin").read_bytes() == (tmp_path / "a.bin").read_bytes()
        assert f"POST {qfc_server.url}auth/login/" in proxy.seen
        assert any(line.startswith(f"GET {qfc_server.url}files/{project['id']}/a.bin/") for line in proxy.seen)


def test_the_client_and_cli_honour_http_proxy_env(qfc_server, monkeypatch):
    with ForwardProxy() as proxy:
        for name in ("NO_PROXY", "no_proxy"):
            monkeypatch.delenv(name, raising=False)
        monkeypatch.setenv("HTTP_PROXY", proxy.url)
        Client(qfc_server.url).check_server_status()
        assert proxy.seen == [f"GET {qfc_server.url}status/"]
        ok(run("status", url=qfc_server.url, env={"HTTP_PROXY": proxy.url, "NO_PROXY": ""}))
        assert len(proxy.seen) == 2


def test_downloads_redirected_to_another_host_do_not_carry_the_token(tmp_path):
    # The redirect mode answers downloads with 302 to the other loopback name; the fake storage
    # refuses any request carrying an Authorization header (see also test_client_transport).
    with LocalServer(data_dir=tmp_path / "data", extra_args=["--redirect-downloads"]) as server:
        client = Client(server.url)
        client.login("alice", server.users["alice"])
        project = client.create_project("redirected")
        (tmp_path / "src").mkdir()
        (tmp_path / "src" / "a.txt").write_text("redirected")
        client.upload_files(project["id"], "project", str(tmp_path / "src"))
        result = client.download_project(project["id"], str(tmp_path / "out"), throw_on_error=True)
        assert result[0]["status"] == FileTransferStatus.SUCCESS
        assert (tmp_path / "out" / "a.txt").read_text() == "redirected"


def test_the_token_never_appears_in_logs_messages_or_exceptions(qfc_server, tmp_path, caplog, unique_name):
    caplog.set_level(logging.DEBUG)
    server = LocalServer(data_dir=tmp_path / "data", extra_args=["--faults", "none", "--fault-stall", "2"])
    with server:
        client = Client(server.url, read_timeout=1, max_retries=2)
        client.transport.backoff_factor = 0.01
        client.login("alice", server.users["alice"])
        token = client.token
        texts = [repr(client)]
        project = client.create_project(unique_name)
        (tmp_path / "src").mkdir()
        (tmp_path / "src" / "a.bin").write_bytes(os.urandom(100_000))
        set_faults(server, "503:0.2,reset:0.2,stall:0.1,html:0.1,401:0.1", seed=3)
        for _ in range(3):
            try:
                files = client.upload_files(project["id"], "project", str(tmp_path / "src"), force=True)
                texts += [str(f["error"]) + repr(f["error"]) for f in files]
                files = client.download_project(project["id"], str(tmp_path / "out"), force_download=True)
                texts += [str(f["error"]) + repr(f["error"]) for f in files]
            except QfcException as exc:
                texts += [str(exc), repr(exc)]
        set_faults(server, "")
        for call in (
            lambda: client.get_project("00000000-0000-4000-8000-000000000000"),
            lambda: client.logout() and client.get_user(),
        ):
            try:
                call()
            except (NotFoundError, AuthenticationError) as exc:
                texts += [str(exc), repr(exc), str(exc.__cause__ or "")]
        cli = run("--json", "list-projects", url=server.url, token=token)
        texts += [cli.stdout, cli.stderr]
    texts.append(caplog.text)
    assert len(caplog.records) > 0
    assert not [t for t in texts if token in t]
