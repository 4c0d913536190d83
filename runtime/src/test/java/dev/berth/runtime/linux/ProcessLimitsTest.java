package dev.berth.runtime.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ProcessLimitsTest {
    private static final List<String> LIMITS = List.of(
            "Limit                     Soft Limit           Hard Limit           Units     ",
            "Max stack size            8388608              unlimited            bytes     ",
            "Max processes             96365                96365                processes ",
            "Max open files            1024                 20000                files     ");

    @Test
    void readsTheHardColumn() {
        assertEquals(OptionalLong.of(20000), ProcessLimits.hardLimit(LIMITS, "Max open files"));
        assertEquals(OptionalLong.of(96365), ProcessLimits.hardLimit(LIMITS, "Max processes"));
        assertEquals(OptionalLong.empty(), ProcessLimits.hardLimit(LIMITS, "Max stack size"));
        assertEquals(OptionalLong.empty(), ProcessLimits.hardLimit(LIMITS, "Max nice priority"));
    }

    @Test
    void readsThisProcess() {
        assertTrue(ProcessLimits.hardLimit(ProcessLimits.procName("RLIMIT_NOFILE")).orElse(Long.MAX_VALUE) > 0);
        assertEquals("Max open files", ProcessLimits.procName("RLIMIT_NOFILE"));
        assertEquals("", ProcessLimits.procName("RLIMIT_BOGUS"));
    }
}
