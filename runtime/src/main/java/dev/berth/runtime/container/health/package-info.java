/**
 * Healthchecks: Docker's defaults for a container's Healthcheck, the probe run inside the container through the
 * OCI runtime, and the bookkeeping of status, failing streak and the last results.
 */
package dev.berth.runtime.container.health;
