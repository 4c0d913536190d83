package dev.berth.runtime.build.steps;

import dev.berth.runtime.build.BuildRequest;
import dev.berth.runtime.build.context.BuildContext;
import dev.berth.dockerfile.instructions.BuildPlan;
import dev.berth.dockerfile.shell.ShellLex;
import dev.berth.runtime.errors.EngineException;
import dev.berth.runtime.image.progress.ProgressMessage;
import dev.berth.runtime.image.progress.ProgressSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One build as it runs: the request, its context and plan, where its scratch files go, the stream the client
 * reads, the step counter for {@code Step N/M}, and the cancellation that a client hanging up triggers.
 */
public final class BuildSession {
    private final BuildRequest request;
    private final BuildContext context;
    private final BuildPlan plan;
    private final Path workDir;
    private final ProgressSink out;
    private final BuildCancellation cancellation;
    private final BuildArgs args;
    private final ShellLex lex;
    private final AtomicInteger step = new AtomicInteger();
    private final AtomicInteger scratch = new AtomicInteger();
    private int totalSteps;
    private dev.berth.runtime.build.cache.CacheFrom cacheFrom = new dev.berth.runtime.build.cache.CacheFrom();
    private final java.util.Map<String, BuildRoot> sourceRoots = new java.util.HashMap<>();

    public BuildSession(BuildRequest request, BuildContext context, BuildPlan plan, Path workDir, ProgressSink out,
            BuildCancellation cancellation, BuildArgs args) {
        this.request = request;
        this.context = context;
        this.plan = plan;
        this.workDir = workDir;
        this.out = out;
        this.cancellation = cancellation;
        this.args = args;
        this.lex = new ShellLex(plan.escape());
    }

    public BuildRequest request() {
        return request;
    }

    public BuildContext context() {
        return context;
    }

    public BuildPlan plan() {
        return plan;
    }

    public BuildCancellation cancellation() {
        return cancellation;
    }

    public BuildArgs args() {
        return args;
    }

    ShellLex lex() {
        return lex;
    }

    public void totalSteps(int total) {
        this.totalSteps = total;
    }

    /** The images of {@code --cache-from}. */
    dev.berth.runtime.build.cache.CacheFrom cacheFrom() {
        return cacheFrom;
    }

    public void cacheFrom(dev.berth.runtime.build.cache.CacheFrom sources) {
        this.cacheFrom = sources;
    }

    /** Prints {@code Step N/M : text}. */
    void beginStep(String text) {
        say("Step " + step.incrementAndGet() + "/" + totalSteps + " : " + text + "\n");
    }

    /** One line (or any text) of the build's output. */
    public void say(String text) {
        cancellation.check();
        out.emit(ProgressMessage.stream(text));
    }

    /** Any message of the stream (pull progress, aux). */
    public void emit(ProgressMessage message) {
        out.emit(message);
    }

    /**
     * A stage's or image's files mounted for reading ({@code COPY --from}), once per build and image; unmounted by
     * {@link #close()}.
     */
    Path sourceRoot(Stages.Source source, BuildTools tools) {
        String key = source.imageId() == null ? "scratch" : source.imageId().toString();
        BuildRoot root = sourceRoots.get(key);
        if (root == null) {
            root = BuildRoot.mount(tools.overlay(), tools.images().layers(), source.layers(), scratchDir("source"));
            sourceRoots.put(key, root);
        }
        return root.path();
    }

    /** Unmounts what the build mounted for reading. */
    public void close() {
        sourceRoots.values().forEach(BuildRoot::close);
        sourceRoots.clear();
    }

    /** A fresh directory for a step's scratch files, under the build's work dir (hence under the data root). */
    Path scratchDir(String prefix) {
        Path dir = workDir.resolve(prefix + "-" + scratch.incrementAndGet());
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new EngineException("cannot create " + dir + ": " + e.getMessage(), e);
        }
        return dir;
    }
}
