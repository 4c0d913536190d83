package dev.berth.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** An {@code iptables -S} rule splits back into the arguments that delete it. */
class EngineRulesTest {
    @Test
    void splitsARuleWithAQuotedComment() {
        assertEquals(
                List.of("BERTH-FORWARD", "-i", "berth0", "-o", "berth0", "-m", "comment", "--comment", "berth:b866",
                        "-j", "ACCEPT"),
                EngineRules.Shell
                        .split("BERTH-FORWARD -i berth0 -o berth0 -m comment --comment \"berth:b866\" -j ACCEPT"));
        assertEquals(List.of("X", "--comment", "a b", "-j", "RETURN"),
                EngineRules.Shell.split("X --comment \"a b\" -j RETURN"));
    }
}
