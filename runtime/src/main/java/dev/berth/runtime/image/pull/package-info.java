/**
 * {@code docker pull}: the manifest for the wanted platform, then layers fetched in parallel, verified and unpacked in
 * order, with Docker's progress lines.
 */
package dev.berth.runtime.image.pull;
