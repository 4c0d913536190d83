package dev.berth.runtime.network.ipam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.berth.runtime.errors.ConflictException;
import dev.berth.runtime.errors.InvalidArgumentException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** default-address-pools as dockerd reads them: blocks of {@code size} in each base, first free one wins. */
class SubnetPickerTest {
    private static SubnetPicker.Pool pool(String base, int size) {
        return new SubnetPicker.Pool(Cidr.parse(base), size);
    }

    @Test
    void takesTheFirstFreeBlockOfTheFirstPoolThenTheNextPool() {
        SubnetPicker picker = new SubnetPicker(List.of(pool("10.66.0.0/24", 26), pool("10.67.0.0/16", 24)));
        assertEquals(Cidr.parse("10.66.0.0/26"), picker.pick(List.of()));
        assertEquals(Cidr.parse("10.66.0.128/26"),
                picker.pick(List.of(Cidr.parse("10.66.0.0/26"), Cidr.parse("10.66.0.64/26"))));
        // A host route over the whole first pool sends it to the second.
        assertEquals(Cidr.parse("10.67.0.0/24"), picker.pick(List.of(Cidr.parse("10.66.0.0/23"))));
        assertEquals(Cidr.parse("10.67.1.0/24"),
                picker.pick(List.of(Cidr.parse("10.66.0.0/23"), Cidr.parse("10.67.0.9/32"))));
    }

    @Test
    void exhaustedPoolsAreAConflict() {
        SubnetPicker picker = new SubnetPicker(List.of(pool("10.66.0.0/24", 25)));
        assertThrows(ConflictException.class,
                () -> picker.pick(List.of(Cidr.parse("10.66.0.0/25"), Cidr.parse("10.66.0.128/25"))));
    }

    @Test
    void poolsParseFromTheFlagFormAndRejectNonsense() {
        assertEquals(pool("172.80.0.0/16", 24), SubnetPicker.Pool.parse("base=172.80.0.0/16,size=24"));
        assertEquals(pool("172.80.0.0/16", 16), SubnetPicker.Pool.parse(" size=16 , base=172.80.0.0/16"));
        for (String bad : List.of("", "base=172.80.0.0/16", "base=172.80.0.0/16,size=15", "base=172.80.0.0/16,size=31",
                "base=172.80.0.5/16,size=24", "base=172.80.0.0/16,size=24,x=1", "base=nope,size=24")) {
            assertThrows(InvalidArgumentException.class, () -> SubnetPicker.Pool.parse(bad), bad);
        }
    }

    @Test
    void bridgeAddressIsAHostInsideItsSubnet() {
        BridgeAddress bip = BridgeAddress.parse("192.168.5.7/24");
        assertEquals("192.168.5.7", bip.address().toString());
        assertEquals(Cidr.parse("192.168.5.0/24"), bip.subnet());
        assertEquals("192.168.5.7/24", bip.toString());
        assertEquals(BridgeAddress.parse("172.30.0.1/16"), BridgeAddress.firstHostOf(Cidr.parse("172.30.0.0/16")));
        for (String bad : List.of("192.168.5.0/24", "192.168.5.255/24", "192.168.5.7", "192.168.5.7/31",
                "192.168.5.7/33")) {
            assertThrows(InvalidArgumentException.class, () -> BridgeAddress.parse(bad), bad);
        }
    }
}
