#!/bin/bash
# Re-take the screenshots in docs/screenshots: a local server with sample projects, then real
# QGIS under Xvfb with a throw-away profile running grab.py (or the given script, e.g. grab_sync.py).
# Usage: docs/screenshots/tools/run.sh [grab_sync.py]
set -euo pipefail
TOOLS=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$TOOLS/../../.." && pwd)
GRAB=$TOOLS/${1:-grab.py}
WORK=$(mktemp -d /tmp/qfc-grab-XXXX)
cd "$REPO"
.venv/bin/python -m tests.server --port 0 --data "$WORK/data" --job-delay 0.3 \
  --user alice:alice-secret-1 --user bob:bob-secret-1 --org acme:alice > "$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER' EXIT
for _ in $(seq 50); do grep -q "api/v1/" "$WORK/server.log" && break; sleep 0.2; done
URL=$(grep -o "http://127.0.0.1:[0-9]*/" "$WORK/server.log" | head -1)
.venv/bin/python "$TOOLS/prep.py" "$URL"
mkdir -p "$WORK/profile" "$WORK/plugins" "$WORK/out"
ln -s "$REPO/qfieldcloud_plugin" "$WORK/plugins/qfieldcloud_plugin"
export QFC_URL=$URL GRAB_OUT=$WORK/out GRAB_HOME=$WORK/home REPO QGIS_PLUGINPATH=$WORK/plugins
timeout 150 xvfb-run -a -s "-screen 0 1400x900x24" qgis --nologo --noversioncheck \
  --profiles-path "$WORK/profile" --code "$GRAB" > "$WORK/qgis.log" 2>&1 || true
rm -f "$WORK/out/dock_files_linked.png" "$WORK/out/sync_plan_window.png"
cp "$WORK"/out/*.png "$TOOLS/.."
echo "screenshots copied from $WORK/out"
