# Shared settings of scripts/qgis340/*.sh (sourced, not run).
#
# QGIS340_ROOT    the trixie root filesystem (default /var/cache/qfieldcloud_plugin/trixie-qgis).
#                 It lives outside the clone so CI's fresh clones on the same machine reuse it.
# QGIS340_MIRROR  Debian mirror for debootstrap/apt (default: the host's, from /etc/apt).
# QGIS340_SUITE   Debian suite (default trixie: QGIS 3.40 LTR).

QGIS340_ROOT="${QGIS340_ROOT:-/var/cache/qfieldcloud_plugin/trixie-qgis}"
QGIS340_SUITE="${QGIS340_SUITE:-trixie}"
QGIS340_VENV=/opt/qfc-venv            # inside the root
QGIS340_REPO_MOUNT=/work/repo         # where the clone appears inside the root
QGIS340_PACKAGES="python3-qgis qgis-providers qgis python3-venv python3-pip ca-certificates xvfb xauth qttools5-dev-tools pyqt5-dev-tools"

log() { printf '[qgis340] %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

[ "$(id -u)" = 0 ] || die "needs root (debootstrap, chroot and mounts)"

host_mirror() {
  # First plain Debian archive URI of the host's apt sources (deb822 or one-line format).
  local uri
  uri=$(sed -n 's/^URIs:[[:space:]]*\(http[^[:space:]]*\/debian\)\/\?[[:space:]]*$/\1/p' \
          /etc/apt/sources.list.d/*.sources 2>/dev/null | head -n1)
  [ -n "$uri" ] || uri=$(sed -n 's/^deb[[:space:]]\+\(\[[^]]*\][[:space:]]\+\)\?\(http[^[:space:]]*\/debian\)\/\?[[:space:]].*/\2/p' \
          /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null | head -n1)
  echo "${uri:-http://deb.debian.org/debian}"
}
QGIS340_MIRROR="${QGIS340_MIRROR:-$(host_mirror)}"

# Environment given to commands inside the root: a clean one, plus the host's pip/proxy settings.
chroot_env() {
  local v
  echo "PATH=$QGIS340_VENV/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
  echo "HOME=/root"
  echo "LANG=C.UTF-8"
  echo "LC_ALL=C.UTF-8"
  echo "DEBIAN_FRONTEND=noninteractive"
  for v in $(compgen -e); do
    case "$v" in
      PIP_FIND_LINKS|PIP_CONFIG_FILE) ;;  # host files, not there inside the root
      PIP_INDEX_URL|PIP_EXTRA_INDEX_URL)       # only the remote ones
        local remote
        remote=$(printf '%s\n' ${!v} | grep -E '^https?://' | tr '\n' ' ')
        [ -z "$remote" ] || echo "$v=${remote% }" ;;
      PIP_*|http_proxy|https_proxy|no_proxy|HTTP_PROXY|HTTPS_PROXY|NO_PROXY|CI) echo "$v=${!v}" ;;
    esac
  done
}

# Refuse to touch a folder that still has something mounted inside it.
assert_no_mounts() {
  local dir
  dir=$(realpath -m "$1")
  if awk -v d="$dir" '$5 == d || index($5, d "/") == 1 { found = 1 } END { exit !found }' /proc/self/mountinfo; then
    die "$dir has mounts inside it (an earlier run was killed?): umount -R them first"
  fi
}
