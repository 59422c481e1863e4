"""QGIS's network settings (proxy, trusted CAs, SSL server exceptions) turned into `requests` options."""

from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Union
from urllib.parse import quote

from qgis.core import QgsApplication, QgsSettings

# QgsNetworkAccessManager reads these keys; "DefaultProxy" means "the system proxy",
# which `requests` already takes from the environment.
_SCHEMES = {"HttpProxy": "http", "HttpCachingProxy": "http", "Socks5Proxy": "socks5h"}


@dataclass(frozen=True)
class NetworkOptions:
    """What the client's `requests` session needs: proxies and the `verify` value."""

    proxies: Dict[str, str] = field(default_factory=dict, repr=False)
    verify: Union[bool, str] = True


def proxies_for(url: str, settings: QgsSettings = None) -> Dict[str, str]:
    """The `proxies` dict for requests to `url`, following QGIS's proxy settings."""
    settings = settings or QgsSettings()
    if not settings.value("proxy/proxyEnabled", False, type=bool):
        return {}
    excluded = _string_list(settings.value("proxy/proxyExcludedUrls", []))
    excluded += _string_list(settings.value("proxy/noProxyUrls", []))
    if any(prefix and url.startswith(prefix) for prefix in excluded):
        return {}
    scheme = _SCHEMES.get(settings.value("proxy/proxyType", "", type=str))
    host = settings.value("proxy/proxyHost", "", type=str)
    if not scheme or not host:
        return {}
    port = settings.value("proxy/proxyPort", "", type=str)
    user = settings.value("proxy/proxyUser", "", type=str)
    password = settings.value("proxy/proxyPassword", "", type=str)
    credentials = ""
    if user:
        credentials = quote(user, safe="") + (":" + quote(password, safe="") if password else "") + "@"
    proxy = "{scheme}://{credentials}{host}{port}".format(
        scheme=scheme, credentials=credentials, host=host, port=(":" + port) if port and port != "0" else ""
    )
    return {"http": proxy, "https": proxy}


def _string_list(value) -> List[str]:
    if isinstance(value, str):
        return [v for v in value.split("|") if v]
    return [str(v) for v in value or [] if v]


_written_bundles: Dict[str, tuple] = {}


def _extra_certificates() -> List:
    """CAs the user added to QGIS, plus the certificates of their SSL server exceptions."""
    manager = QgsApplication.authManager()
    certificates = list(manager.extraFileCAs()) + list(manager.databaseCAs())
    for server_config in manager.sslCertCustomConfigs():
        if not server_config.isNull():
            certificates.append(server_config.sslCertificate())
    return [c for c in certificates if not c.isNull()]


def ca_bundle_path(directory: Optional[Path] = None) -> Union[bool, str]:
    """`True` (the default CA store), or the path of a PEM bundle that adds QGIS's own CAs.

    The bundle starts from the default store `requests` uses, so that adding one company CA
    in QGIS never drops the public roots.
    """
    extra = _extra_certificates()
    if not extra:
        return True
    import requests.certs  # QGIS ships requests; imported late to keep this module light

    directory = directory or Path(QgsApplication.qgisSettingsDirPath()) / "qfieldcloud"
    bundle = directory / "ca-bundle.pem"
    key = (str(bundle), tuple(bytes(c.digest()).hex() for c in extra))
    if _written_bundles.get(key[0]) == key[1] and bundle.is_file():
        return str(bundle)
    directory.mkdir(parents=True, exist_ok=True)
    # types-requests has no stub for certs.where, which every requests release has
    ca_file = requests.certs.where()  # type: ignore[attr-defined]
    pem = Path(ca_file).read_bytes().rstrip(b"\n") + b"\n"
    for certificate in extra:
        pem += bytes(certificate.toPem())
    tmp = bundle.with_suffix(".tmp")
    tmp.write_bytes(pem)
    tmp.replace(bundle)
    _written_bundles[key[0]] = key[1]
    return str(bundle)


def network_options(url: str) -> NetworkOptions:
    """Proxy and TLS options for talking to `url` the way QGIS itself would."""
    return NetworkOptions(proxies=proxies_for(url), verify=ca_bundle_path())
