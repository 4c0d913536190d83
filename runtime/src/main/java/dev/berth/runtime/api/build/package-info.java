/**
 * {@code POST /build} and {@code POST /build/prune}: the classic builder's API as dockerd serves it to the docker CLI
 * (without buildx), docker-compose, docker-py, docker-java and Testcontainers. {@link
 * dev.berth.runtime.api.build.BuildQuery} reads the query with moby's rules; {@link
 * dev.berth.runtime.api.build.BuildHandler} streams the JSON lines, in quiet mode only the image ID.
 */
package dev.berth.runtime.api.build;
