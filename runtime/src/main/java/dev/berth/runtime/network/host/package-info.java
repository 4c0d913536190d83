/**
 * The host side of networking as thin wrappers over iproute2 and nsenter behind the {@link
 * dev.berth.runtime.network.host.Commands} seam: links and veth pairs, named namespaces, sysctls.
 */
package dev.berth.runtime.network.host;
