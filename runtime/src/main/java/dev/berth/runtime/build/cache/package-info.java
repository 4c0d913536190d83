/**
 * What makes a second build fast. {@link dev.berth.runtime.build.cache.BuildCache} finds a step already done: as in
 * moby's classic builder, every step's image records its parent and what the step did (the step's text with its
 * inputs: expanded variables, the content digest of copied files, the build args a RUN saw), so a step is reused
 * when an image with the same parent and the same key exists. The key is kept in the image record, so the cache
 * survives restarts and crashes as the images do. {@link dev.berth.runtime.build.cache.CacheMounts} keeps the
 * directories of {@code RUN --mount=type=cache} between builds.
 */
package dev.berth.runtime.build.cache;
