/**
 * The Docker Engine API served by berthd. {@link dev.berth.runtime.api.http} is the HTTP machinery
 * (routing, version prefixes, streaming, hijacking, error mapping); each resource has its own
 * subpackage with a {@link dev.berth.runtime.api.Routes} group that turns requests into service calls.
 */
package dev.berth.runtime.api;
