/**
 * Commands that act on a running berthd from outside, through its own API socket, for the package scripts that
 * have no docker CLI to hand: {@link dev.berth.runtime.admin.StopContainers}.
 */
package dev.berth.runtime.admin;
