/** The Images page: local images with their use, pull with per-layer progress, tag, remove and prune. */
package dev.berth.app.images;
