/**
 * The HTTP side of the Docker API: Netty's epoll transport and HTTP/1.1 codec on unix sockets, routing with and without
 * the {@code /v1.NN} prefix, blocking handlers on virtual threads, chunked, streamed and hijacked responses, and the mapping
 * of engine errors to Docker's status codes.
 */
package dev.berth.runtime.api.http;
