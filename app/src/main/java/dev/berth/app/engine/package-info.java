/**
 * The app's only door to an engine. {@link dev.berth.app.engine.Engine} is a small interface over the
 * Docker Engine API (implemented with docker-java by {@link dev.berth.app.engine.DockerJavaEngine}), so every
 * view works the same against berthd, dockerd, podman or a remote host. {@link dev.berth.app.engine.Connection}s
 * name the engines a user can pick (starting the local berthd is {@code dev.berth.app.localengine}'s job).
 * Failures surface as {@link dev.berth.app.engine.EngineException} whose message is the engine's own words, ready
 * to show to a person.
 */
package dev.berth.app.engine;
