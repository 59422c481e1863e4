#!/usr/bin/env bash
# Run a command inside the trixie root made by build_root.sh (QGIS 3.40), in the clone.
#
#   scripts/qgis340/run_in_root.sh COMMAND [ARGS...]     # e.g. python -c 'import qgis.core'
#
# The clone is bind-mounted at /work/repo inside the root (the working directory), next to fresh
# /proc, /dev, /sys and an empty /tmp (tmpfs). All of it happens in a private mount namespace
# (unshare -m): the mounts exist only for this command and disappear with it, even if it is
# killed, and never show on the host. The root shares the host's network namespace, so servers
# on 127.0.0.1 work as on the host. `python` is the root's test venv (/opt/qfc-venv).
# Exit code is the command's.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
. "$HERE/common.sh"

[ $# -gt 0 ] || die "usage: $0 COMMAND [ARGS...]"
ROOT=$QGIS340_ROOT
compgen -G "$ROOT/.qfc-stamp-venv-*" > /dev/null || die "no QGIS 3.40 root in $ROOT: run scripts/qgis340/build_root.sh (or make test-340)"
exec 9>"$ROOT.lock"
flock -s 9   # no build_root.sh changes the root meanwhile

mapfile -t envv < <(chroot_env)
envv+=("QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}" "XDG_RUNTIME_DIR=/tmp/runtime-root"
       "PYTHONDONTWRITEBYTECODE=1" "TERM=${TERM:-dumb}")

exec env -i "${envv[@]}" unshare --mount --propagation private -- /bin/sh -c '
  set -e
  root=$1; repo=$2; mnt=$3; shift 3
  mount -t proc proc "$root/proc"
  mount --rbind /dev "$root/dev"
  mount --rbind /sys "$root/sys"
  mount -t tmpfs tmpfs "$root/tmp"
  mkdir -p "$root$mnt"
  mount --bind "$repo" "$root$mnt"
  exec chroot "$root" /usr/bin/env --chdir="$mnt" "$@"
' sh "$ROOT" "$REPO" "$QGIS340_REPO_MOUNT" "$@"
