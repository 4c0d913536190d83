/**
 * {@code POST /containers/create}: a request checked as dockerd checks it, the image's defaults merged in, mounts
 * resolved (volumes, binds, tmpfs), the log driver settled, and the container recorded.
 */
package dev.berth.runtime.container.create;
