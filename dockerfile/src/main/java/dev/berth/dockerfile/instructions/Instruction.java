package dev.berth.dockerfile.instructions;

import dev.berth.dockerfile.Heredoc;
import dev.berth.dockerfile.Node;
import java.util.List;

/** One Dockerfile instruction with its arguments as written (variables not yet expanded); each kind is a record. */
public sealed interface Instruction {
    /** The parsed line it came from (line numbers, the text {@code Step N/M :} shows). */
    Node node();

    /** A {@code key=value} pair as written, quotes and variables still in. */
    record KeyValue(String key, String value) {}

    /** A command in JSON (exec) form, or in shell form as one text that the stage's SHELL runs. */
    record Command(List<String> args, boolean shellForm) {
        public Command {
            args = List.copyOf(args);
        }
    }

    /** {@code FROM [--platform=p] image [AS name]}. */
    record From(Node node, String image, String stageName, String platform) implements Instruction {}

    /** {@code RUN [--mount=…]… [--network=…] command}, with its heredocs. */
    record Run(Node node, Command command, List<String> mounts, String network,
            List<Heredoc> heredocs) implements Instruction {}

    /** {@code CMD}. */
    record Cmd(Node node, Command command) implements Instruction {}

    /** {@code ENTRYPOINT}. */
    record Entrypoint(Node node, Command command) implements Instruction {}

    /** {@code ENV k=v …} or {@code ENV k v}. */
    record Env(Node node, List<KeyValue> pairs) implements Instruction {}

    /** {@code ARG name[=default] …}; a null value means no default. */
    record Arg(Node node, List<KeyValue> args) implements Instruction {}

    /** {@code LABEL k=v …}. */
    record Label(Node node, List<KeyValue> pairs) implements Instruction {}

    /** {@code EXPOSE port[/proto] …} as one text, split after expansion. */
    record Expose(Node node, String ports) implements Instruction {}

    /** {@code VOLUME}: paths as written (JSON form already split). */
    record Volume(Node node, List<String> paths, boolean json) implements Instruction {}

    /** {@code USER user[:group]}. */
    record User(Node node, String user) implements Instruction {}

    /** {@code WORKDIR path}. */
    record Workdir(Node node, String path) implements Instruction {}

    /** {@code COPY} or {@code ADD} (add is true), with their flags; sources and destination as written. */
    record Copy(Node node, boolean add, List<String> sources, String dest, String from, String chown, String chmod,
            boolean link, String checksum, List<Heredoc> heredocs) implements Instruction {
        /** {@code COPY} or {@code ADD}. */
        public String name() {
            return add ? "ADD" : "COPY";
        }
    }

    /** {@code SHELL ["exe", "arg"…]}. */
    record Shell(Node node, List<String> shell) implements Instruction {}

    /** {@code HEALTHCHECK NONE} (test null) or {@code HEALTHCHECK [opts] CMD …}; durations as written or null. */
    record Healthcheck(Node node, List<String> test, String interval, String timeout, String startPeriod,
            String startInterval, String retries) implements Instruction {}

    /** {@code STOPSIGNAL signal}. */
    record StopSignal(Node node, String signal) implements Instruction {}

    /** {@code ONBUILD instruction}: the trigger's text, kept for the images built FROM this one. */
    record OnBuild(Node node, String trigger) implements Instruction {}

    /** {@code MAINTAINER name} (deprecated; sets the image's author). */
    record Maintainer(Node node, String name) implements Instruction {}
}
