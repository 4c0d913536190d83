package dev.berth.runtime.linux;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;

/** The few libc socket calls the JDK does not offer: SOCK_SEQPACKET unix sockets (conmon's attach socket). */
interface SocketCalls extends Library {
    SocketCalls LIBC = Native.load("c", SocketCalls.class);

    int AF_UNIX = 1;
    int SOCK_SEQPACKET = 5;
    int SOCK_CLOEXEC = 0x80000;
    int SHUT_WR = 1;
    int SHUT_RDWR = 2;

    int socket(int domain, int type, int protocol) throws LastErrorException;

    int connect(int fd, byte[] address, int length) throws LastErrorException;

    long read(int fd, byte[] buffer, long count) throws LastErrorException;

    long write(int fd, byte[] buffer, long count) throws LastErrorException;

    int shutdown(int fd, int how) throws LastErrorException;

    int close(int fd) throws LastErrorException;

    int O_PATH = 0x200000;
    int O_DIRECTORY = 0x10000;
    int O_CLOEXEC = 0x80000;

    int open(String path, int flags) throws LastErrorException;
}
