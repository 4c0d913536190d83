/**
 * The content store: every blob the engine has (manifests, configs, compressed layers), addressed by digest.
 *
 * <p>A blob lives at {@code <dataRoot>/blobs/<algorithm>/<hex>} and is immutable once there. Bytes arrive
 * through an {@link dev.berth.runtime.image.content.Ingest}: each ingest writes its own temp file in
 * {@code <dataRoot>/ingest/}, hashing as it streams; {@code commit()} checks digest and size, syncs and renames
 * the file into {@code blobs/}. A rename is atomic, so readers see a whole blob or none, and a crash leaves
 * only temp files, which the next start deletes. This is containerd's content store layout, minus its
 * resumable ingests (a restarted pull downloads a blob again).
 */
package dev.berth.runtime.image.content;
