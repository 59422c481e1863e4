"""Print a pip.conf for the trixie root that reaches the same indexes as the host's pip.

Reads the host's pip config files (the ones pip reads, later ones win, as pip does) and
keeps only what also works inside the root: http(s) indexes, trusted hosts, proxy, timeouts.
Local folders (file:// indexes, find-links paths) are left out: they are not in the root.
A `cert` setting is pointed at the root's system bundle, which build_root.sh extends with the
host's extra CA certificates.
"""

import configparser
import os
import sys

KEEP = {
    "index-url",
    "extra-index-url",
    "trusted-host",
    "proxy",
    "timeout",
    "default-timeout",
    "retries",
    "find-links",
    "cert",
    "disable-pip-version-check",
}
ROOT_BUNDLE = "/etc/ssl/certs/ca-certificates.crt"


def config_files():
    home = os.path.expanduser("~")
    files = [
        "/etc/xdg/pip/pip.conf",
        "/etc/pip.conf",
        os.path.join(home, ".pip", "pip.conf"),
        os.path.join(home, ".config", "pip", "pip.conf"),
    ]
    if os.environ.get("PIP_CONFIG_FILE"):
        files.append(os.environ["PIP_CONFIG_FILE"])
    return [f for f in files if os.path.isfile(f)]


def remote_only(value):
    words = [w for w in value.split() if w.startswith(("http://", "https://"))]
    return " ".join(words)


def main():
    merged = {}
    for path in config_files():
        parser = configparser.RawConfigParser()
        parser.read(path)
        for section in ("global", "install"):
            if parser.has_section(section):
                for key, value in parser.items(section):
                    if key in KEEP:
                        merged[key] = value.strip()
    out = {}
    for key, value in merged.items():
        if key in ("index-url", "extra-index-url", "find-links"):
            value = remote_only(value)
        elif key == "cert":
            value = ROOT_BUNDLE
        if value:
            out[key] = value
    sys.stdout.write("[global]\n" + "".join("{} = {}\n".format(k, v) for k, v in sorted(out.items())))


if __name__ == "__main__":
    main()
