package dev.berth.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.testkit.SourceRules;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The machine module keeps the source rules of docs/ARCHITECTURE.md. */
class SourceTreeTest {
    @Test
    void everyPackageSaysWhatItIsFor() {
        assertEquals(List.of(), SourceRules.packagesWithoutComment(Path.of("src/main/java")));
    }

    @Test
    void noClassOutgrowsFourHundredLines() {
        assertEquals(List.of(), SourceRules.filesLongerThan(Path.of("src/main/java"), 400));
    }
}
