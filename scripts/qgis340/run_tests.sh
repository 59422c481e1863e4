#!/usr/bin/env bash
# Run the repo's pytest suite with QGIS 3.40, inside the trixie root made by build_root.sh.
#
#   scripts/qgis340/run_tests.sh [pytest args...]
#
# The clone is bind-mounted at /work/repo inside the root, next to fresh /proc, /dev, /sys and
# an empty /tmp (tmpfs). All of it happens in a private mount namespace (unshare -m): the mounts
# exist only for this run and disappear with it, even if it is killed. The root shares the host's
# network namespace, so the tests' servers on 127.0.0.1 work as on the host. pytest's cache goes
# to the root's /tmp so host and 3.40 runs do not mix their --lf data. Exit code is pytest's.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
. "$HERE/common.sh"

ROOT=$QGIS340_ROOT
compgen -G "$ROOT/.qfc-stamp-venv-*" > /dev/null || die "no QGIS 3.40 root in $ROOT: run scripts/qgis340/build_root.sh (or make test-340)"
exec 9>"$ROOT.lock"
flock -s 9   # no build_root.sh changes the root while the suite runs

mapfile -t envv < <(chroot_env)
envv+=("QT_QPA_PLATFORM=offscreen" "XDG_RUNTIME_DIR=/tmp/runtime-root" "PYTHONDONTWRITEBYTECODE=1" "TERM=${TERM:-dumb}")

rc=0
env -i "${envv[@]}" unshare --mount --propagation private -- /bin/sh -c '
  set -e
  root=$1; repo=$2; mnt=$3; shift 3
  mount -t proc proc "$root/proc"
  mount --rbind /dev "$root/dev"
  mount --rbind /sys "$root/sys"
  mount -t tmpfs tmpfs "$root/tmp"
  mkdir -p "$root$mnt"
  mount --bind "$repo" "$root$mnt"
  exec chroot "$root" /usr/bin/env --chdir="$mnt" \
    python -m pytest -c tests/pytest.ini --rootdir . -o cache_dir=/tmp/pytest-cache "$@"
' sh "$ROOT" "$REPO" "$QGIS340_REPO_MOUNT" "$@" || rc=$?
[ "$rc" -ne 5 ] || log "pytest collected no tests (QGIS 3.40)"
exit "$rc"
