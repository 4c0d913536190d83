package dev.berth.runtime.build.steps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.runtime.build.BuildStepException;
import dev.berth.dockerfile.Heredoc;
import dev.berth.dockerfile.instructions.Instruction;
import dev.berth.dockerfile.shell.ShellLex;
import dev.berth.runtime.common.Json;
import dev.berth.runtime.container.ContainerServices;
import dev.berth.runtime.container.lifecycle.AttachBroker;
import dev.berth.runtime.container.lifecycle.Waiters;
import dev.berth.runtime.container.model.Container;
import dev.berth.runtime.container.monitor.AttachConnection;
import dev.berth.runtime.container.monitor.AttachFrame;
import dev.berth.runtime.container.run.RootFs;
import dev.berth.runtime.errors.EngineException;
import dev.berth.runtime.errors.InvalidArgumentException;
import dev.berth.runtime.storage.Layer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * RUN: the command runs in a real container of the current image, through the same runtime, networks and limits as
 * {@code docker run} (default bridge unless {@code networkmode} or {@code RUN --network}), with the build args in its
 * environment only; its output is streamed to the client, and its changes become the step's layer. Heredocs run as
 * BuildKit runs them; {@code --mount} adds bind, cache and tmpfs mounts for the one step.
 */
final class RunStep {
    private final BuildTools tools;
    private final BuildSession session;
    private final RunMounts mounts;

    RunStep(BuildTools tools, BuildSession session, Stages stages) {
        this.tools = tools;
        this.session = session;
        this.mounts = new RunMounts(tools, session, stages);
    }

    /** A command and, for a heredoc script with {@code #!}, the script file it runs. */
    private record Script(List<String> cmd, Heredoc file) {}

    StepPlan plan(BuildState s, Instruction.Run r) {
        ShellLex.Env env = s.expansionEnv();
        List<RunMount> specs = new ArrayList<>();
        for (String m : r.mounts()) {
            specs.add(RunMount.parse(session.lex().word(m, env)));
        }
        Script script = script(s, r);
        Map<String, String> args = argEnv(s);
        List<String> stepCmd = new ArrayList<>();
        if (!args.isEmpty()) {
            stepCmd.add("|" + args.size());
            args.forEach((k, v) -> stepCmd.add(k + "=" + v));
        }
        stepCmd.addAll(script.cmd());
        String network = r.network() != null ? r.network() : session.request().networkMode();
        StringBuilder inputs = new StringBuilder("network=").append(network);
        for (RunMount m : specs) {
            inputs.append('\n').append(mounts.cacheInputs(m, s.stage()));
        }
        if (script.file() != null) {
            inputs.append("\nscript=").append(script.file().content());
        }
        return StepPlan.work(String.join(" ", stepCmd), inputs.toString(), stepCmd,
                () -> execute(s, script, args, specs, network));
    }

    /** The build args a RUN sees: declared ARGs with a value that no ENV overrides, sorted (moby's {@code |N K=V}). */
    private static Map<String, String> argEnv(BuildState s) {
        Map<String, String> env = s.env();
        Map<String, String> out = new TreeMap<>();
        s.args().forEach((k, v) -> {
            if (v != null && !env.containsKey(k)) {
                out.put(k, v);
            }
        });
        return out;
    }

    /** The command: exec form as is; shell form through SHELL; heredocs as BuildKit turns them into commands. */
    private static Script script(BuildState s, Instruction.Run r) {
        List<String> cmd = MetadataSteps.command(s, r.command());
        if (r.heredocs().isEmpty()) {
            return new Script(cmd, null);
        }
        if (!r.command().shellForm()) {
            throw new InvalidArgumentException(
                    "RUN with a heredoc needs the shell form (line " + r.node().startLine() + ")");
        }
        String text = r.command().args().getFirst().strip();
        Heredoc first = r.heredocs().getFirst();
        List<String> shell = s.shell();
        List<String> out = new ArrayList<>(shell);
        if (r.heredocs().size() == 1
                && text.matches("\\d*<<-?[\"']?" + java.util.regex.Pattern.quote(first.name()) + "[\"']?")) {
            if (first.content().startsWith("#!")) {
                // A script with its own interpreter: written to a file and run, as BuildKit does.
                return new Script(List.of("/dev/pipes/" + first.name()), first);
            }
            out.add(first.content());
            return new Script(out, null);
        }
        StringBuilder full = new StringBuilder(r.command().args().getFirst());
        for (Heredoc h : r.heredocs()) {
            full.append('\n').append(h.content()).append(h.name());
        }
        out.add(full.toString());
        return new Script(out, null);
    }

    private StepPlan.Result execute(BuildState s, Script script, Map<String, String> args, List<RunMount> specs,
            String network) {
        if (s.imageId() == null) {
            throw new InvalidArgumentException(
                    "RUN needs files to run: a stage FROM scratch has none until COPY or ADD adds some");
        }
        try (RunMounts.Prepared prepared = mounts.prepare(specs, s.stage())) {
            ArrayNode hostMounts = prepared.mounts();
            if (script.file() != null) {
                Path dir = session.scratchDir("pipes");
                Path file = dir.resolve(script.file().name());
                Files.writeString(file, script.file().content());
                tools.sys().chmod(file, 0755);
                hostMounts.add(RunMounts.bind(dir, "/dev/pipes", true));
            }
            ObjectNode body = containerConfig(s, script.cmd(), args, network, hostMounts, prepared.tmpfs());
            Container c = tools.containers().creator().create(null, body);
            return runContainer(s, c, script.cmd(), prepared.targets());
        } catch (IOException e) {
            throw new EngineException("cannot prepare the RUN step: " + e.getMessage(), e);
        }
    }

    private ObjectNode containerConfig(BuildState s, List<String> cmd, Map<String, String> args, String network,
            ArrayNode hostMounts, ObjectNode tmpfs) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("Image", s.imageId().toString());
        ArrayNode c = body.putArray("Cmd");
        cmd.forEach(c::add);
        body.putArray("Entrypoint"); // RUN never goes through the image's ENTRYPOINT
        ArrayNode env = body.putArray("Env");
        s.env().forEach((k, v) -> env.add(k + "=" + v));
        args.forEach((k, v) -> env.add(k + "=" + v));
        session.args().proxies().forEach((k, v) -> {
            if (!args.containsKey(k) && !s.env().containsKey(k)) {
                env.add(k + "=" + v);
            }
        });
        JsonNode user = s.config().get("User");
        if (user != null && !user.asText().isEmpty()) {
            body.put("User", user.asText());
        }
        body.put("WorkingDir", s.workingDir());
        body.putObject("Healthcheck").putArray("Test").add("NONE");
        body.put("AttachStdout", true);
        body.put("AttachStderr", true);
        ObjectNode host = body.putObject("HostConfig");
        session.request().resources().forEach(host::set);
        if (network != null && !network.isEmpty() && !network.equals("default")) {
            host.put("NetworkMode", network);
        }
        if (!session.request().extraHosts().isEmpty()) {
            ArrayNode hosts = host.putArray("ExtraHosts");
            session.request().extraHosts().forEach(hosts::add);
        }
        if (!hostMounts.isEmpty()) {
            host.set("Mounts", hostMounts);
        }
        if (!tmpfs.isEmpty()) {
            host.set("Tmpfs", tmpfs);
        }
        return body;
    }

    /** Starts the container, streams its output, waits for it, and commits its changes if it succeeded. */
    private StepPlan.Result runContainer(BuildState s, Container c, List<String> cmd, List<String> mountTargets) {
        ContainerServices containers = tools.containers();
        String id = c.id();
        AttachBroker.Pending pending = containers.attach().await(id);
        CompletableFuture<Waiters.Outcome> exit = containers.waiters().nextExit(id);
        session.cancellation().whileRunning(() -> stop(id));
        boolean succeeded = false;
        try {
            session.say(" ---> Running in " + id.substring(0, 12) + "\n");
            boolean started = true;
            String startError = null;
            try {
                containers.runner().start(id);
                if (session.cancellation().cancelled()) {
                    stop(id); // cancelled between create and start
                }
            } catch (EngineException e) {
                started = false;
                startError = e.getMessage();
            }
            if (started) {
                pump(pending);
            }
            Waiters.Outcome outcome = await(exit);
            session.cancellation().check();
            if (!started) {
                throw new BuildStepException(startError, outcome.exitCode() == 0 ? 1 : outcome.exitCode());
            }
            if (outcome.exitCode() != 0) {
                throw new BuildStepException("The command '" + String.join(" ", cmd) + "' returned a non-zero code: "
                        + outcome.exitCode(), outcome.exitCode());
            }
            Path upper = RootFs.upper(containers.store().dir(id));
            MountStubs.remove(upper, mountTargets, s.layers(), tools.images().layers());
            // The container is removed after the step: its upper dir can become the layer as it is. A kept one
            // (--rm=false) keeps its files, so they are copied.
            Layer layer = session.request().rm() ? tools.images().layers().adoptDir(s.topChainId(), upper)
                    : tools.images().layers().commitDir(s.topChainId(), upper);
            succeeded = true;
            return new StepPlan.Result(layer, id);
        } finally {
            session.cancellation().whileRunning(null);
            containers.attach().cancel(id, pending);
            boolean remove = succeeded ? session.request().rm()
                    : session.request().forceRm() || session.cancellation().cancelled();
            if (remove) {
                try {
                    containers.lifecycle().remove(id, true, true);
                } catch (RuntimeException e) {
                    System.getLogger("berth.build").log(System.Logger.Level.WARNING,
                            "cannot remove build container " + id + ": " + e.getMessage());
                }
                if (succeeded) {
                    session.say("Removing intermediate container " + id.substring(0, 12) + "\n");
                }
            }
        }
    }

    /** Copies the container's output into the build stream until the container closes it. */
    private void pump(AttachBroker.Pending pending) {
        AttachConnection conn;
        try {
            conn = pending.connection().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            return; // no output to show; the exit still tells how it ended
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        OutputDecoder stdout = new OutputDecoder();
        OutputDecoder stderr = new OutputDecoder();
        try (conn) {
            Optional<AttachFrame> frame;
            while ((frame = conn.read()).isPresent()) {
                AttachFrame f = frame.get();
                boolean err = f.stream() == 2;
                String text = (err ? stderr : stdout).decode(f.data());
                if (!text.isEmpty() && !session.cancellation().cancelled()) {
                    // dockerd's classic builder shows a step's stderr in red, each write wrapped as it came
                    session.say(err ? "\u001b[91m" + text + "\u001b[0m" : text);
                }
            }
        } catch (IOException e) {
            // the container closed its output; its exit says how it ended
        }
    }

    private static Waiters.Outcome await(CompletableFuture<Waiters.Outcome> exit) {
        try {
            return exit.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("interrupted while waiting for a build step");
        } catch (ExecutionException e) {
            throw new EngineException("the build step's container failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private void stop(String id) {
        try {
            tools.containers().lifecycle().kill(id, "KILL");
        } catch (RuntimeException e) {
            // not running (yet, or any more): the build stops at the next step boundary anyway
        }
    }
}
