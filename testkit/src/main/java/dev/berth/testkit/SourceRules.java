package dev.berth.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Rules on a module's source tree that class files cannot show, for the architecture tests of every module. */
public final class SourceRules {
    private SourceRules() {}

    /** The directories under {@code sourceRoot} that hold Java classes but no {@code package-info.java}. */
    public static List<Path> packagesWithoutComment(Path sourceRoot) {
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            return files.filter(f -> f.toString().endsWith(".java")).map(Path::getParent).distinct()
                    .filter(dir -> !Files.exists(dir.resolve("package-info.java"))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The Java files under {@code sourceRoot} longer than {@code maxLines} lines, as paths relative to it: a class
     * that size does several jobs (the rule of docs/ARCHITECTURE.md: split it by responsibility).
     */
    public static List<String> filesLongerThan(Path sourceRoot, int maxLines) {
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            return files.filter(f -> f.toString().endsWith(".java")).filter(f -> lines(f) > maxLines)
                    .map(f -> sourceRoot.relativize(f).toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
