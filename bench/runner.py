"""One measured operation in a child process: `python bench/runner.py ours|sdk OP ARGS_JSON`.

Run as a script (not `-m bench`) so the SDK side imports nothing of this repository: the
parent starts it with `bench/.venv-sdk/bin/python` for `sdk` and with `.venv/bin/python`
plus PYTHONPATH=<repo> for `ours`. QFIELDCLOUD_URL and QFIELDCLOUD_TOKEN come from the
environment. Only the operation itself is timed (not interpreter start-up or imports);
peak RSS is read by the parent from this process's rusage. Requests are counted with a
`requests` response hook installed here, never in production code.

Prints one JSON line: {"seconds", "requests", "file_gets_200", "bytes_in", "result_count", "failed",
"vmhwm_kb"}.
"""

import json
import sys
import time
from urllib.parse import urlsplit


def make_client(side):
    if side == "ours":
        from qfieldcloud_plugin.client import Client, FileTransferType
    elif side == "sdk":
        from qfieldcloud_sdk.sdk import Client, FileTransferType
    else:
        raise SystemExit(f"unknown side {side!r}")
    return Client(), FileTransferType


class Counter:
    """Counts every HTTP response and the file downloads that carried content (200 on files/...)."""

    def __init__(self):
        self.requests = 0
        self.file_gets_200 = 0
        self.bytes_in = 0

    def hook(self, response, *args, **kwargs):
        self.requests += 1
        path = urlsplit(response.url).path
        # A file download is GET files/<pid>/<name>/ (a listing is GET files/<pid>/ only).
        parts = [p for p in path.split("/") if p]
        if response.request.method == "GET" and "files" in parts:
            after = parts[parts.index("files") + 1 :]
            if len(after) >= 2 and response.status_code == 200:
                self.file_gets_200 += 1
                self.bytes_in += int(response.headers.get("Content-Length") or 0)


def vmhwm_kb():
    """This process's peak RSS (KiB) since its exec: the parent's rusage cannot tell it (see measure.py)."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def main(argv):
    side, op, args = argv[0], argv[1], json.loads(argv[2]) if len(argv) > 2 else {}
    client, transfer_type = make_client(side)
    if args.get("concurrency"):  # ours only: a lever measured against the default
        client.concurrency = int(args["concurrency"])
    counter = Counter()
    client.session.hooks.setdefault("response", []).append(counter.hook)
    failed = 0
    start = time.perf_counter()
    if op == "download_project":
        result = client.download_project(args["project_id"], args["dir"])
        failed = sum(1 for f in result if str(f.get("status", "")).upper().endswith("FAILED"))
    elif op == "upload_files":
        result = client.upload_files(args["project_id"], transfer_type.PROJECT, args["dir"], "*", throw_on_error=True)
    elif op == "list_files":
        result = client.list_remote_files(args["project_id"])
    elif op == "list_projects":
        result = client.list_projects()
    else:
        raise SystemExit(f"unknown op {op!r}")
    seconds = time.perf_counter() - start
    print(
        json.dumps(
            {
                "seconds": seconds,
                "requests": counter.requests,
                "file_gets_200": counter.file_gets_200,
                "bytes_in": counter.bytes_in,
                "result_count": len(result),
                "failed": failed,
                "vmhwm_kb": vmhwm_kb(),
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
