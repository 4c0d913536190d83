/**
 * The OCI image spec's documents as records: descriptors, manifests, indexes, image configs, media types and platforms.
 */
package dev.berth.runtime.image.oci;
