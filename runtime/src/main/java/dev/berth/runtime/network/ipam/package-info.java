/**
 * IPv4 address management: {@link dev.berth.runtime.network.ipam.Cidr} arithmetic, a persisted lease pool per
 * network ({@link dev.berth.runtime.network.ipam.AddressPool}, one file under {@code <data-root>/networks/leases/})
 * and the choice of a free subnet from the default pools ({@link dev.berth.runtime.network.ipam.SubnetPicker}).
 */
package dev.berth.runtime.network.ipam;
