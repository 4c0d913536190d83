/**
 * Fuzz targets (jqwik properties) for every parser that reads what a client, a registry, an archive or a container
 * sends: each may only accept its input or refuse it with its documented error, never fail otherwise, and never
 * write outside where it was asked to. Findings stay as {@code @Example} regression cases.
 */
package dev.berth.runtime.fuzz;
