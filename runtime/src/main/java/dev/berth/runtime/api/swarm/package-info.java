/**
 * The Swarm endpoints of an engine that is not in a swarm: berthd never is, and it answers them as dockerd does on a
 * node outside a swarm (503 and dockerd's words), which clients read as "no swarm here" rather than as a missing
 * endpoint (a 404 made docker-py's tear-down, {@code swarm/leave?force=true}, fail).
 */
package dev.berth.runtime.api.swarm;
