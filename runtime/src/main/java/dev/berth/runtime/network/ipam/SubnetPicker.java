package dev.berth.runtime.network.ipam;

import dev.berth.runtime.errors.ConflictException;
import java.util.Collection;
import java.util.List;

/**
 * Chooses a subnet for a network created without one: the first block of the default address pools
 * that overlaps neither another network nor a route of the host (so a VPN or a dockerd network keeps its
 * addresses), as libnetwork's default-address-pools do.
 */
public final class SubnetPicker {
    /** One default pool: {@code base} cut into blocks of prefix length {@code size} (daemon.json default-address-pools). */
    public record Pool(Cidr base, int size) {}

    private final List<Pool> pools;

    public SubnetPicker(List<Pool> pools) {
        this.pools = List.copyOf(pools);
    }

    /** The first free block, or a ConflictException naming the exhausted pools. */
    public Cidr pick(Collection<Cidr> taken) {
        for (Pool pool : pools) {
            long blocks = 1L << (pool.size() - pool.base().prefix());
            long blockSize = 1L << (32 - pool.size());
            for (long i = 0; i < blocks; i++) {
                Cidr candidate = new Cidr(pool.base().base().plus(i * blockSize), pool.size());
                if (taken.stream().noneMatch(candidate::overlaps)) {
                    return candidate;
                }
            }
        }
        throw new ConflictException("all predefined address pools have been fully subnetted");
    }
}
