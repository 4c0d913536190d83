#!/bin/bash
# Makes a fresh Debian root with mmdebstrap, as a new user's machine would start: apt and systemd, D-Bus for
# systemctl, and the test's own tools (Xvfb to show the app's window on, procps to look at processes) — no JDK,
# no GTK, no runc: the package's dependencies must come from its own Depends through apt.
# The archive is the host's own (its apt sources, the suite renamed), as vm-assets/build does.
# Usage: make-root.sh DIR [SUITE]
set -euo pipefail
dir=$1
suite=${2:-bookworm}
host_suite=$(. /etc/os-release && echo "${VERSION_CODENAME:-bookworm}")
sources=$(mktemp)
trap 'rm -f "$sources"' EXIT
if [ -f /etc/apt/sources.list.d/debian.sources ]; then
  awk '/^URIs:/ { u=$2 } /^Signed-By:/ { k=$2 } /^Suites:/ { n=0; for (i=2;i<=NF;i++) s[++n]=$i }
       /^$/ { for (i=1;i<=n;i++) print "deb [signed-by=" k "] " u " " s[i] " main"; n=0 }
       END { for (i=1;i<=n;i++) print "deb [signed-by=" k "] " u " " s[i] " main" }' /etc/apt/sources.list.d/debian.sources
else
  grep -E '^deb ' /etc/apt/sources.list
fi | sed "s/ $host_suite\([- ]\)/ $suite\1/" > "$sources"
mmdebstrap --quiet --variant=apt --include=systemd,systemd-sysv,dbus,procps,xvfb,xauth,ca-certificates \
  --hook-dir=/usr/share/mmdebstrap/hooks/merged-usr \
  --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/doc/*' \
  "$suite" "$dir" "$sources"
