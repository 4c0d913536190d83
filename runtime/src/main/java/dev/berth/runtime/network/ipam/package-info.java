/**
 * Address management: {@link dev.berth.runtime.network.ipam.Cidr} arithmetic, a persisted lease pool per
 * network ({@link dev.berth.runtime.network.ipam.AddressPool}, one file under {@code <data-root>/networks/leases/})
 * and the choice of a free subnet from the default pools ({@link dev.berth.runtime.network.ipam.SubnetPicker});
 * for networks created with {@code --ipv6}, the same for IPv6 ({@link dev.berth.runtime.network.ipam.Cidr6},
 * {@link dev.berth.runtime.network.ipam.Ipv6Pool}, a second lease file {@code <id>.v6.json}).
 */
package dev.berth.runtime.network.ipam;
