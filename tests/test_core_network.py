"""QGIS proxy and CA settings become the client's `proxies` and `verify`."""

import shutil
import subprocess

import pytest
from qgis.core import QgsApplication, QgsSettings
from qgis.PyQt.QtNetwork import QSslCertificate

from qfieldcloud_plugin.core.network import ca_bundle_path, proxies_for


@pytest.fixture
def proxy_settings():
    settings = QgsSettings()
    settings.remove("proxy")
    yield settings
    settings.remove("proxy")


def test_no_proxy_when_disabled(proxy_settings):
    assert proxies_for("https://app.qfield.cloud/api/v1/", proxy_settings) == {}


def test_http_proxy_with_credentials_and_exclusions(proxy_settings):
    proxy_settings.setValue("proxy/proxyEnabled", True)
    proxy_settings.setValue("proxy/proxyType", "HttpProxy")
    proxy_settings.setValue("proxy/proxyHost", "proxy.example.com")
    proxy_settings.setValue("proxy/proxyPort", "3128")
    proxy_settings.setValue("proxy/proxyUser", "jo@corp")
    proxy_settings.setValue("proxy/proxyPassword", "p:ss")
    proxy_settings.setValue("proxy/proxyExcludedUrls", ["https://qfc.intranet/"])
    expected = "http://jo%40corp:p%3Ass@proxy.example.com:3128"  # pragma: allowlist secret
    assert proxies_for("https://app.qfield.cloud/api/v1/", proxy_settings) == {"http": expected, "https": expected}
    assert proxies_for("https://qfc.intranet/api/v1/", proxy_settings) == {}


def test_system_proxy_is_left_to_the_environment(proxy_settings):
    proxy_settings.setValue("proxy/proxyEnabled", True)
    proxy_settings.setValue("proxy/proxyType", "DefaultProxy")
    assert proxies_for("https://app.qfield.cloud/api/v1/", proxy_settings) == {}


@pytest.mark.skipif(shutil.which("openssl") is None, reason="needs openssl to make a CA")
def test_ca_added_in_qgis_is_trusted_on_top_of_public_roots(auth_manager, tmp_path):
    assert ca_bundle_path(tmp_path) is True  # nothing added: the default store
    key, cert = tmp_path / "ca.key", tmp_path / "ca.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "2",
            "-subj",
            "/CN=Test Company CA",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
    )
    ca = QSslCertificate.fromPath(str(cert))[0]
    assert auth_manager.storeCertAuthority(ca)
    auth_manager.rebuildCaCertsCache()
    try:
        bundle = ca_bundle_path(tmp_path)
        text = open(bundle).read()
        assert bytes(ca.toPem()).decode().strip() in text
        assert text.count("BEGIN CERTIFICATE") > 50  # the public roots are still there
    finally:
        auth_manager.removeCertAuthority(ca)
        auth_manager.rebuildCaCertsCache()
    assert QgsApplication.authManager() is auth_manager
