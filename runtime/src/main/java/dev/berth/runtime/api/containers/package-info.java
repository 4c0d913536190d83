/**
 * Docker's container endpoints ({@code /containers/…}, {@code /exec/…}): one route class per resource, a handler
 * class per larger operation (attach, logs, list, stats), and the JSON views of {@code docker ps} and inspect.
 */
package dev.berth.runtime.api.containers;
