package dev.berth.runtime.container.xray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.runtime.container.oci.Capabilities;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcStatusTest {
    /** A status file of a container's init as a 6.x kernel writes it (trimmed). */
    static final List<String> CONTAINER_INIT = List.of(
            "Name:\tsleep", "Umask:\t0022", "State:\tS (sleeping)", "Tgid:\t4242", "Ngid:\t0", "Pid:\t4242",
            "PPid:\t4230", "TracerPid:\t0", "Uid:\t1000\t1001\t1000\t1000", "Gid:\t50\t50\t50\t50",
            "NStgid:\t4242\t1", "NSpid:\t4242\t1", "NSpgid:\t4242\t1", "CapInh:\t0000000000000000",
            "CapPrm:\t00000000a80425fb", "CapEff:\t00000000a80425fb", "CapBnd:\t00000000a80425fb",
            "CapAmb:\t0000000000000000", "NoNewPrivs:\t1", "Seccomp:\t2", "Seccomp_filters:\t1");

    @Test
    void readsPidsOnBothSidesOfThePidNamespace() {
        ProcStatus s = ProcStatus.parse(CONTAINER_INIT);
        assertEquals("sleep", s.name());
        assertEquals(4230, s.ppid());
        assertEquals(List.of(4242L, 1L), s.nsPids());
        assertEquals(1, s.innermostPid());
        assertEquals(1001, s.uid(), "the effective uid, the second field");
        assertEquals(50, s.gid());
    }

    @Test
    void decodesDockersDefaultCapabilityMask() {
        ProcStatus s = ProcStatus.parse(CONTAINER_INIT);
        List<String> caps = Capabilities.fromMask(s.capEffective());
        assertEquals(Capabilities.DEFAULTS.stream().sorted().toList(), caps.stream().sorted().toList());
        assertEquals(caps, Capabilities.fromMask(s.capBounding()));
    }

    @Test
    void namesSeccompModesAndNoNewPrivs() {
        ProcStatus s = ProcStatus.parse(CONTAINER_INIT);
        assertEquals("filter", s.seccompMode());
        assertTrue(s.noNewPrivs());
        ProcStatus host = ProcStatus.parse(List.of("Name:\tbash", "NSpid:\t77", "Seccomp:\t0", "NoNewPrivs:\t0"));
        assertEquals("disabled", host.seccompMode());
        assertFalse(host.noNewPrivs());
        assertEquals(77, host.innermostPid(), "a host process is its own innermost pid");
        assertEquals("strict", ProcStatus.parse(List.of("Seccomp:\t1")).seccompMode());
    }

    @Test
    void missingFieldsReadAsEmpty() {
        ProcStatus s = ProcStatus.parse(List.of("garbage", "Uid:\tx", "CapEff:\tzz"));
        assertEquals(0, s.innermostPid());
        assertEquals(0, s.uid());
        assertEquals(0, s.capEffective());
    }
}
