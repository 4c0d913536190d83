package dev.berth.runtime.check;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code berthd check [--repair]}: reads the data root and says what is wrong; with repair, removes what is half-made
 * and checks again. The caller holds the data root's lock, so no berthd changes it meanwhile.
 */
public final class DataRootCheck {
    private static final int MAX_REPAIR_ROUNDS = 5;

    private final Path root;

    public DataRootCheck(Path root) {
        this.root = root;
    }

    /** Everything wrong, images and layers first. */
    public List<Finding> findings() throws IOException {
        List<Finding> all = new ArrayList<>(new StorageCheck(root).run());
        all.addAll(new RecordCheck(root).run());
        return all;
    }

    /**
     * Checks (and repairs when asked), printing one line per finding and a summary; returns the exit status:
     * 0 when nothing is wrong (any more), 1 when something is.
     */
    public int run(boolean repair, PrintStream out) throws IOException {
        if (!Files.isDirectory(root)) {
            out.println("berthd check: " + root + " is not a data root (no such directory)");
            return 1;
        }
        List<Finding> found = findings();
        found.forEach(f -> out.println(f));
        // A repair can uncover more (a layer whose parent was half-made goes, then the images on it): look again
        // until nothing repairable is left, a few rounds at most.
        for (int round = 0; repair && round < MAX_REPAIR_ROUNDS
                && found.stream().anyMatch(Finding::repairable); round++) {
            long repaired = 0;
            for (Finding f : found) {
                if (f.repairable()) {
                    f.repair().run();
                    repaired++;
                }
            }
            out.println("berthd check: repaired " + repaired);
            found = findings();
            found.forEach(f -> out.println("still: " + f));
        }
        out.println("berthd check: " + root + (found.isEmpty() ? ": clean" : ": " + found.size() + " problem"
                + (found.size() == 1 ? "" : "s")
                + (repair ? "" : "; berthd check --repair removes what is half-made")));
        return found.isEmpty() ? 0 : 1;
    }
}
