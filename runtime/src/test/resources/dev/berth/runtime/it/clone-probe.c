/* Asks the kernel for clone() with the given flags, or for clone3(), and says what it answered. */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv) {
    long r;
    if (argc > 1 && strcmp(argv[1], "clone3") == 0) {
        struct clone_args args;
        memset(&args, 0, sizeof args);
        args.exit_signal = SIGCHLD;
        r = syscall(SYS_clone3, &args, sizeof args);
    } else {
        long flags = argc > 2 ? strtol(argv[2], NULL, 0) : 0;
        r = syscall(SYS_clone, flags | SIGCHLD, 0, 0, 0, 0);
    }
    if (r == 0) {
        _exit(0);
    }
    if (r < 0) {
        printf("%s\n", strerror(errno));
        return 1;
    }
    waitpid((pid_t) r, NULL, 0);
    printf("ok\n");
    return 0;
}
