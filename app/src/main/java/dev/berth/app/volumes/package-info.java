/** The Volumes page: named volumes, which containers use them, create, remove and prune. */
package dev.berth.app.volumes;
