/**
 * The Swarm page: the connected engine's place in a swarm (init, join, leave) and, on a manager, its services with
 * their tasks and logs, nodes, stacks, secrets and configs.
 */
package dev.berth.app.swarm;
