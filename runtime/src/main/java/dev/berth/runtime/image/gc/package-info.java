/**
 * Garbage collection of layers and blobs that no image and no container refers to, deferred while a pull or load holds
 * a lease.
 */
package dev.berth.runtime.image.gc;
