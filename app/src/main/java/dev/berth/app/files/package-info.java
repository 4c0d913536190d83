/**
 * A file browser over the Engine API's archive endpoints: {@code HEAD} stats a path, {@code GET} returns a tar
 * that {@link dev.berth.app.files.ArchiveListing} reads one directory level from (headers only: file bodies are
 * skipped, never kept), {@code PUT} unpacks an uploaded tar. A volume is browsed through a small helper container
 * that mounts it ({@link dev.berth.app.files.VolumeFiles}), since the archive API works on containers only.
 */
package dev.berth.app.files;
