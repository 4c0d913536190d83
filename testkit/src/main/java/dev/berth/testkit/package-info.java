/**
 * The Berth test kit: real registries and reproducible images for every module's tests.
 *
 * <p>A {@link dev.berth.testkit.RegistryServer} is Debian's {@code docker-registry} (distribution 2.8) on a
 * free loopback port, open, behind htpasswd Basic auth, or behind token auth served by an in-JVM token
 * service; {@link dev.berth.testkit.RegistryExtension} runs one per test class. Images are built from
 * layers ({@link dev.berth.testkit.LayerBuilder} writes the tars, {@link dev.berth.testkit.Layer} holds the
 * blob and its digests) into a {@link dev.berth.testkit.TestImage} whose config and manifest bytes are
 * exact, then pushed with {@link dev.berth.testkit.RegistryClient}, a small distribution-spec client that
 * also lets a test read back what the registry holds. {@link dev.berth.testkit.TestImages} has ready-made
 * busybox images.
 *
 * <pre>{@code
 * @RegisterExtension static RegistryExtension registry = RegistryExtension.token("alice", "secret");
 *
 * @Test void pulls() {
 *     TestImage image = TestImages.busybox();
 *     image.push(registry, "library/busybox", "latest");
 *     // engine pulls registry.host() + "/library/busybox:latest" and must see image.manifestDigest()
 * }
 * }</pre>
 */
package dev.berth.testkit;
