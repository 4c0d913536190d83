/**
 * The build context: the files a client sends with {@code POST /build} (a tar, plain or compressed, told by its
 * magic bytes), or fetches from a {@code remote=} URL, unpacked under the data root with the same path checks as
 * {@code docker cp} ({@code ../} and links leading out are refused), and read only through scoped paths afterwards.
 * {@link dev.berth.dockerfile.ignore.DockerIgnore} reads {@code .dockerignore} with moby's pattern rules ({@code
 * **}, {@code !} exceptions, last match wins); the CLI applies it before sending, berthd only drops the Dockerfile
 * and {@code .dockerignore} themselves when they are ignored, as dockerd does.
 */
package dev.berth.runtime.build.context;
