/*
 * Calls ~90 system calls with harmless arguments (null pointers, bad descriptors, invalid flags) and prints one line
 * per call: its name and the verdict, EPERM, ENOSYS or allowed (anything else: a result, or the kernel's own error
 * about the bad arguments). Run in containers on two engines, the verdicts show whether their seccomp filters agree.
 * Arguments are chosen so that a call the filter lets through changes nothing outside this process.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/personality.h>
#include <sys/syscall.h>
#include <sys/timex.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void verdict(const char *name, long r) {
    const char *v = "allowed";
    if (r < 0 && errno == EPERM) {
        v = "EPERM";
    } else if (r < 0 && errno == ENOSYS) {
        v = "ENOSYS";
    }
    printf("%s %s\n", name, v);
}

/* A call that may return a new descriptor, closed again. */
static void fd_verdict(const char *name, long r) {
    int saved = errno;
    if (r >= 0) {
        close((int) r);
    }
    errno = saved;
    verdict(name, r);
}

/* clone() with the given flags; a child, if made, exits at once. */
static void clone_verdict(const char *name, long flags) {
    long r = syscall(SYS_clone, flags | SIGCHLD, 0, 0, 0, 0);
    if (r == 0) {
        _exit(0);
    }
    int saved = errno;
    if (r > 0) {
        waitpid((pid_t) r, NULL, 0);
    }
    errno = saved;
    verdict(name, r);
}

#define CALL(name, ...) (errno = 0, verdict(name, syscall(__VA_ARGS__)))
#define FD(name, ...) (errno = 0, fd_verdict(name, syscall(__VA_ARGS__)))

int main(void) {
    struct timex tx;
    memset(&tx, 0, sizeof tx);
    unsigned int action = 0x7fff0000U; /* SECCOMP_RET_ALLOW */
    pid_t self = getpid();
    setvbuf(stdout, NULL, _IOLBF, 0);

    CALL("read", SYS_read, -1, NULL, 0);
    CALL("write", SYS_write, -1, NULL, 0);
    CALL("openat", SYS_openat, AT_FDCWD, NULL, 0);
    CALL("close", SYS_close, -1);
    CALL("getpid", SYS_getpid);
    CALL("mmap", SYS_mmap, NULL, 0, 0, 0, -1, 0);
    CALL("brk", SYS_brk, 0);
    CALL("ioctl", SYS_ioctl, -1, 0, 0);
    CALL("pipe2", SYS_pipe2, NULL, 0);
    CALL("dup", SYS_dup, -1);
    CALL("mknodat", SYS_mknodat, AT_FDCWD, NULL, 0, 0);
    CALL("capset", SYS_capset, NULL, NULL);
    CALL("setuid", SYS_setuid, getuid());
    CALL("setpriority", SYS_setpriority, 0, 0, 0);
    CALL("sched_setscheduler", SYS_sched_setscheduler, 0, -1, NULL);
    CALL("uname", SYS_uname, NULL);
    FD("socket_inet", SYS_socket, 2, 2, 0);
    FD("socket_inet6", SYS_socket, 10, 2, 0);
    FD("socket_unix", SYS_socket, 1, 1, 0);
    FD("socket_netlink", SYS_socket, 16, 3, 0);
    FD("socket_packet", SYS_socket, 17, 3, 0);
    FD("socket_alg", SYS_socket, 38, 5, 0);
    FD("socket_vsock", SYS_socket, 40, 1, 0);
    {
        long old = syscall(SYS_personality, 0xffffffffL);
        verdict("personality_query", old);
        errno = 0;
        long r = syscall(SYS_personality, 0x0200000L); /* UNAME26: not one the profile lists */
        int saved = errno;
        if (r >= 0 && old >= 0) {
            syscall(SYS_personality, old);
        }
        errno = saved;
        verdict("personality_uname26", r);
    }
    clone_verdict("clone_plain", 0);
    clone_verdict("clone_newuser", 0x10000000L);
    clone_verdict("clone_newnet", 0x40000000L);
    clone_verdict("clone_newns", 0x00020000L);
    CALL("clone3", SYS_clone3, NULL, 0);
    CALL("unshare", SYS_unshare, 0x1L);
    CALL("setns", SYS_setns, -1, 0);
    CALL("mount", SYS_mount, NULL, NULL, NULL, 0, NULL);
    CALL("umount2", SYS_umount2, "/berth-no-such-mount", 0);
    CALL("pivot_root", SYS_pivot_root, NULL, NULL);
    CALL("chroot", SYS_chroot, NULL);
    CALL("sethostname", SYS_sethostname, NULL, -1);
    CALL("setdomainname", SYS_setdomainname, NULL, -1);
    CALL("keyctl", SYS_keyctl, 0, -100, 0);
    CALL("add_key", SYS_add_key, NULL, NULL, NULL, 0, 0);
    CALL("request_key", SYS_request_key, NULL, NULL, NULL, 0);
    CALL("bpf", SYS_bpf, -1, NULL, 0);
    CALL("perf_event_open", SYS_perf_event_open, NULL, 0, -1, -1, 0);
    CALL("ptrace", SYS_ptrace, 0x4242, 0, 0, 0);
    CALL("process_vm_readv", SYS_process_vm_readv, self, NULL, 0, NULL, 0, 0);
    CALL("process_vm_writev", SYS_process_vm_writev, self, NULL, 0, NULL, 0, 0);
    CALL("kcmp", SYS_kcmp, self, self, 0, 0, 0);
    CALL("init_module", SYS_init_module, NULL, 0, NULL);
    CALL("finit_module", SYS_finit_module, -1, NULL, 0);
    CALL("delete_module", SYS_delete_module, NULL, 0);
    CALL("create_module", SYS_create_module, NULL, 0);
    CALL("clock_settime", SYS_clock_settime, CLOCK_REALTIME, NULL);
    CALL("settimeofday", SYS_settimeofday, NULL, NULL);
    CALL("adjtimex", SYS_adjtimex, &tx);
    CALL("clock_adjtime", SYS_clock_adjtime, CLOCK_REALTIME, &tx);
    CALL("reboot", SYS_reboot, 0, 0, 0, NULL);
    CALL("kexec_load", SYS_kexec_load, 0, 0, NULL, 0);
    CALL("kexec_file_load", SYS_kexec_file_load, -1, -1, 0, NULL, 0);
    CALL("acct", SYS_acct, NULL);
    CALL("swapon", SYS_swapon, NULL, 0);
    CALL("swapoff", SYS_swapoff, NULL);
    CALL("syslog", SYS_syslog, 10, NULL, 0);
    CALL("iopl", SYS_iopl, 0);
    CALL("ioperm", SYS_ioperm, 0, 0, 0);
    CALL("get_mempolicy", SYS_get_mempolicy, NULL, NULL, 0, NULL, 0);
    CALL("set_mempolicy", SYS_set_mempolicy, 0, NULL, 0);
    CALL("mbind", SYS_mbind, NULL, 0, 0, NULL, 0, 0);
    CALL("move_pages", SYS_move_pages, 0, 0, NULL, NULL, NULL, 0);
    CALL("migrate_pages", SYS_migrate_pages, 0, 0, NULL, NULL);
    FD("userfaultfd", SYS_userfaultfd, O_CLOEXEC);
    CALL("io_uring_setup", 425, 0, NULL);
    CALL("name_to_handle_at", SYS_name_to_handle_at, AT_FDCWD, NULL, NULL, NULL, 0);
    CALL("open_by_handle_at", SYS_open_by_handle_at, -1, NULL, 0);
    CALL("lookup_dcookie", SYS_lookup_dcookie, 0, NULL, 0);
    CALL("quotactl", SYS_quotactl, 0, NULL, 0, NULL);
    CALL("uselib", SYS_uselib, NULL);
    CALL("ustat", SYS_ustat, 0, NULL);
    CALL("sysfs", SYS_sysfs, 0);
    CALL("_sysctl", SYS__sysctl, NULL);
    CALL("fanotify_init", SYS_fanotify_init, 0, 0);
    CALL("open_tree", 428, -1, NULL, 0);
    CALL("move_mount", 429, -1, NULL, -1, NULL, 0);
    CALL("fsopen", 430, NULL, 0);
    FD("pidfd_open", 434, self, 0);
    CALL("pidfd_getfd", 438, -1, -1, 0);
    CALL("pidfd_send_signal", 424, -1, 0, NULL, 0);
    FD("memfd_create", SYS_memfd_create, "probe", 0);
    CALL("seccomp", SYS_seccomp, 2, 0, &action);
    CALL("landlock_create_ruleset", 444, NULL, 0, 1);
    CALL("memfd_secret", 447, 0);
    CALL("pkey_alloc", SYS_pkey_alloc, 0, 0);
    CALL("fchmodat2", 452, AT_FDCWD, NULL, 0, 0);
    CALL("mseal", 462, NULL, 0, 0);
    return 0;
}
