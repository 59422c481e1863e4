"""`make demo`: the local QFieldCloud server with its demo account, and a session against it.

    python -m scripts.demo qgis   # QGIS with the plugin installed in a throw-away profile
    python -m scripts.demo cli    # a scripted CLI session (login, list, package, download)
    python -m scripts.demo qgis --screenshot demo.png   # headless: log in, list, save a PNG, quit

The server keeps its state in `.data/demo/server`, so the demo project survives between runs.
"""

import argparse
import configparser
import json
import os
import shlex
import shutil
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

from scripts.plugin_zip import PLUGIN_DIR_NAME, build, validate
from tests.support.local_server import LocalServer
from tests.support.real_qgis import QGIS_BINARY

REPO_ROOT = Path(__file__).resolve().parents[1]
DEMO_DIR = REPO_ROOT / ".data" / "demo"
DEMO_USER, DEMO_PASSWORD = "demo", "qfieldcloud-demo"


def _start_server(demo_dir: Path) -> LocalServer:
    server = LocalServer(users={}, orgs={}, data_dir=demo_dir / "server")
    server.start()
    print(f"Local QFieldCloud server: {server.url}  (account {DEMO_USER} / {DEMO_PASSWORD})", flush=True)
    return server


def _cli(server: LocalServer, *args: str, token: str = "", json_output: bool = False) -> str:
    """Run one CLI command like a user would, echo it, and return its stdout."""
    command = [sys.executable, "-m", "qfieldcloud_plugin.client", "--url", server.url]
    command.append("--json" if json_output else "--human")
    shown = "qfieldcloud-cli " + " ".join(shlex.quote(a) for a in command[3:] + list(args))
    print(f"\n$ {shown}", flush=True)
    env = {**os.environ, "QFIELDCLOUD_TOKEN": token}
    done = subprocess.run(command + list(args), env=env, capture_output=True, text=True)
    if done.stderr.strip():
        print(done.stderr.rstrip(), file=sys.stderr, flush=True)
    if not json_output:
        print(done.stdout.rstrip(), flush=True)
    if done.returncode != 0:
        raise SystemExit(f"demo step failed with exit code {done.returncode}: {shown}")
    return done.stdout


def run_cli_session(demo_dir: Path) -> int:
    server = _start_server(demo_dir)
    try:
        login = json.loads(_cli(server, "login", DEMO_USER, DEMO_PASSWORD, json_output=True))
        token = login["token"]
        print(f"(logged in as {login['username']}; token kept in the environment, not shown)")
        projects = json.loads(_cli(server, "list-projects", token=token, json_output=True))
        for project in projects:
            print(f"{project['id']}  {project['owner']}/{project['name']}  {project['status']}")
        project_id = projects[0]["id"]
        _cli(server, "list-files", project_id, token=token)
        job = json.loads(_cli(server, "job-trigger", project_id, "package", "--force", token=token, json_output=True))
        _cli(server, "job-wait", job["id"], token=token)
        _cli(server, "package-latest", project_id, token=token)
        target = demo_dir / "package"
        _cli(server, "package-download", project_id, str(target), "--force-download", token=token)
        print(f"\nThe package is in {target}: open its .qgs in QGIS.")
        if sys.stdin.isatty():
            print(
                f"\nThe server keeps running at {server.url}. Try, in another shell:\n"
                f"  QFIELDCLOUD_URL={server.url} .venv/bin/python -m qfieldcloud_plugin.client "
                f"login {DEMO_USER} {DEMO_PASSWORD}\nPress Ctrl-C to stop."
            )
            try:
                server.process.wait()
            except KeyboardInterrupt:
                pass
    finally:
        server.stop()
    return 0


def _install_plugin(demo_dir: Path, server: LocalServer) -> Path:
    """Install the built zip into a throw-away QGIS profile, enabled and pointed at the server."""
    profiles = demo_dir / "profiles"
    # QGIS keeps profiles in <profiles-path>/profiles/<name>.
    profile = profiles / "profiles" / "default"
    plugins = profile / "python" / "plugins"
    plugin_zip = build(demo_dir / f"{PLUGIN_DIR_NAME}.zip")
    validate(plugin_zip)
    shutil.rmtree(plugins / PLUGIN_DIR_NAME, ignore_errors=True)
    plugins.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(plugin_zip) as archive:
        archive.extractall(plugins)
    ini = profile / "QGIS" / "QGIS3.ini"
    ini.parent.mkdir(parents=True, exist_ok=True)
    settings = configparser.ConfigParser(interpolation=None)
    settings.optionxform = str
    settings.read(ini)
    for section, key, value in (
        ("PythonPlugins", PLUGIN_DIR_NAME, "true"),
        ("qfieldcloud", "server_url", server.root_url),
        ("qfieldcloud", "username", DEMO_USER),
        ("qgis", "checkVersion", "false"),
    ):
        if not settings.has_section(section):
            settings.add_section(section)
        settings.set(section, key, value)
    with open(ini, "w", encoding="utf-8") as out:
        settings.write(out, space_around_delimiters=False)
    return profiles


def _screenshot_script(png: Path, server: LocalServer) -> str:
    """QGIS start-up code for --screenshot: log in as the demo user, wait for the list, grab, quit.

    Any error is written to the report and QGIS quits, so a headless run never hangs on a dialog.
    """
    return textwrap.dedent(f"""
        import json, traceback
        import qgis.utils
        from qgis.PyQt.QtCore import QTimer
        from qgis.utils import iface

        REPORT = {str(png) + ".json"!r}

        def guarded(step):
            def run():
                try:
                    step()
                except Exception:
                    with open(REPORT, "w") as out:
                        json.dump({{"error": traceback.format_exc()}}, out)
                    iface.actionExit().trigger()
            return run

        def plugin():
            return qgis.utils.plugins["{PLUGIN_DIR_NAME}"]

        def login():
            plugin().session.login({server.root_url!r}, {DEMO_USER!r}, {DEMO_PASSWORD!r}, False)
            QTimer.singleShot(4000, guarded(select))

        def select():
            dock = plugin().dock
            dock.show()
            if dock.projects_model.rowCount() > 0:
                dock.projects_view.setCurrentIndex(dock.projects_model.index(0, 0))
            QTimer.singleShot(1500, guarded(save))

        def save():
            iface.mainWindow().grab().save({str(png)!r})
            report = {{"projects": plugin().dock.projects_model.rowCount(),
                       "logged_in": plugin().session.is_logged_in}}
            with open(REPORT, "w") as out:
                json.dump(report, out)
            iface.actionExit().trigger()

        QTimer.singleShot(2000, guarded(login))
    """)


def run_qgis(demo_dir: Path, screenshot: Path = None) -> int:
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        print(
            "make demo opens QGIS, but this machine has no display (DISPLAY is not set).\n"
            "Run it on a desktop, or headless under Xvfb with a screenshot of the result:\n"
            '  xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python -m scripts.demo qgis '
            "--screenshot demo.png\n"
            "or try the CLI session instead: make demo-cli",
            file=sys.stderr,
        )
        return 2
    server = _start_server(demo_dir)
    try:
        profiles = _install_plugin(demo_dir, server)
        command = [QGIS_BINARY, "--profiles-path", str(profiles), "--profile", "default", "--noversioncheck"]
        if screenshot is not None:
            script = demo_dir / "screenshot.py"
            script.write_text(_screenshot_script(screenshot.resolve(), server), encoding="utf-8")
            command += ["--nologo", "--code", str(script)]
        else:
            print(
                f"Opening QGIS with the plugin. Log in from the QFieldCloud dock with "
                f"{DEMO_USER} / {DEMO_PASSWORD} (server {server.root_url}).",
                flush=True,
            )
        env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
        # A headless run must end even if QGIS waits on a dialog nobody can see.
        timeout = 120 if screenshot is not None else None
        return subprocess.run(command, env=env, timeout=timeout).returncode
    finally:
        server.stop()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=["qgis", "cli"], nargs="?", default="qgis")
    parser.add_argument("--data", type=Path, default=DEMO_DIR, help="where the demo keeps its state")
    parser.add_argument("--screenshot", type=Path, help="QGIS mode: log in, save a PNG of QGIS, quit")
    args = parser.parse_args(argv)
    if args.mode == "cli":
        return run_cli_session(args.data)
    return run_qgis(args.data, args.screenshot)


if __name__ == "__main__":
    sys.exit(main())
