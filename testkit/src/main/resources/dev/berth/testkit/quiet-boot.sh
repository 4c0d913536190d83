# Shared by the scripts that boot a real systemd as PID 1 of private namespaces for a test (the app's service
# sandbox, the installer's booted Debian root); sourced, not run. What they share: a target that starts only the
# journal and D-Bus, every unit the usual targets would pull in masked, the units that change kernel-wide state or
# take the console masked, and the sandbox's processes kept in cgroups of its own.

# Units that change state outside the sandbox (kernel settings, modules, binfmt, mounts of the host's kernel file
# systems, the clock) or take the console: masked in every sandbox.
QUIET_BOOT_MASKED="systemd-sysctl.service systemd-modules-load.service systemd-binfmt.service
  proc-sys-fs-binfmt_misc.automount proc-sys-fs-binfmt_misc.mount systemd-remount-fs.service systemd-timesyncd.service
  systemd-logind.service sys-kernel-debug.mount sys-kernel-tracing.mount sys-kernel-config.mount
  sys-fs-fuse-connections.mount dev-hugepages.mount dev-mqueue.mount kmod-static-nodes.service getty.target
  console-getty.service systemd-firstboot.service systemd-hwdb-update.service systemd-pstore.service apparmor.service
  systemd-tmpfiles-clean.timer"

# quiet_boot UNITS_DIR TARGET "KEPT UNITS" SEARCH_DIR... : writes TARGET.target into UNITS_DIR and masks there every
# unit the usual targets of the SEARCH_DIRs want or require, except the kept ones, the journal and D-Bus.
quiet_boot() {
  local units=$1 target=$2 keep=" $3 dbus.socket dbus.service systemd-journald.socket systemd-journald-dev-log.socket systemd-journald.service "
  shift 3
  mkdir -p "$units"
  printf '[Unit]\nDescription=%s\nWants=dbus.socket systemd-journald.socket\n' "$target" > "$units/$target.target"
  local dir t kind unit u
  for dir in "$@"; do
    for t in sysinit basic sockets local-fs timers paths multi-user graphical getty remote-fs; do
      for kind in wants requires; do
        [ -d "$dir/$t.target.$kind" ] || continue
        for unit in "$dir/$t.target.$kind"/*; do
          [ -e "$unit" ] || [ -L "$unit" ] || continue
          u=$(basename "$unit")
          case "$keep" in *" $u "*) continue ;; esac
          ln -sf /dev/null "$units/$u"
        done
      done
    done
  done
  mask_units "$units" $QUIET_BOOT_MASKED
}

# mask_units UNITS_DIR UNIT... : masks these units too.
mask_units() {
  local units=$1 u
  shift
  for u in "$@"; do
    ln -sf /dev/null "$units/$u"
  done
}

# own_cgroups NAME : moves this shell (and so the sandbox it starts) into cgroups NAME, which the test removes after.
own_cgroups() {
  local h
  for h in systemd unified; do
    if [ -d "/sys/fs/cgroup/$h" ]; then
      mkdir -p "/sys/fs/cgroup/$h/$1"
      echo $$ > "/sys/fs/cgroup/$h/$1/cgroup.procs"
    fi
  done
}
