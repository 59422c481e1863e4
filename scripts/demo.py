"""`make demo`: the local QFieldCloud server with its demo account, and a session against it.

    python -m scripts.demo cli    # a scripted CLI session (login, list, package, download)
    python -m scripts.demo qgis   # QGIS with the plugin installed in a throw-away profile

The server keeps its state in `.data/demo/server`, so the demo project survives between runs.
"""

import argparse
import json
import os
import shlex
import subprocess
import sys
from pathlib import Path

from tests.support.local_server import LocalServer

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
        job = json.loads(_cli(server, "job-trigger", project_id, "package", "--force",
                              token=token, json_output=True))
        _cli(server, "job-wait", job["id"], token=token)
        _cli(server, "package-latest", project_id, token=token)
        target = demo_dir / "package"
        _cli(server, "package-download", project_id, str(target), "--force-download", token=token)
        print(f"\nThe package is in {target}: open its .qgs in QGIS.")
        if sys.stdin.isatty():
            print(f"\nThe server keeps running at {server.url}. Try, in another shell:\n"
                  f"  QFIELDCLOUD_URL={server.url} .venv/bin/python -m qfieldcloud_plugin.client "
                  f"login {DEMO_USER} {DEMO_PASSWORD}\nPress Ctrl-C to stop.")
            try:
                server.process.wait()
            except KeyboardInterrupt:
                pass
    finally:
        server.stop()
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=["cli", "qgis"], nargs="?", default="cli")
    parser.add_argument("--data", type=Path, default=DEMO_DIR, help="where the demo keeps its state")
    args = parser.parse_args(argv)
    if args.mode == "cli":
        return run_cli_session(args.data)
    raise SystemExit("the QGIS demo is not available yet")


if __name__ == "__main__":
    sys.exit(main())
