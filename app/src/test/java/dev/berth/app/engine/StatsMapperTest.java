package dev.berth.app.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.model.Statistics;
import org.junit.jupiter.api.Test;

/** A stats reading becomes the numbers {@code docker stats} shows, the same for the list and the stats page. */
class StatsMapperTest {
    @Test
    void cpuAndMemoryAsTheCliComputesThem() throws Exception {
        Statistics s = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false).readValue(
                """
                        {"read": "2026-11-23T10:00:00Z",
                         "cpu_stats": {"cpu_usage": {"total_usage": 1200000000}, "system_cpu_usage": 11000000000, "online_cpus": 2},
                         "precpu_stats": {"cpu_usage": {"total_usage": 1000000000}, "system_cpu_usage": 10000000000},
                         "memory_stats": {"usage": 50000000, "limit": 100000000, "stats": {"inactive_file": 10000000}},
                         "networks": {"eth0": {"rx_bytes": 7, "tx_bytes": 8}},
                         "pids_stats": {"current": 3}}""",
                Statistics.class);
        StatsSample sample = StatsMapper.toSample(s);
        assertEquals(40.0, sample.cpuPercent(), 1e-9, "0.2 s of 1 s host time, times 2 CPUs");
        assertEquals(40_000_000, sample.memoryUsage(), "the inactive file cache does not count");
        assertEquals(100_000_000, sample.memoryLimit());
        assertEquals(7, sample.netRx());
        assertEquals(3, sample.pids());
    }
}
