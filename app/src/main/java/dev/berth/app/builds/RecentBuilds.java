package dev.berth.app.builds;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The last builds, newest first, kept as JSON wherever the app keeps its settings (the shell passes how to load and
 * save the text, so this feature does not reach into Settings). A build of the same folder, Dockerfile and names
 * replaces its earlier entry.
 */
public final class RecentBuilds {
    static final int MAX = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Supplier<String> load;
    private final Consumer<String> save;

    public RecentBuilds(Supplier<String> load, Consumer<String> save) {
        this.load = load;
        this.save = save;
    }

    /** A store that forgets (tests, and where nothing may be written). */
    public static RecentBuilds inMemory() {
        String[] text = {"[]"};
        return new RecentBuilds(() -> text[0], t -> text[0] = t);
    }

    public List<RecentBuild> list() {
        try {
            String text = load.get();
            return text == null || text.isBlank() ? List.of()
                    : JSON.readValue(text, new TypeReference<List<RecentBuild>>() {});
        } catch (Exception corrupt) {
            return List.of(); // an entry edited into nonsense is dropped, not fatal
        }
    }

    /** Remembers {@code build} first. */
    public List<RecentBuild> add(RecentBuild build) {
        List<RecentBuild> out = new ArrayList<>();
        out.add(build);
        for (RecentBuild b : list()) {
            boolean same = b.folder().equals(build.folder()) && b.dockerfile().equals(build.dockerfile())
                    && b.tags().equals(build.tags());
            if (!same && out.size() < MAX) {
                out.add(b);
            }
        }
        try {
            save.accept(JSON.writeValueAsString(out));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
