package dev.berth.runtime.build.context;

import dev.berth.dockerfile.ignore.DockerIgnore;
import dev.berth.dockerfile.DockerfileParser;
import dev.berth.runtime.errors.EngineException;
import dev.berth.runtime.errors.InvalidArgumentException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.io.InputStream;
import java.util.Optional;

/**
 * Finds and reads the Dockerfile in a context ({@code dockerfile} is a path inside it; the default {@code Dockerfile}
 * falls back to {@code dockerfile}, as moby does), then drops the Dockerfile and {@code .dockerignore} from the
 * context when {@code .dockerignore} names them, so that {@code COPY . .} does not copy them — the one part of
 * {@code .dockerignore} dockerd applies itself; the client applies the rest before sending.
 */
public final class ContextDockerfile {
    private ContextDockerfile() {}

    /** The Dockerfile's text. */
    public static String read(BuildContext context, String name) {
        TarTree files = context.files();
        Optional<SourceTree.Entry> file = files.lookup(name, true).filter(e -> e.kind() == SourceTree.Kind.FILE);
        if (file.isEmpty() && name.equals("Dockerfile")) {
            file = files.lookup("dockerfile", true).filter(e -> e.kind() == SourceTree.Kind.FILE);
        }
        if (file.isEmpty()) {
            throw new InvalidArgumentException("Cannot locate specified Dockerfile: " + name);
        }
        if (file.get().size() > DockerfileParser.MAX_BYTES) {
            throw new InvalidArgumentException(
                    "the Dockerfile " + name + " has " + file.get().size() + " bytes; berthd reads at most "
                            + DockerfileParser.MAX_BYTES / (1024 * 1024) + " MiB");
        }
        try (InputStream in = files.open(file.get())) {
            String text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(in.readAllBytes()))
                    .toString();
            dropIgnored(files, file.get().path());
            return text;
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new InvalidArgumentException("the Dockerfile " + name + " is not UTF-8 text");
        } catch (IOException e) {
            throw new EngineException("cannot read the Dockerfile " + name + ": " + e.getMessage(), e);
        }
    }

    private static void dropIgnored(TarTree files, String dockerfile) throws IOException {
        Optional<SourceTree.Entry> ignoreFile = files.lookup(".dockerignore", false)
                .filter(e -> e.kind() == SourceTree.Kind.FILE);
        if (ignoreFile.isEmpty()) {
            return;
        }
        String patterns;
        try (InputStream in = files.open(ignoreFile.get())) {
            patterns = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        DockerIgnore ignore = DockerIgnore.parse(patterns);
        if (ignore.ignored(dockerfile)) {
            files.remove(dockerfile);
        }
        if (ignore.ignored(".dockerignore")) {
            files.remove(".dockerignore");
        }
    }
}
