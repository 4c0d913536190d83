/**
 * {@code docker push}: the layers a registry lacks, then the config and a manifest; layers go up as the blobs they came
 * in as, so digests stay the same.
 */
package dev.berth.runtime.image.push;
