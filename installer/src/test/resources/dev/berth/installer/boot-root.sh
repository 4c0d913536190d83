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
units="$root/etc/systemd/system"
mkdir -p "$units"
cat > "$units/berth-test.target" <<'UNIT'
[Unit]
Description=Berth installer test
Wants=dbus.socket systemd-journald.socket
UNIT
keep=" dbus.socket dbus.service systemd-journald.socket systemd-journald-dev-log.socket systemd-journald.service "
for dir in "$root/etc/systemd/system" "$root/lib/systemd/system" "$root/usr/lib/systemd/system"; do
  for target in sysinit basic sockets local-fs timers paths multi-user graphical getty remote-fs; do
    for kind in wants requires; do
      [ -d "$dir/$target.target.$kind" ] || continue
      for unit in "$dir/$target.target.$kind"/*; do
        [ -e "$unit" ] || [ -L "$unit" ] || continue
        u=$(basename "$unit")
        case "$keep" in *" $u "*) continue ;; esac
        # berthd.service is what the test is about: the package enables it into multi-user.target.wants.
        [ "$u" = berthd.service ] && continue
        ln -sf /dev/null "$units/$u"
      done
    done
  done
done
for u in systemd-udevd.service systemd-udev-trigger.service systemd-udev-settle.service systemd-sysctl.service \
         systemd-modules-load.service systemd-binfmt.service proc-sys-fs-binfmt_misc.automount \
         proc-sys-fs-binfmt_misc.mount systemd-remount-fs.service systemd-timesyncd.service systemd-logind.service \
         sys-kernel-debug.mount sys-kernel-tracing.mount sys-kernel-config.mount sys-fs-fuse-connections.mount \
         dev-hugepages.mount dev-mqueue.mount kmod-static-nodes.service getty.target console-getty.service \
         systemd-firstboot.service systemd-hwdb-update.service systemd-pstore.service apparmor.service \
         systemd-tmpfiles-clean.timer apt-daily.timer apt-daily-upgrade.timer; do
  ln -sf /dev/null "$units/$u"
done
for h in systemd unified; do
  if [ -d "/sys/fs/cgroup/$h" ]; then
    mkdir -p "/sys/fs/cgroup/$h/$name"
    echo $$ > "/sys/fs/cgroup/$h/$name/cgroup.procs"
  fi
done
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
