package dev.berth.app.builds;

import dev.berth.app.engine.BuildMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a build's stream (the classic builder's lines) into steps: {@code Step N/M : text} starts one, {@code --->
 * Using cache} marks it cached, {@code ---> <id>} ends it, everything else is its output. Pull status lines of a base
 * image replace their own earlier line per layer, as a terminal shows them. Pure: the view model applies its changes.
 */
public final class BuildLog {
    private static final Pattern STEP = Pattern.compile("^Step (\\d+)/(\\d+) : (.*)$");
    private static final Pattern DONE = Pattern.compile("^ ---> ([0-9a-f]{12})$");
    private static final int MAX_LINES_PER_STEP = 5000;

    /** Where a step stands. */
    public enum State { RUNNING, CACHED, DONE, FAILED }

    /** One step as read so far. */
    public static final class Step {
        private final int number;
        private final int total;
        private final String text;
        private State state = State.RUNNING;
        private final List<String> lines = new ArrayList<>();
        private final Map<String, Integer> pullLines = new LinkedHashMap<>();
        private int dropped;

        Step(int number, int total, String text) {
            this.number = number;
            this.total = total;
            this.text = text;
        }

        public int number() {
            return number;
        }

        public int total() {
            return total;
        }

        /** The instruction as the Dockerfile has it, e.g. {@code RUN make}. */
        public String text() {
            return text;
        }

        public State state() {
            return state;
        }

        /** The step's output lines (the last {@value #MAX_LINES_PER_STEP} when it printed more). */
        public List<String> lines() {
            return List.copyOf(lines);
        }

        /** How many early lines were left out to keep the last ones. */
        public int dropped() {
            return dropped;
        }

        private void add(String line) {
            lines.add(line);
            if (lines.size() > MAX_LINES_PER_STEP) {
                lines.removeFirst();
                dropped++;
                pullLines.replaceAll((k, v) -> v - 1);
            }
        }
    }

    private final List<Step> steps = new ArrayList<>();
    private final List<String> preamble = new ArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private String imageId = "";

    public List<Step> steps() {
        return List.copyOf(steps);
    }

    /** Lines before the first step and after the last (warnings, "Successfully built …"). */
    public List<String> preamble() {
        return List.copyOf(preamble);
    }

    /** The step now running, or null. */
    public Step current() {
        return steps.isEmpty() ? null : steps.getLast();
    }

    /** The ID of the last image a stage produced. */
    public String imageId() {
        return imageId;
    }

    /** Reads one message; returns true if the steps changed shape (a step started or changed state). */
    public boolean accept(BuildMessage m) {
        if (!m.imageId().isEmpty()) {
            imageId = m.imageId();
        }
        boolean shape = false;
        if (!m.status().isEmpty()) {
            pullStatus(m.status());
        }
        partial.append(m.stream());
        int nl;
        while ((nl = partial.indexOf("\n")) >= 0) {
            String line = partial.substring(0, nl);
            partial.delete(0, nl + 1);
            shape |= line(line);
        }
        return shape;
    }

    /** The build failed with {@code message}: the step that ran is the failed one. */
    public void fail(String message) {
        if (!partial.isEmpty()) {
            line(partial.toString());
            partial.setLength(0);
        }
        Step s = current();
        if (s != null && s.state == State.RUNNING) {
            s.state = State.FAILED;
        }
        preamble.add(message);
    }

    /** The build succeeded: a step still marked running (the last, whose ID line was its end) is done. */
    public void finish() {
        Step s = current();
        if (s != null && s.state == State.RUNNING) {
            s.state = State.DONE;
        }
    }

    private boolean line(String raw) {
        // dockerd's builder wraps a step's stderr in colour codes, and the reset lands at the start of the next line
        String line = dev.berth.app.logs.AnsiText.strip(raw);
        Matcher step = STEP.matcher(line);
        if (step.matches()) {
            Step last = current();
            if (last != null && last.state == State.RUNNING) {
                last.state = State.DONE;
            }
            steps.add(new Step(Integer.parseInt(step.group(1)), Integer.parseInt(step.group(2)), step.group(3)));
            return true;
        }
        Step s = current();
        if (s == null || line.startsWith("Successfully built") || line.startsWith("Successfully tagged")) {
            preamble.add(line);
            return false;
        }
        if (line.equals(" ---> Using cache")) {
            s.state = State.CACHED;
            return true;
        }
        if (line.startsWith(" ---> Running in ") || line.startsWith("Removing intermediate container")) {
            return false;
        }
        if (DONE.matcher(line).matches() || line.equals(" ---> ")) {
            if (s.state == State.RUNNING) {
                s.state = State.DONE;
                return true;
            }
            return false;
        }
        s.add(line);
        return false;
    }

    /** A base image's pull line: "id: Downloading [==> ] 1MB/2MB" replaces the same layer's earlier line. */
    private void pullStatus(String status) {
        Step s = current();
        if (s == null) {
            preamble.add(status);
            return;
        }
        int colon = status.indexOf(": ");
        String key = colon > 0 ? status.substring(0, colon) : status;
        Integer at = s.pullLines.get(key);
        if (at != null && at >= 0 && at < s.lines.size()) {
            s.lines.set(at, status);
        } else {
            s.pullLines.put(key, s.lines.size());
            s.add(status);
        }
    }
}
