#!/bin/bash
# Screenshots of the Processing toolbox and the Browser panel with the QFieldCloud provider expanded:
# the local server with the sample projects (prep.py), the field-survey package downloaded, then real
# QGIS under Xvfb.   Usage: docs/screenshots/tools/run_processing_browser.sh
set -euo pipefail
TOOLS=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$TOOLS/../../.." && pwd)
WORK=$(mktemp -d /tmp/qfc-grab-XXXX)
cd "$REPO"
.venv/bin/python -m tests.server --port 0 --data "$WORK/data" --job-delay 0.3 \
  --user alice:alice-secret-1 --user bob:bob-secret-1 --org acme:alice > "$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER' EXIT
for _ in $(seq 50); do grep -q "api/v1/" "$WORK/server.log" && break; sleep 0.2; done
URL=$(grep -o "http://127.0.0.1:[0-9]*/" "$WORK/server.log" | head -1)
.venv/bin/python "$TOOLS/prep.py" "$URL"
.venv/bin/python - "$URL" "$WORK/home/QFieldCloud/alice/field-survey" <<'PY'
import sys
from qfieldcloud_plugin.client import Client
c = Client(url=sys.argv[1] + "api/v1/"); c.login("alice", "alice-secret-1")
p = next(p for p in c.list_projects() if p["name"] == "field-survey")
c.package_download(p["id"], sys.argv[2], throw_on_error=True)
PY
mkdir -p "$WORK/profile" "$WORK/plugins" "$WORK/out"
ln -s "$REPO/qfieldcloud_plugin" "$WORK/plugins/qfieldcloud_plugin"
export QFC_URL=$URL GRAB_OUT=$WORK/out GRAB_HOME=$WORK/home QGIS_PLUGINPATH=$WORK/plugins
timeout 90 xvfb-run -a -s "-screen 0 1400x900x24" qgis --nologo --noversioncheck \
  --profiles-path "$WORK/profile" --code "$TOOLS/grab_processing_browser.py" > "$WORK/qgis.log" 2>&1 || true
cp "$WORK"/out/*.png "$TOOLS/.."
echo "screenshots copied from $WORK/out"
