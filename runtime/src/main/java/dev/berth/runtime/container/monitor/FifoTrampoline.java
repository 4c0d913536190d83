package dev.berth.runtime.container.monitor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts a program with named FIFOs opened on fds 3, 4, ... and their numbers in environment variables,
 * because ProcessBuilder closes every fd above 2 in the child. A shell opens the FIFOs and then execs
 * the program, so conmon sees ordinary inherited pipe fds as podman would give it.
 * The FIFO paths and the argv travel as positional parameters, never inside the script text.
 */
final class FifoTrampoline {
    /** One FIFO: the env var that names its fd, its path, and whether the child writes (true) or reads it. */
    record Pipe(String envName, Path fifo, boolean childWrites) {}

    private FifoTrampoline() {}

    /** The bash command line and environment additions that run {@code argv} with {@code pipes} attached. */
    static ProcessBuilder builder(List<Pipe> pipes, List<String> argv) {
        StringBuilder script = new StringBuilder();
        Map<String, String> env = new LinkedHashMap<>();
        List<String> command = new ArrayList<>(List.of("/bin/bash", "-c"));
        int fd = 3;
        for (int i = 0; i < pipes.size(); i++, fd++) {
            Pipe p = pipes.get(i);
            script.append("exec ").append(fd).append(p.childWrites() ? ">" : "<").append("\"$").append(i + 1).append("\" || exit 125; ");
            env.put(p.envName(), Integer.toString(fd));
        }
        script.append("shift ").append(pipes.size()).append("; exec \"$@\"");
        command.add(script.toString());
        command.add("conmon-trampoline"); // $0
        pipes.forEach(p -> command.add(p.fifo().toString()));
        command.addAll(argv);
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(env);
        return pb;
    }
}
