package dev.berth.dockerfile.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class RawWordsTest {
    @Test
    void splitsOutsideQuotesAndKeepsThem() {
        assertEquals(List.of("A=\"x y\"", "B=\\ z", "C='q r'"), RawWords.split("A=\"x y\"  B=\\ z\tC='q r'", '\\'));
        assertEquals(List.of(), RawWords.split("   ", '\\'));
    }
}
