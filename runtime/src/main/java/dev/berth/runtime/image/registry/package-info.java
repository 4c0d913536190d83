/**
 * A client for the OCI distribution API (the "registry v2" protocol), as the engine needs it for
 * pull, push and login.
 *
 * <p>How a pull flows: {@link dev.berth.runtime.image.registry.RegistryClient} picks the endpoint
 * (HTTPS, or plain HTTP for loopback and configured insecure registries) and owns the HTTP client and
 * the token cache. A {@link dev.berth.runtime.image.registry.RegistrySession} is bound to one repository
 * and one set of credentials; each request goes through
 * {@link dev.berth.runtime.image.registry.RegistryHttp}, which adds the Authorization the registry
 * asked for in its {@code WWW-Authenticate} challenge (Basic, or a Bearer token from the realm),
 * retries transient failures with backoff, and turns registry error bodies into the engine's errors.
 * {@code resolve} turns a tag into a verified manifest (choosing the platform from an index);
 * {@code fetchBlob} streams a layer into the content store's {@code Ingest}, which verifies it on commit.
 */
package dev.berth.runtime.image.registry;
