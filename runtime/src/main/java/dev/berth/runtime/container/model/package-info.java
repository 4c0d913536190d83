/**
 * What the engine keeps about a container: its record, typed views over the Config and HostConfig that clients
 * send (kept whole, so no field is lost), its mounts and its run state.
 */
package dev.berth.runtime.container.model;
