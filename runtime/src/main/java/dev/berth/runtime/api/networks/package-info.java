/**
 * The Docker API for networks ({@code /networks}): JSON shapes of moby's {@code api/types/network}, moby's list and
 * prune filters, and the mapping of API requests to {@link dev.berth.runtime.network.NetworkService}.
 */
package dev.berth.runtime.api.networks;
