package dev.berth.runtime.build.steps;

import dev.berth.runtime.build.context.ContextReader;
import dev.berth.runtime.build.context.DirectoryTree;
import dev.berth.runtime.build.context.SourceTree;
import dev.berth.dockerfile.ignore.PathGlob;
import dev.berth.dockerfile.Heredoc;
import dev.berth.dockerfile.instructions.Instruction;
import dev.berth.dockerfile.shell.ShellLex;
import dev.berth.runtime.common.Compression;
import dev.berth.runtime.container.run.ContainerPaths;
import dev.berth.runtime.container.files.TarExtractor;
import dev.berth.runtime.errors.EngineException;
import dev.berth.runtime.errors.InvalidArgumentException;
import dev.berth.runtime.errors.NotFoundException;
import dev.berth.runtime.storage.Layer;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * COPY and ADD. Sources come from the context, from a stage or image ({@code --from}), from a heredoc, or (ADD) from
 * a URL; wildcards match within the source; each source is digested by {@link TreeDigest} for the cache key, as the
 * classic builder's {@code file:<hash>} is. Destination rules are Docker's: a directory source copies its contents,
 * a file goes into the destination when that ends in {@code /} or is a directory in the image, several sources need
 * a destination ending in {@code /}; ADD unpacks local tar archives (any compression) into the destination.
 * Context files become {@code root:root}, files from {@code --from} keep their owners, {@code --chown} (names from the
 * image's own passwd and group files) and {@code --chmod} override both.
 */
final class CopyStep {
    private final BuildTools tools;
    private final BuildSession session;
    private final Stages stages;

    CopyStep(BuildTools tools, BuildSession session, Stages stages) {
        this.tools = tools;
        this.session = session;
        this.stages = stages;
    }

    /** The kinds of source. */
    private enum Kind { PATH, ARCHIVE, CONTENT }

    /**
     * One source: an entry of a tree (file, link or directory; an archive ADD unpacks), or content (heredoc, download).
     *
     * @param name  the name it gets when copied into a directory
     * @param label {@code file}, {@code dir}: how the history names it
     */
    private record Source(Kind kind, SourceTree.Entry entry, String name, byte[] content, int mode, Instant mtime,
            String digest, String label) {}

    StepPlan plan(BuildState s, Instruction.Copy c) {
        ShellLex lex = session.lex();
        ShellLex.Env env = s.expansionEnv();
        String from = c.from() == null ? null : lex.word(c.from(), env);
        String chown = c.chown() == null ? null : lex.word(c.chown(), env);
        Integer chmod = c.chmod() == null ? null : chmod(lex.word(c.chmod(), env));
        String destRaw = lex.word(c.dest(), env);
        if (destRaw.isEmpty()) {
            throw new InvalidArgumentException(c.name() + " needs a destination (line " + c.node().startLine() + ")");
        }
        boolean keepOwner = from != null;
        SourceTree tree = from == null ? session.context().files()
                : new DirectoryTree(session.sourceRoot(stages.source(from, s.stage()), tools), tools.sys());
        List<Source> sources = new ArrayList<>();
        int heredoc = 0;
        for (String raw : c.sources()) {
            Optional<Heredoc> doc = heredocFor(raw, c.heredocs(), heredoc);
            if (doc.isPresent()) {
                heredoc++;
                Heredoc h = doc.get();
                String text = h.expand() ? lex.heredoc(h.content(), env) : h.content();
                byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                sources.add(new Source(Kind.CONTENT, null, h.name(), bytes, 0644, Instant.now(),
                        hex(bytes), "file"));
                continue;
            }
            String src = lex.word(raw, env);
            if (c.add() && UrlDownload.isUrl(src)) {
                String checksum = c.checksum() == null ? null : lex.word(c.checksum(), env);
                UrlDownload.Downloaded d = UrlDownload.fetch(tools.http().get(), src, session.scratchDir("url"),
                        checksum);
                try {
                    sources.add(new Source(Kind.CONTENT, null, d.name(), Files.readAllBytes(d.file()), 0600, d.mtime(),
                            d.sha256(), "file"));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                continue;
            }
            sources.addAll(local(tree, src, c, from));
        }
        if (sources.size() > 1 && !destRaw.endsWith("/")) {
            throw new InvalidArgumentException("When using " + c.name()
                    + " with more than one source file, the destination must be a directory and end with a /");
        }
        List<String> digests = new ArrayList<>();
        List<Source> planned = new ArrayList<>();
        for (Source src : sources) {
            if (src.kind() == Kind.CONTENT) {
                planned.add(src);
                digests.add(src.label() + ":" + src.digest() + ":" + Integer.toOctalString(src.mode()));
                continue;
            }
            SourceTree.Entry e = src.entry();
            boolean archive = c.add() && e.kind() == SourceTree.Kind.FILE && isArchive(tree, e);
            String d = archive ? tree.digest(e) : TreeDigest.of(tree, e, keepOwner);
            String label = e.isDirectory() ? "dir" : "file";
            planned.add(new Source(archive ? Kind.ARCHIVE : Kind.PATH, e, src.name(), null, 0, null, d, label));
            digests.add(label + ":" + d);
        }
        String what = digests.size() == 1 ? digests.getFirst().replaceAll(":[0-7]+$", "")
                : "multi:" + hex(String.join("\n", digests).getBytes(StandardCharsets.UTF_8));
        String dest = absolute(destRaw, s.workingDir());
        boolean destIsDir = destRaw.endsWith("/") || destRaw.endsWith("/.") || destRaw.equals(".")
                || sources.size() > 1;
        StringBuilder text = new StringBuilder(c.name()).append(' ');
        if (chown != null) {
            text.append("--chown=").append(chown).append(' ');
        }
        if (chmod != null) {
            text.append("--chmod=").append(Integer.toOctalString(chmod)).append(' ');
        }
        if (from != null) {
            text.append("--from=").append(from).append(' ');
        }
        text.append(what).append(" in ").append(dest).append(' ');
        List<String> stepCmd = new ArrayList<>(s.shell());
        stepCmd.add("#(nop) " + text);
        return StepPlan.work(String.join(" ", stepCmd), "", stepCmd,
                () -> apply(s, tree, planned, dest, destIsDir, chown, chmod, keepOwner));
    }

    /** The heredoc a source word names ({@code <<EOF}), taken in order. */
    private static Optional<Heredoc> heredocFor(String raw, List<Heredoc> heredocs, int next) {
        if (!raw.matches("\\d*<<-?[\"']?[^<]+[\"']?") || next >= heredocs.size()) {
            return Optional.empty();
        }
        String name = raw.replaceFirst("^\\d*<<-?", "").replace("\"", "").replace("'", "");
        Heredoc h = heredocs.get(next);
        return h.name().equals(name) ? Optional.of(h) : Optional.empty();
    }

    /** A source in the context or in a stage's files: one path, or what a wildcard matches. */
    private List<Source> local(SourceTree tree, String src, Instruction.Copy c, String from) {
        String cleaned = PathGlob.clean(src.startsWith("/") ? src.substring(1) : src);
        if (cleaned.equals("..") || cleaned.startsWith("../")) {
            throw new InvalidArgumentException(c.name() + " failed: forbidden path outside the build context: " + src);
        }
        List<Source> out = new ArrayList<>();
        if (PathGlob.hasMeta(cleaned)) {
            Pattern pattern = PathGlob.compile(cleaned);
            for (String match : walk(tree, cleaned)) {
                if (pattern.matcher(match).matches()) {
                    tree.lookup(match, true).ifPresent(
                            e -> out.add(new Source(Kind.PATH, e, baseName(match), null, 0, null, null, null)));
                }
            }
            if (out.isEmpty()) {
                throw new InvalidArgumentException(c.name() + " failed: no source files were specified");
            }
            return out;
        }
        SourceTree.Entry e = tree.lookup(cleaned.equals(".") ? "" : cleaned, true)
                .orElseThrow(() -> new NotFoundException(
                        c.name() + " failed: "
                                + (from == null ? "file not found in build context or excluded by .dockerignore: " : "")
                                + "stat " + src + ": file does not exist"));
        out.add(new Source(Kind.PATH, e, cleaned.equals(".") ? "" : baseName(cleaned), null, 0, null, null, null));
        return out;
    }

    /** Relative paths under the pattern's fixed leading directories, sorted. */
    private static List<String> walk(SourceTree tree, String pattern) {
        StringBuilder prefix = new StringBuilder();
        for (String part : pattern.split("/")) {
            if (PathGlob.hasMeta(part)) {
                break;
            }
            prefix.append(prefix.isEmpty() ? "" : "/").append(part);
        }
        List<String> out = new ArrayList<>();
        tree.lookup(prefix.toString(), true).filter(SourceTree.Entry::isDirectory)
                .ifPresent(start -> collect(tree, start, prefix.toString(), out));
        out.sort(null);
        return out;
    }

    private static void collect(SourceTree tree, SourceTree.Entry dir, String rel, List<String> out) {
        for (SourceTree.Entry child : tree.children(dir)) {
            String path = rel.isEmpty() ? child.name() : rel + "/" + child.name();
            out.add(path);
            if (child.isDirectory()) {
                collect(tree, child, path, out);
            }
        }
    }

    private StepPlan.Result apply(BuildState s, SourceTree tree, List<Source> sources, String dest, boolean destIsDir,
            String chown, Integer chmod, boolean keepOwner) {
        try (BuildRoot root = BuildRoot.mount(tools.overlay(), tools.images().layers(), s.layers(),
                session.scratchDir("copy"))) {
            int[] owner = chown != null ? Chown.resolve(root.path(), chown) : keepOwner ? null : new int[]{0, 0};
            int[] dirOwner = owner == null ? new int[]{0, 0} : owner;
            TreeCopier copier = new TreeCopier(tools.sys());
            TreeCopier.Attrs attrs = new TreeCopier.Attrs(owner, chmod);
            for (Source src : sources) {
                session.cancellation().check();
                switch (src.kind()) {
                    case ARCHIVE -> {
                        Path dir = Dirs.mkdirs(tools.sys(), root.path(), dest, dirOwner);
                        try (InputStream in = new BufferedInputStream(Compression.decompress(tree.open(src.entry())))) {
                            new TarExtractor(tools.sys(), root.path(), ContainerPaths.toContainerPath(root.path(), dir),
                                    Optional.empty(), false).extract(in);
                        }
                    }
                    case CONTENT -> copier.write(src.content(),
                            target(root.path(), dest, destIsDir, src.name(), dirOwner),
                            owner == null ? new int[]{0, 0} : owner, chmod != null ? chmod : src.mode(), src.mtime());
                    case PATH -> {
                        if (src.entry().isDirectory()) {
                            boolean existed = Files.isDirectory(ContainerPaths.resolve(root.path(), dest, true));
                            Path dir = Dirs.mkdirs(tools.sys(), root.path(), dest, dirOwner);
                            copier.copyChildren(tree, src.entry(), dir, attrs);
                            if (!existed) {
                                tools.sys().chmod(dir, chmod != null ? chmod : src.entry().mode() & 07777);
                            }
                        } else {
                            copier.copy(tree, src.entry(), target(root.path(), dest, destIsDir, src.name(), dirOwner),
                                    attrs);
                        }
                    }
                }
            }
            Layer layer = root.commit(tools.images().layers(), s.topChainId());
            return new StepPlan.Result(layer, null);
        } catch (IOException e) {
            throw new EngineException("copying files failed: " + e.getMessage(), e);
        }
    }

    /** Where a single file goes: into {@code dest} if that is (or must be) a directory, else {@code dest} itself. */
    private Path target(Path root, String dest, boolean destIsDir, String name, int[] dirOwner) throws IOException {
        Path resolved = ContainerPaths.resolve(root, dest, true);
        if (destIsDir || Files.isDirectory(resolved)) {
            return Dirs.mkdirs(tools.sys(), root, dest, dirOwner).resolve(name);
        }
        String parent = dest.substring(0, Math.max(dest.lastIndexOf('/'), 0));
        return Dirs.mkdirs(tools.sys(), root, parent.isEmpty() ? "/" : parent, dirOwner).resolve(baseName(dest));
    }

    /** ADD unpacks a local file that is a tar archive, compressed or not. */
    private static boolean isArchive(SourceTree tree, SourceTree.Entry file) {
        try (InputStream in = new BufferedInputStream(Compression.decompress(tree.open(file)))) {
            byte[] head = in.readNBytes(512);
            return ContextReader.isTar(head);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The destination as an absolute path: relative ones are under WORKDIR. */
    static String absolute(String dest, String workingDir) {
        String path = dest.startsWith("/") ? dest : workingDir.replaceAll("/+$", "") + "/" + dest;
        String cleaned = PathGlob.clean(path);
        return cleaned.startsWith("/") ? cleaned : "/" + cleaned;
    }

    private static Integer chmod(String text) {
        if (!text.matches("[0-7]{1,4}")) {
            throw new InvalidArgumentException(
                    "invalid chmod parameter: " + text + " (expected octal permissions such as 0755)");
        }
        return Integer.parseInt(text, 8);
    }

    private static String baseName(String path) {
        String p = path.replaceAll("/+$", "");
        return p.substring(p.lastIndexOf('/') + 1);
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(TreeDigest.sha256().digest(bytes));
    }
}
