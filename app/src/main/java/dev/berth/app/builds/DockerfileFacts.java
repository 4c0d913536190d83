package dev.berth.app.builds;

import dev.berth.dockerfile.DockerfileException;
import dev.berth.dockerfile.DockerfileParser;
import dev.berth.dockerfile.Node;
import dev.berth.dockerfile.ParsedDockerfile;
import dev.berth.dockerfile.instructions.BuildPlan;
import dev.berth.dockerfile.instructions.Stage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * What the build form reads from a folder before any build: the Dockerfiles in it (top level and one level down),
 * and a Dockerfile's named stages (the targets) and the line of each instruction (to point at a failed step).
 *
 * @param stages the named stages, in order
 * @param nodes  every instruction with its lines; empty when the Dockerfile does not parse
 * @param problem why the Dockerfile does not parse, or empty
 */
public record DockerfileFacts(List<String> stages, List<Node> nodes, String problem) {
    private static final long MAX_READ = DockerfileParser.MAX_BYTES;

    /** The Dockerfiles of {@code folder}, as paths relative to it; {@code Dockerfile} first when it is there. */
    public static List<String> dockerfiles(Path folder) {
        List<String> out = new ArrayList<>();
        if (folder == null || !Files.isDirectory(folder)) {
            return out;
        }
        try (Stream<Path> s = Files.walk(folder, 2)) {
            s.filter(Files::isRegularFile).map(p -> folder.relativize(p).toString().replace('\\', '/'))
                    .filter(DockerfileFacts::looksLikeDockerfile).sorted().forEach(out::add);
        } catch (IOException | java.io.UncheckedIOException e) {
            return out;
        }
        out.sort((a, b) -> a.equals("Dockerfile") ? -1 : b.equals("Dockerfile") ? 1 : 0);
        return out;
    }

    static boolean looksLikeDockerfile(String rel) {
        String name = rel.substring(rel.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return !rel.contains("/.")
                && (name.equals("dockerfile") || name.equals("containerfile") || name.startsWith("dockerfile.")
                        || name.endsWith(".dockerfile"));
    }

    /** Reads {@code file}; a Dockerfile that does not parse gives no stages and says why. */
    public static DockerfileFacts read(Path file) {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_READ) {
                return new DockerfileFacts(List.of(), List.of(), "");
            }
            ParsedDockerfile parsed = DockerfileParser.parse(Files.readString(file, StandardCharsets.UTF_8));
            BuildPlan plan = BuildPlan.of(parsed);
            List<String> stages = plan.stages().stream().map(Stage::name).filter(n -> n != null).toList();
            return new DockerfileFacts(stages, parsed.nodes(), "");
        } catch (DockerfileException e) {
            return new DockerfileFacts(List.of(), List.of(), e.getMessage());
        } catch (IOException | java.io.UncheckedIOException e) {
            return new DockerfileFacts(List.of(), List.of(), "");
        }
    }

    /** The first line of the instruction a step printed as {@code text}, or 0 when it cannot be told. */
    public int lineOf(String text) {
        for (Node n : nodes) {
            if (n.original().equals(text)) {
                return n.startLine();
            }
        }
        return 0;
    }
}
