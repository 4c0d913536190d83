#!/bin/bash
# Boots the systemd of a Debian root made by the test (not the host's) as PID 1 of new PID, mount, UTS and IPC
# namespaces, the way a machine with that root would boot: the root's own /etc, /usr and /var, a fresh /run and
# /tmp, the host's /dev, /sys and cgroups. The network is the host's (apt reaches the archive through it). Only the
# journal and D-Bus start besides what the test starts; every unit that would change kernel-wide state (sysctl,
# udev, modules, binfmt, the clock) or take the console is masked in the root.
# Usage: boot-root.sh ROOT NAME   (runs until systemd exits; NAME names its cgroups)
set -euo pipefail
root=$1
name=$2
source "$(dirname "$0")/quiet-boot.sh"
units="$root/etc/systemd/system"
# berthd.service is what the test is about: the package enables it into multi-user.target.wants.
quiet_boot "$units" berth-test "berthd.service" "$root/etc/systemd/system" "$root/lib/systemd/system" \
  "$root/usr/lib/systemd/system"
mask_units "$units" systemd-udevd.service systemd-udev-trigger.service systemd-udev-settle.service apt-daily.timer \
  apt-daily-upgrade.timer
own_cgroups "$name"
exec unshare --pid --fork --mount --uts --ipc --propagation private bash -c '
set -e
root=$1
mount --bind "$root" "$root"
mount -t proc proc "$root/proc"
mount --rbind /sys "$root/sys"
mount --rbind /dev "$root/dev"
mount -t tmpfs tmpfs "$root/run"
mount -t tmpfs tmpfs "$root/tmp"
cp /etc/resolv.conf "$root/etc/resolv.conf"
hostname berth-install-test
exec chroot "$root" env container=berth-install-test /lib/systemd/systemd --system --unit=berth-test.target
' boot "$root"
