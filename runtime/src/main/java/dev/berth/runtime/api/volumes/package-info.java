/**
 * The {@code /volumes} routes of the Docker Engine API ({@code docker volume create/ls/inspect/rm/prune}),
 * one handler per operation over {@link dev.berth.runtime.volume.VolumeStore}, with the JSON shapes of moby's
 * {@code api/types/volume}.
 */
package dev.berth.runtime.api.volumes;
