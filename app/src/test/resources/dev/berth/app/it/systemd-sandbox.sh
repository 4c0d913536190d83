#!/bin/bash
# Boots a real systemd (this host's) as PID 1 of new PID, mount, UTS and IPC namespaces, to test berthd.service
# and its polkit rule without touching the host: the root file system is read-only in there (only /tmp and DIR
# stay writable), /etc and /var are overlays whose changes land in DIR, /run and /var/tmp are private tmpfs,
# /var/lib/berth is DIR/berth, and every unit the boot would pull in besides the journal and D-Bus is masked
# (tmpfiles would clean the shared /tmp; sysctl, modules, binfmt, apparmor would change kernel-wide state).
# Usage: systemd-sandbox.sh DIR     (runs until systemd exits; DIR/unshare.pid names systemd's parent)
set -euo pipefail
dir=$1
name=$(basename "$dir")
mkdir -p "$dir/etc-upper/systemd/system" "$dir/etc-work" "$dir/var-upper/lib/berth" "$dir/var-work" "$dir/berth"
source "$(dirname "$0")/quiet-boot.sh"
units="$dir/etc-upper/systemd/system"
quiet_boot "$units" berth-sandbox "polkit.service" /etc/systemd/system /lib/systemd/system /usr/lib/systemd/system
mask_units "$units" systemd-tmpfiles-setup.service systemd-tmpfiles-setup-dev.service systemd-journal-flush.service \
  systemd-random-seed.service systemd-update-utmp.service systemd-update-utmp-runlevel.service systemd-sysusers.service \
  ldconfig.service systemd-machine-id-commit.service systemd-user-sessions.service
# Processes of the sandbox stay in cgroups of its own, which the test removes afterwards.
own_cgroups "$name"
# unshare keeps this PID; systemd becomes its only child (PID 1 inside, so it cannot tell its host PID itself).
echo $$ > "$dir/unshare.pid"
exec unshare --pid --fork --mount --uts --ipc --propagation private bash -c '
set -e
dir=$1
mount -t proc proc /proc
mount --bind /tmp /tmp
mount --bind "$dir" "$dir"
mount -o remount,bind,ro /
mount -t tmpfs tmpfs /run
mount -t overlay overlay -o "lowerdir=/etc,upperdir=$dir/etc-upper,workdir=$dir/etc-work" /etc
mount -t overlay overlay -o "lowerdir=/var,upperdir=$dir/var-upper,workdir=$dir/var-work" /var
mount -t tmpfs tmpfs /var/tmp
mount --bind "$dir/berth" /var/lib/berth
exec env container=berth-sandbox /lib/systemd/systemd --system --unit=berth-sandbox.target
' sandbox "$dir"
