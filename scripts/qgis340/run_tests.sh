#!/usr/bin/env bash
# Run the repo's pytest suite with QGIS 3.40, inside the trixie root made by build_root.sh.
#
#   scripts/qgis340/run_tests.sh [pytest args...]
#
# Same command as the host's `make test-322`, through run_in_root.sh (bind-mounted clone,
# private mounts, offscreen Qt, loopback shared with the host). pytest's cache goes to the
# root's /tmp so host and 3.40 runs do not mix their --lf data. Exit code is pytest's.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)

rc=0
"$HERE/run_in_root.sh" python -m pytest -c tests/pytest.ini --rootdir . -o cache_dir=/tmp/pytest-cache "$@" || rc=$?
[ "$rc" -ne 5 ] || echo "pytest collected no tests (QGIS 3.40)"
exit "$rc"
