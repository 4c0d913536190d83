package dev.berth.runtime.build.context;

import dev.berth.runtime.build.dockerfile.DockerfileParser;
import dev.berth.runtime.errors.EngineException;
import dev.berth.runtime.errors.InvalidArgumentException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Finds and reads the Dockerfile in a context ({@code dockerfile} is a path inside it; the default {@code Dockerfile}
 * falls back to {@code dockerfile}, as moby does), then drops the Dockerfile and {@code .dockerignore} from the
 * context when {@code .dockerignore} names them, so that {@code COPY . .} does not copy them — the one part of
 * {@code .dockerignore} dockerd applies itself; the client applies the rest before sending.
 */
public final class ContextDockerfile {
    private ContextDockerfile() {
    }

    /** The Dockerfile's text. */
    public static String read(BuildContext context, String name) {
        Path file = context.resolve(name, true);
        String found = name;
        if (!Files.isRegularFile(file) && name.equals("Dockerfile")) {
            file = context.resolve("dockerfile", true);
            found = "dockerfile";
        }
        if (!Files.isRegularFile(file)) {
            throw new InvalidArgumentException("Cannot locate specified Dockerfile: " + name);
        }
        try {
            long size = Files.size(file);
            if (size > DockerfileParser.MAX_BYTES) {
                throw new InvalidArgumentException("the Dockerfile " + name + " has " + size + " bytes; berthd reads at most "
                        + DockerfileParser.MAX_BYTES / (1024 * 1024) + " MiB");
            }
            String text = Files.readString(file, StandardCharsets.UTF_8);
            dropIgnored(context, found);
            return text;
        } catch (java.nio.charset.MalformedInputException e) {
            throw new InvalidArgumentException("the Dockerfile " + name + " is not UTF-8 text");
        } catch (IOException e) {
            throw new EngineException("cannot read the Dockerfile " + name + ": " + e.getMessage(), e);
        }
    }

    private static void dropIgnored(BuildContext context, String dockerfile) throws IOException {
        Path ignoreFile = context.resolve(".dockerignore", false);
        if (!Files.isRegularFile(ignoreFile, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        DockerIgnore ignore = DockerIgnore.parse(Files.readString(ignoreFile, StandardCharsets.UTF_8));
        String cleaned = PathGlob.clean(dockerfile.startsWith("/") ? dockerfile.substring(1) : dockerfile);
        if (ignore.ignored(cleaned)) {
            Files.deleteIfExists(context.resolve(cleaned, false));
        }
        if (ignore.ignored(".dockerignore")) {
            Files.deleteIfExists(ignoreFile);
        }
    }
}
