package dev.berth.runtime.build;

import dev.berth.runtime.build.cache.CacheFrom;
import dev.berth.runtime.build.context.BuildContext;
import dev.berth.runtime.build.context.ContextDockerfile;
import dev.berth.runtime.build.context.ContextReader;
import dev.berth.runtime.build.context.RemoteContext;
import dev.berth.dockerfile.DockerfileParser;
import dev.berth.dockerfile.Node;
import dev.berth.dockerfile.ParsedDockerfile;
import dev.berth.dockerfile.instructions.BuildPlan;
import dev.berth.dockerfile.instructions.Instruction;
import dev.berth.dockerfile.instructions.Stage;
import dev.berth.runtime.build.steps.BuildArgs;
import dev.berth.runtime.build.steps.BuildCancellation;
import dev.berth.runtime.build.steps.BuildSession;
import dev.berth.runtime.build.steps.BuildState;
import dev.berth.runtime.build.steps.BuildTools;
import dev.berth.runtime.build.steps.Stages;
import dev.berth.runtime.common.TreeDeleter;
import dev.berth.runtime.errors.EngineException;
import dev.berth.runtime.digest.Digest;
import dev.berth.runtime.image.oci.Platform;
import dev.berth.runtime.image.progress.ProgressSink;
import dev.berth.runtime.image.reference.ImageReference;
import dev.berth.runtime.linux.MountSyscalls;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code docker build}: reads the context and the Dockerfile, builds the target stage (and the stages it needs) step
 * by step, tags the result and reports as dockerd's classic builder does ({@code Step N/M}, {@code Successfully
 * built}, {@code Successfully tagged}). Each build works in its own directory under {@code <data-root>/build/tmp},
 * removed afterwards; what a killed engine left there is removed at the next start.
 */
public final class ImageBuilder {
    private static final System.Logger LOG = System.getLogger("berth.build");

    private final BuildTools tools;
    private final Path tmp;
    private final MountSyscalls mounts;
    private final ContextReader contexts;
    private final RemoteContext remote;

    public ImageBuilder(BuildTools tools, Path dataRoot, MountSyscalls mounts) {
        this.tools = tools;
        this.tmp = dataRoot.toAbsolutePath().resolve("build").resolve("tmp");
        this.mounts = mounts;
        this.contexts = new ContextReader();
        this.remote = new RemoteContext(tools.http(), contexts);
        removeLeftovers();
    }

    /** Builds from {@code body} (or the request's remote context); returns the image ID. */
    public Digest build(BuildRequest request, InputStream body, ProgressSink out, BuildCancellation cancellation)
            throws InterruptedException {
        long started = System.nanoTime();
        Path workDir;
        try {
            Files.createDirectories(tmp);
            workDir = Files.createTempDirectory(tmp, "b-");
        } catch (IOException e) {
            throw new EngineException("cannot create a build directory under " + tmp + ": " + e.getMessage(), e);
        }
        BuildSession session = null;
        try (BuildContext context = request.remote() != null
                ? remote.fetch(request.remote(), workDir, request.dockerfileName())
                : contexts.read(body, workDir, request.dockerfileName())) {
            LOG.log(System.Logger.Level.DEBUG,
                    () -> "build context ready after " + (System.nanoTime() - started) / 1_000_000 + " ms");
            ParsedDockerfile parsed = DockerfileParser.parse(ContextDockerfile.read(context, request.dockerfileName()));
            BuildPlan plan = BuildPlan.of(parsed);
            Stage target = plan.target(request.target());
            Platform platform = request.platform() == null || request.platform().isBlank() ? Platform.host()
                    : Platform.parse(request.platform());
            session = new BuildSession(request, context, plan, workDir, out, cancellation,
                    new BuildArgs(request.buildArgs(), platform));
            for (String warning : parsed.warnings()) {
                session.say("[Warning] " + warning + "\n");
            }
            session.cacheFrom(cacheSources(request));
            Stages stages = new Stages(tools, session);
            List<Instruction> labels = labels(request.labels());
            session.totalSteps(stages.countSteps(target) + labels.size());
            for (Stage stage : stages.needed(target)) {
                if (stage != target) {
                    stages.build(stage, List.of());
                }
            }
            BuildState result = stages.build(target, labels);
            List<String> unused = session.args().unused();
            if (!unused.isEmpty()) {
                session.say("[Warning] One or more build-args " + unused + " were not consumed\n");
            }
            Digest id = result.imageId();
            session.say("Successfully built " + id.shortHex() + "\n");
            for (ImageReference tag : request.tags()) {
                tools.images().registrar().tag(id, tag);
                session.say("Successfully tagged " + tag.familiarString() + "\n");
            }
            return id;
        } finally {
            if (session != null) {
                session.close();
            }
            cleanUp(workDir);
        }
    }

    /** The {@code cachefrom} images that are here (dockerd ignores the others too), with their parents. */
    private CacheFrom cacheSources(BuildRequest request) {
        List<CacheFrom.Source> sources = new ArrayList<>();
        Set<Digest> lineage = new HashSet<>();
        for (String name : request.cacheFrom()) {
            tools.images().resolver().find(name).ifPresent(image -> {
                sources.add(new CacheFrom.Source(image, tools.images().configs().get(image.id())));
                for (var at = Optional.of(image); at.isPresent() && lineage.add(at.get().id());) {
                    at = Optional.ofNullable(at.get().parent()).flatMap(tools.images().store()::byId);
                }
            });
        }
        return new CacheFrom(!request.cacheFrom().isEmpty(), sources, lineage);
    }

    /** The request's labels as one LABEL step at the end of the target stage, as dockerd adds them. */
    private static List<Instruction> labels(Map<String, String> labels) {
        if (labels.isEmpty()) {
            return List.of();
        }
        List<Instruction.KeyValue> pairs = new ArrayList<>();
        StringBuilder text = new StringBuilder("LABEL");
        labels.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            pairs.add(new Instruction.KeyValue(singleQuoted(e.getKey()), singleQuoted(e.getValue())));
            text.append(' ').append(e.getKey()).append('=').append(e.getValue());
        });
        Node node = new Node("label", text.substring(6), text.toString(), List.of(), 0, 0);
        return List.of(new Instruction.Label(node, pairs));
    }

    /** A word that expands to exactly {@code s}. */
    private static String singleQuoted(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private void removeLeftovers() {
        if (Files.isDirectory(tmp)) {
            cleanUp(tmp);
        }
    }

    /** Unmounts whatever is still mounted under {@code dir} (a build that failed mid-step), then deletes it. */
    private void cleanUp(Path dir) {
        try {
            String prefix = dir.toAbsolutePath().normalize() + "/";
            List<Path> mounted = new ArrayList<>();
            for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
                String[] f = line.split(" ");
                if (f.length > 4 && f[4].replace("\\040", " ").startsWith(prefix)) {
                    mounted.add(Path.of(f[4].replace("\\040", " ")));
                }
            }
            for (Path m : mounted.reversed()) {
                try {
                    mounts.umount2(m, MountSyscalls.MNT_DETACH);
                } catch (IOException | RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "cannot unmount " + m + ": " + e.getMessage());
                }
            }
            TreeDeleter.delete(dir);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot remove build directory " + dir + ": " + e.getMessage());
        }
    }
}
