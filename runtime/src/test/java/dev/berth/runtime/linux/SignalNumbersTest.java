package dev.berth.runtime.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SignalNumbersTest {
    @Test
    void parsesDockerSpellings() {
        assertEquals(Optional.of(15), SignalNumbers.parse("SIGTERM"));
        assertEquals(Optional.of(15), SignalNumbers.parse("term"));
        assertEquals(Optional.of(9), SignalNumbers.parse("9"));
        assertEquals(Optional.of(1), SignalNumbers.parse("SIGHUP"));
        assertEquals(Optional.of(35), SignalNumbers.parse("RTMIN+1"));
        assertEquals(Optional.of(64), SignalNumbers.parse("SIGRTMAX"));
    }

    @Test
    void rejectsNonsense() {
        for (String bad : List.of("", "SIGFOO", "0", "65", "-1", "RTMIN+99", "99999999999")) {
            assertEquals(Optional.empty(), SignalNumbers.parse(bad), bad);
        }
    }
}
