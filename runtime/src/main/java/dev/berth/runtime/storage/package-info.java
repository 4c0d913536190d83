/**
 * Layer snapshots on overlayfs.
 *
 * <p>How an image becomes a container's root: each layer blob is unpacked once by {@link
 * dev.berth.runtime.storage.LayerStore#unpack} into {@code layers/<ChainID>/diff}, with whiteouts already in
 * the form overlayfs understands (a 0/0 character device hides a lower file, {@code trusted.overlay.opaque=y}
 * hides a lower directory's children). A layer is identified by its ChainID, which covers all layers below it,
 * so the same diff on top of different parents is stored twice, as Docker does. To run a container, {@link
 * dev.berth.runtime.storage.OverlayMounts#mount} stacks the image's diffs, uppermost first, as read-only
 * lowerdirs under the container's own upperdir; everything the container writes lands in the upperdir, and
 * {@link dev.berth.runtime.storage.LayerStore#exportTar} turns a diff back into a tar with {@code .wh.} entries.
 */
package dev.berth.runtime.storage;
