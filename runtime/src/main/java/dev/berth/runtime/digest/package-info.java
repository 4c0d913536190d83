/**
 * Content addresses: {@code sha256:<hex>} digests and the error for content that does not match its digest. Below both
 * {@code image} and {@code storage}, which name layers and blobs by them (it was {@code image.oci}, which made storage
 * and image depend on each other).
 */
package dev.berth.runtime.digest;
