package dev.berth.app.builds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.app.engine.BuildMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

class BuildLogTest {
    private static BuildMessage stream(String text) {
        return new BuildMessage(text, "", "");
    }

    @Test
    void readsStepsCacheHitsOutputAndTheEnd() {
        BuildLog log = new BuildLog();
        for (String chunk : List.of("Step 1/3 : FROM busybox\n ---> 3f2a1b4c5d6e\n",
                "Step 2/3 : COPY a /a\n ---> Using cache\n ---> 111111111111\n",
                "Step 3/3 : RUN make\n ---> Running in abcdefabcdef\nbuil", "ding…\ndone\n",
                "Removing intermediate container abcdefabcdef\n",
                " ---> 222222222222\n", "Successfully built 222222222222\nSuccessfully tagged app:1\n")) {
            log.accept(stream(chunk));
        }
        log.accept(new BuildMessage("", "", "sha256:" + "2".repeat(64)));
        log.finish();
        List<BuildLog.Step> steps = log.steps();
        assertEquals(3, steps.size());
        assertEquals(BuildLog.State.DONE, steps.get(0).state());
        assertEquals(BuildLog.State.CACHED, steps.get(1).state());
        assertEquals(BuildLog.State.DONE, steps.get(2).state());
        assertEquals(List.of("building…", "done"), steps.get(2).lines(), "a line split across messages is joined");
        assertEquals("RUN make", steps.get(2).text());
        assertEquals(3, steps.get(2).total());
        assertEquals("sha256:" + "2".repeat(64), log.imageId());
        assertTrue(log.preamble().contains("Successfully tagged app:1"));
    }

    @Test
    void stderrInColourDoesNotHideTheStepsEnd() {
        BuildLog log = new BuildLog();
        for (String chunk : List.of("Step 1/2 : FROM busybox\n ---> 3f2a1b4c5d6e\n",
                "Step 2/2 : RUN echo oops >&2\n ---> Running in abcdefabcdef\n",
                "\u001b[91moops\n\u001b[0m", " ---> 222222222222\n")) {
            log.accept(stream(chunk));
        }
        assertEquals(BuildLog.State.DONE, log.steps().get(1).state(),
                "the ID line after the colour reset ends the step");
        assertEquals(List.of("oops"), log.steps().get(1).lines(), "the line without its colour codes");
    }

    @Test
    void aFailureMarksTheStepThatRan() {
        BuildLog log = new BuildLog();
        log.accept(stream(
                "Step 1/2 : FROM busybox\n ---> 3f2a1b4c5d6e\nStep 2/2 : RUN exit 3\n ---> Running in abcdefabcdef\n"));
        log.fail("The command '/bin/sh -c exit 3' returned a non-zero code: 3");
        assertEquals(BuildLog.State.DONE, log.steps().get(0).state());
        assertEquals(BuildLog.State.FAILED, log.steps().get(1).state());
    }

    @Test
    void pullLinesReplaceTheirLayersEarlierLine() {
        BuildLog log = new BuildLog();
        log.accept(stream("Step 1/1 : FROM busybox\n"));
        log.accept(new BuildMessage("", "abc: Downloading [=>   ] 1MB/4MB", ""));
        log.accept(new BuildMessage("", "def: Waiting", ""));
        log.accept(new BuildMessage("", "abc: Download complete", ""));
        assertEquals(List.of("abc: Download complete", "def: Waiting"), log.steps().getFirst().lines());
    }
}
