package dev.berth.dockerfile.ignore;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code .dockerignore} patterns with moby's {@code patternmatcher} rules: lines trimmed, {@code #} comments and blank
 * lines skipped, paths cleaned and a leading {@code /} dropped; {@code *} and {@code ?} stay within one path element,
 * {@code **} crosses any number of them; a matched directory excludes everything below it; {@code !} re-includes; the
 * last pattern that matches decides.
 */
public final class DockerIgnore {
    private record Rule(Pattern regex, boolean exclusion, String text) {}

    private final List<Rule> rules;

    private DockerIgnore(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The patterns of a {@code .dockerignore} file's text. */
    public static DockerIgnore parse(String text) {
        List<Rule> rules = new ArrayList<>();
        for (String raw : text.split("\r?\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            boolean exclusion = line.startsWith("!");
            if (exclusion) {
                line = line.substring(1).strip();
            }
            String cleaned = PathGlob.clean(line);
            if (cleaned.length() > 1 && cleaned.startsWith("/")) {
                cleaned = cleaned.substring(1);
            }
            rules.add(new Rule(PathGlob.compile(cleaned), exclusion, cleaned));
        }
        return new DockerIgnore(rules);
    }

    /** No patterns at all. */
    public static DockerIgnore none() {
        return new DockerIgnore(List.of());
    }

    /** True if nothing is ignored. */
    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /**
     * Whether files below the ignored directory {@code dir} may still be included by an exception ({@code !dir/keep}):
     * then the directory must be walked, as the docker CLI does, instead of skipped whole.
     */
    public boolean mayIncludeBelow(String dir) {
        String prefix = PathGlob.clean(dir) + "/";
        for (Rule rule : rules) {
            if (rule.exclusion && (rule.text + "/").startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** True if {@code path} (relative, {@code /}-separated) is ignored, by itself or through a parent directory. */
    public boolean ignored(String path) {
        String file = PathGlob.clean(path);
        if (file.startsWith("/")) {
            file = file.substring(1);
        }
        String[] parents = file.split("/");
        boolean matched = false;
        for (Rule rule : rules) {
            boolean match = rule.regex.matcher(file).matches();
            for (int i = 1; !match && i < parents.length; i++) {
                match = rule.regex.matcher(String.join("/", java.util.Arrays.copyOf(parents, i))).matches();
            }
            if (match) {
                matched = !rule.exclusion;
            }
        }
        return matched;
    }
}
