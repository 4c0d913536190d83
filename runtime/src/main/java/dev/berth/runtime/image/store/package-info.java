/**
 * The image store: which images the engine has and by which names they are known.
 *
 * <p>An image is identified by its config digest (docker's image ID). Its {@link
 * dev.berth.runtime.image.store.ImageRecord} lists its layers bottom first, each by DiffID (the uncompressed
 * tar), ChainID (the layer with everything below it, the key of the unpacked layer) and, when known, the
 * compressed blob it came from. Names ("busybox:latest", "localhost:5000/busybox@sha256:...") are references
 * in one index; an image that loses its last tag stays as a dangling {@code <none>} image until removed.
 *
 * <p>On disk: {@code images/<hex>.json} per image and {@code images/repositories.json}, the index. The index
 * is the commit point: it lists every image ID and every reference, and is rewritten (atomically) by every
 * change after the record files it names are in place. So a crash leaves the old index (and perhaps an
 * unreferenced record file, which the next start deletes) or the new one, never a name without its image.
 */
package dev.berth.runtime.image.store;
