package dev.berth.app.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.app.engine.LogLine;
import dev.berth.app.support.Async;
import dev.berth.app.support.I18n;
import dev.berth.app.testing.FakeEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogsViewModelTest {
    private static final Instant T = Instant.parse("2026-01-01T10:00:00Z");
    private final FakeEngine engine = new FakeEngine();
    private LogsViewModel vm;

    @BeforeEach
    void setUp() {
        I18n.setLocale(Locale.ENGLISH);
        engine.inside.log.add(new LogLine(LogLine.Stream.STDOUT, T, "server started on :8080"));
        engine.inside.log.add(new LogLine(LogLine.Stream.STDERR, T, "\u001b[31mERROR\u001b[0m disk full"));
        engine.inside.log.add(new LogLine(LogLine.Stream.STDOUT, T, "GET /orders/42 200"));
        vm = new LogsViewModel(() -> engine, Async.sameThread(), "c1");
        vm.reload();
    }

    @Test
    void linesArriveParsedAndFollowed() {
        assertEquals(3, vm.shown().size());
        assertEquals("ERROR disk full", vm.shown().get(1).plain(), "ANSI codes are not part of the text");
        engine.inside.emitLog(new LogLine(LogLine.Stream.STDOUT, T, "GET /orders/43 200"));
        assertEquals(4, vm.shown().size());
        assertEquals(4, vm.shown().getLast().number());
    }

    @Test
    void streamsFilter() {
        vm.stdoutProperty().set(false);
        assertEquals(1, vm.shown().size());
        vm.stdoutProperty().set(true);
        vm.stderrProperty().set(false);
        assertEquals(2, vm.shown().size());
    }

    @Test
    void plainSearchCountsAndFindsMatchesIgnoringCase() {
        vm.searchProperty().set("get /ORDERS");
        assertEquals(1, vm.matchesProperty().get());
        assertEquals(2, vm.findNext(-1, true));
        assertEquals(2, vm.findNext(2, true), "wraps around to the only match");
        vm.searchProperty().set("e");
        assertEquals(3, vm.matchesProperty().get());
        assertEquals(2, vm.findNext(0, false), "backwards from the first line wraps to the last");
        vm.searchProperty().set("a.b");
        assertEquals(0, vm.matchesProperty().get(), "without Regex the dot is a dot");
    }

    @Test
    void regexSearchAndOnlyMatchingLines() {
        vm.regexProperty().set(true);
        vm.searchProperty().set("orders/\\d+ 2\\d\\d");
        assertEquals(1, vm.matchesProperty().get());
        vm.onlyMatchingProperty().set(true);
        assertEquals(1, vm.shown().size());
        engine.inside.emitLog(new LogLine(LogLine.Stream.STDOUT, T, "GET /orders/7 201"));
        assertEquals(2, vm.shown().size());
        assertEquals(2, vm.matchesProperty().get());
    }

    @Test
    void aBadRegexIsReportedAndMatchesNothing() {
        vm.regexProperty().set(true);
        vm.searchProperty().set("orders/(");
        assertTrue(vm.errorProperty().get().startsWith("Not a valid regular expression"), vm.errorProperty().get());
        assertNull(vm.patternProperty().get());
        assertEquals(3, vm.shown().size());
    }

    @Test
    void tailAndSinceReadTheLogAgain() {
        vm.tailProperty().set(1);
        assertEquals(1, vm.shown().size());
        assertEquals("GET /orders/42 200", vm.shown().getFirst().plain());
        assertTrue(engine.inside.calls.contains("logs closed"), "the old stream is closed");
        vm.tailProperty().set(-1);
        vm.sinceProperty().set(Duration.ofMinutes(5));
        assertEquals(0, vm.shown().size(), "the lines are older than five minutes");
    }

    @Test
    void copyAndSaveWithOrWithoutTimestamps(@TempDir Path dir) throws Exception {
        assertEquals("server started on :8080\n", vm.text(vm.shown().subList(0, 1)));
        vm.timestampsProperty().set(true);
        assertEquals("2026-01-01T10:00:00Z server started on :8080\n", vm.text(vm.shown().subList(0, 1)));
        vm.stderrProperty().set(false);
        Path file = dir.resolve("web.log");
        vm.save(file);
        assertEquals(2, Files.readAllLines(file).size());
    }

    @Test
    void closingStopsTheStream() {
        vm.close();
        assertTrue(engine.inside.calls.contains("logs closed"));
    }
}
