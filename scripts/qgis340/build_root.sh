#!/usr/bin/env bash
# Create (once) the Debian trixie root filesystem with QGIS 3.40 and the test venv.
#
#   scripts/qgis340/build_root.sh          # quick no-op when everything is in place
#
# Steps, each skipped when its stamp exists:
#   1. debootstrap --variant=minbase into $QGIS340_ROOT.partial   (stamp .qfc-stamp-debootstrap)
#   2. apt-get install $QGIS340_PACKAGES there                     (stamp .qfc-stamp-packages-<hash>)
#   3. rename $QGIS340_ROOT.partial -> $QGIS340_ROOT: the root only exists once it is complete
#   4. venv /opt/qfc-venv + pip install -r tests/requirements.txt  (stamp .qfc-stamp-venv-<hash>;
#      made again from scratch when requirements.txt changes or an earlier attempt stopped)
# A run killed half-way resumes at the step it was in (debootstrap's .debs are kept in
# $QGIS340_ROOT.debs, apt's in the unfinished root). Commands needing /proc or /dev run in a private mount namespace
# (unshare -m), so no mount outlives them, even on SIGKILL. A lock serialises concurrent runs.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
. "$HERE/common.sh"

ROOT=$QGIS340_ROOT
PARTIAL=$ROOT.partial
DEBS=$ROOT.debs
hash_of() { printf '%s' "$*" | sha256sum | cut -c1-12; }
packages_stamp=.qfc-stamp-packages-$(hash_of "$QGIS340_SUITE $QGIS340_PACKAGES")
venv_stamp=.qfc-stamp-venv-$(sha256sum "$REPO/tests/requirements.txt" | cut -c1-12)

# Nothing to do: return at once, without waiting for the suites that run in the root.
[ -f "$ROOT/$packages_stamp" ] && [ -f "$ROOT/$venv_stamp" ] && exit 0

mkdir -p "$(dirname "$ROOT")"
exec 9>"$ROOT.lock"
flock 9   # run_tests.sh holds it shared while a suite runs

# Run a shell command inside a root, with /proc, /dev, /sys and a private /tmp.
in_root() {
  local root=$1; shift
  local envv
  mapfile -t envv < <(chroot_env)
  env -i "${envv[@]}" unshare --mount --propagation private -- /bin/sh -c '
    set -e
    root=$1; shift
    mount -t proc proc "$root/proc"
    mount --rbind /dev "$root/dev"
    mount --rbind /sys "$root/sys"
    mount -t tmpfs tmpfs "$root/tmp"
    exec chroot "$root" /bin/sh -c "$*"' sh "$root" "$@"
}

copy_host_config() {
  # DNS, pip's indexes and the host's extra CA certificates (a TLS-inspecting proxy's, say),
  # so apt and pip inside reach what the host reaches.
  local root=$1
  cp -L /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
  rm -f "$root/root/.config/pip/pip.conf" "$root/root/.pip/pip.conf" "$root/etc/xdg/pip/pip.conf"
  /usr/bin/python3 "$HERE/host_pip_conf.py" > "$root/etc/pip.conf"
  if compgen -G "/usr/local/share/ca-certificates/*.crt" > /dev/null; then
    mkdir -p "$root/usr/local/share/ca-certificates"
    cp /usr/local/share/ca-certificates/*.crt "$root/usr/local/share/ca-certificates/"
    if [ -x "$root/usr/sbin/update-ca-certificates" ]; then
      in_root "$root" "update-ca-certificates >/dev/null 2>&1"
    fi
  fi
}

if ! command -v debootstrap > /dev/null; then
  log "installing debootstrap on the host"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap > /dev/null
fi

if [ ! -d "$ROOT" ]; then
  start=$(date +%s)
  assert_no_mounts "$PARTIAL"
  if [ -d "$PARTIAL" ] && [ ! -f "$PARTIAL/.qfc-stamp-debootstrap" ]; then
    log "removing a half-finished debootstrap in $PARTIAL"
    rm -rf --one-file-system "$PARTIAL"
  fi
  if [ ! -d "$PARTIAL" ]; then
    log "debootstrap $QGIS340_SUITE from $QGIS340_MIRROR into $PARTIAL (several minutes)"
    mkdir -p "$DEBS"
    unshare --mount --propagation private -- \
      debootstrap --variant=minbase --cache-dir="$DEBS" "$QGIS340_SUITE" "$PARTIAL" "$QGIS340_MIRROR" \
      > "$ROOT.debootstrap.log" 2>&1 || { tail -n 30 "$ROOT.debootstrap.log" >&2; die "debootstrap failed (log: $ROOT.debootstrap.log)"; }
    touch "$PARTIAL/.qfc-stamp-debootstrap"
  fi
  if [ ! -f "$PARTIAL/$packages_stamp" ]; then
    log "installing $QGIS340_PACKAGES (about 1 GB)"
    copy_host_config "$PARTIAL"
    printf '#!/bin/sh\nexit 101\n' > "$PARTIAL/usr/sbin/policy-rc.d"; chmod +x "$PARTIAL/usr/sbin/policy-rc.d"
    # Downloaded .debs stay in the root's apt cache if this step is interrupted.
    in_root "$PARTIAL" "apt-get -qq update && apt-get install -y -qq --no-install-recommends $QGIS340_PACKAGES" \
      > "$ROOT.apt.log" 2>&1 || { tail -n 30 "$ROOT.apt.log" >&2; die "apt-get install failed (log: $ROOT.apt.log)"; }
    in_root "$PARTIAL" "apt-get clean"
    touch "$PARTIAL/$packages_stamp"
  fi
  mkdir -p "$PARTIAL$QGIS340_REPO_MOUNT"
  mv -T "$PARTIAL" "$ROOT"
  log "root ready in $ROOT ($(( $(date +%s) - start )) s)"
elif [ ! -f "$ROOT/$packages_stamp" ]; then
  # The package list changed since the root was made: install the difference in place.
  log "updating the packages of $ROOT"
  copy_host_config "$ROOT"
  in_root "$ROOT" "apt-get -qq update && apt-get install -y -qq --no-install-recommends $QGIS340_PACKAGES && apt-get clean" \
    > "$ROOT.apt.log" 2>&1 || { tail -n 30 "$ROOT.apt.log" >&2; die "apt-get install failed (log: $ROOT.apt.log)"; }
  touch "$ROOT/$packages_stamp"
fi

if [ ! -f "$ROOT/$venv_stamp" ]; then
  start=$(date +%s)
  log "creating $QGIS340_VENV in the root and installing tests/requirements.txt"
  copy_host_config "$ROOT"
  rm -f "$ROOT"/.qfc-stamp-venv-*
  rm -rf --one-file-system "$ROOT$QGIS340_VENV"
  cp "$REPO/tests/requirements.txt" "$ROOT/tmp-qfc-requirements.txt"
  in_root "$ROOT" "/usr/bin/python3 -m venv --system-site-packages $QGIS340_VENV \
    && $QGIS340_VENV/bin/python -m pip install -q --disable-pip-version-check -r /tmp-qfc-requirements.txt" \
    || die "pip install in the root failed"
  rm -f "$ROOT/tmp-qfc-requirements.txt"
  touch "$ROOT/$venv_stamp"
  log "venv ready ($(( $(date +%s) - start )) s)"
fi
