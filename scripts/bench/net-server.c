/*
 * netbench-server: the container side of scripts/bench/net. It does no work of its own, so the numbers measure
 * the network path and not the server: port 5001 discards everything it reads, 1 MiB per read (throughput);
 * port 5002 closes every connection as soon as it is accepted (connection rate). Built static, so it runs in a
 * busybox image. One connection on 5001 at a time is enough: the benchmark streams one at a time.
 */
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

static int listen_on(int port) {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = htons(port), .sin_addr.s_addr = htonl(INADDR_ANY)};
    if (fd < 0 || setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) < 0
            || bind(fd, (struct sockaddr *) &addr, sizeof addr) < 0 || listen(fd, 4096) < 0) {
        perror("listen");
        exit(1);
    }
    return fd;
}

int main(void) {
    static char buf[1 << 20];
    int sink = listen_on(5001);
    int rate = listen_on(5002);
    int conn = -1;
    for (;;) {
        struct pollfd fds[3] = {{.fd = rate, .events = POLLIN}, {.fd = sink, .events = POLLIN}, {.fd = conn, .events = POLLIN}};
        int n = conn >= 0 ? 3 : 2;
        if (conn >= 0) {
            fds[1].events = 0; /* one stream at a time: leave further ones in the backlog */
        }
        if (poll(fds, n, -1) < 0) {
            continue;
        }
        if (fds[0].revents & POLLIN) {
            int c = accept(rate, NULL, NULL);
            if (c >= 0) {
                close(c);
            }
        }
        if (conn < 0 && (fds[1].revents & POLLIN)) {
            conn = accept(sink, NULL, NULL);
        } else if (conn >= 0 && fds[2].revents) {
            ssize_t r = read(conn, buf, sizeof buf);
            if (r <= 0) {
                close(conn);
                conn = -1;
            }
        }
    }
}
