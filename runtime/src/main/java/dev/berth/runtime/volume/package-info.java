/**
 * Named volumes with the semantics of Docker's {@code local} driver.
 *
 * <p>A volume is a directory {@code <data-root>/volumes/<name>/_data} plus a record {@code volume.json}
 * beside it (name, labels, driver options, creation time). A plain volume is just that directory; a volume
 * with driver options ({@code type=tmpfs}, {@code o=bind,device=/path}) gets something mounted onto
 * {@code _data} each time a container uses it: {@link dev.berth.runtime.volume.VolumeStore#mountSpec} says
 * what, the container service mounts it. The first container to mount an empty volume copies the image's
 * content at the mount path into it ({@link dev.berth.runtime.volume.VolumeStore#seedFrom}, Docker's copy-up).
 *
 * <p>The store knows nothing of containers: it asks a {@link dev.berth.runtime.volume.VolumeUsage} which
 * containers use a volume, to refuse removing it and to answer the {@code dangling} filter.
 */
package dev.berth.runtime.volume;
