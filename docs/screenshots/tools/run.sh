#!/bin/bash
set -e
cd /work/main
LOG=/tmp/grab/server.log
rm -rf /tmp/grab/data
.venv/bin/python -m tests.server --port 0 --data /tmp/grab/data --job-delay 0.3 --user alice:alice-secret-1 --user bob:bob-secret-1 --org acme:alice > $LOG 2>&1 &
echo $! > /tmp/grab/server.pid
for i in $(seq 50); do grep -q "api/v1/" $LOG && break; sleep 0.2; done
URL=$(grep -o "http://127.0.0.1:[0-9]*/" $LOG | head -1)
echo "server $URL"
.venv/bin/python /tmp/grab/prep.py $URL
rm -rf /tmp/grab/profile /tmp/grab/plugins /tmp/grab/home; mkdir -p /tmp/grab/profile /tmp/grab/plugins /tmp/grab/out /tmp/grab/home
ln -s /work/main/qfieldcloud_plugin /tmp/grab/plugins/qfieldcloud_plugin
export QFC_URL=$URL GRAB_OUT=/tmp/grab/out REPO=/work/main QGIS_PLUGINPATH=/tmp/grab/plugins GRAB_USER=alice GRAB_PASSWORD=alice-secret-1 GRAB_PROJECT=
timeout 150 xvfb-run -a -s "-screen 0 1400x900x24" qgis --nologo --noversioncheck --profiles-path /tmp/grab/profile --code /tmp/grab/grab.py > /tmp/grab/qgis.log 2>&1 || echo "qgis exit $?"
kill $(cat /tmp/grab/server.pid)
