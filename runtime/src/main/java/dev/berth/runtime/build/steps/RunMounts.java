package dev.berth.runtime.build.steps;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.runtime.build.cache.CacheMounts;
import dev.berth.runtime.build.context.DirectoryTree;
import dev.berth.runtime.build.context.SourceTree;
import dev.berth.dockerfile.instructions.Stage;
import dev.berth.runtime.common.Json;
import dev.berth.runtime.errors.InvalidArgumentException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a RUN step's {@code --mount}s into the container's mounts: cache directories lent by {@link CacheMounts},
 * binds of the context or of another stage or image (read-only unless {@code rw}, and then a throw-away copy, so a
 * step never changes the context or a stage), and tmpfs.
 */
final class RunMounts {
    private final BuildTools tools;
    private final BuildSession session;
    private final Stages stages;

    RunMounts(BuildTools tools, BuildSession session, Stages stages) {
        this.tools = tools;
        this.session = session;
        this.stages = stages;
    }

    /** The mounts prepared for one step, and what to release after it. */
    record Prepared(ArrayNode mounts, ObjectNode tmpfs, List<String> targets,
            List<AutoCloseable> resources) implements AutoCloseable {
        @Override
        public void close() {
            for (AutoCloseable r : resources.reversed()) {
                try {
                    r.close();
                } catch (Exception e) {
                    System.getLogger("berth.build").log(System.Logger.Level.WARNING,
                            "cannot release a RUN mount: " + e);
                }
            }
        }
    }

    /** What a mount contributes to the step's cache key. */
    String cacheInputs(RunMount m, Stage stage) {
        return switch (m.type()) {
            case "cache" -> "cache " + m.target() + " " + m.options() + " ro=" + m.readOnly();
            case "tmpfs" -> "tmpfs " + m.target() + " " + m.options();
            default -> {
                String source = m.source() == null ? "/" : m.source();
                if (m.from() == null) {
                    SourceTree files = session.context().files();
                    yield "bind " + m.target() + " " + source + " rw=" + !m.readOnly() + " "
                            + TreeDigest.of(files, existing(files, source), false);
                }
                yield "bind " + m.target() + " from " + stages.source(m.from(), stage).imageId() + " " + source + " rw="
                        + !m.readOnly();
            }
        };
    }

    /** Prepares the mounts; the result must be closed after the step. */
    Prepared prepare(List<RunMount> specs, Stage stage) throws IOException {
        Prepared p = new Prepared(Json.MAPPER.createArrayNode(), Json.MAPPER.createObjectNode(), new ArrayList<>(),
                new ArrayList<>());
        try {
            for (RunMount m : specs) {
                p.targets().add(m.target());
                switch (m.type()) {
                    case "cache" -> {
                        String id = m.options().getOrDefault("id", m.target());
                        CacheMounts.Lease lease = tools.cacheMounts().acquire(id,
                                m.options().getOrDefault("sharing", "shared"),
                                m.number("uid", 0, 10), m.number("gid", 0, 10), m.number("mode", 0755, 8));
                        p.resources().add(lease);
                        p.mounts().add(bind(lease.path(), m.target(), m.readOnly()));
                    }
                    case "tmpfs" -> p.tmpfs().put(m.target(),
                            m.options().containsKey("size") ? "size=" + m.options().get("size") : "");
                    default -> p.mounts().add(bind(bindSource(m, stage, p.resources()), m.target(), m.readOnly()));
                }
            }
            return p;
        } catch (IOException | RuntimeException e) {
            p.close();
            throw e;
        }
    }

    /** The host path a bind mount shows: read-only as it is, or a copy the step may change. */
    private Path bindSource(RunMount m, Stage stage, List<AutoCloseable> resources) throws IOException {
        String source = m.source() == null ? "/" : m.source();
        SourceTree tree;
        if (m.from() == null) {
            tree = session.context().files();
        } else {
            Stages.Source from = stages.source(m.from(), stage);
            BuildRoot root = BuildRoot.mount(tools.overlay(), tools.images().layers(), from.layers(),
                    session.scratchDir("from"));
            resources.add(root);
            tree = new DirectoryTree(root.path(), tools.sys());
        }
        SourceTree.Entry entry = existing(tree, source);
        Optional<Path> host = tree.hostPath(entry);
        if (m.readOnly() && host.isPresent()) {
            return host.get();
        }
        // The context is a tar, and a writable bind must not change its source: the step gets a copy.
        Path copy = session.scratchDir("bind").resolve("data");
        new TreeCopier(tools.sys()).copy(tree, entry, copy, TreeCopier.Attrs.KEEP);
        return copy;
    }

    private static SourceTree.Entry existing(SourceTree tree, String source) {
        return tree.lookup(source, true)
                .orElseThrow(() -> new InvalidArgumentException("RUN --mount source " + source + " does not exist"));
    }

    /** A bind entry of HostConfig.Mounts. */
    static ObjectNode bind(Path source, String target, boolean readOnly) {
        ObjectNode m = Json.MAPPER.createObjectNode();
        m.put("Type", "bind");
        m.put("Source", source.toString());
        m.put("Target", target);
        m.put("ReadOnly", readOnly);
        return m;
    }
}
