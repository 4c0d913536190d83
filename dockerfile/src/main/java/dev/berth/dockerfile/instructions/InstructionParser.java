package dev.berth.dockerfile.instructions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.dockerfile.DockerfileSyntaxException;
import dev.berth.dockerfile.Node;
import dev.berth.dockerfile.shell.RawWords;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Gives each {@link Node} its meaning as an {@link Instruction}: the flags it takes, its argument form, and the
 * checks Docker makes on it (with Docker's messages, each naming the line). Nothing is expanded here.
 */
public final class InstructionParser {
    private static final Pattern STAGE_NAME = Pattern.compile("^[a-z][a-z0-9-_.]*$");
    private static final Set<String> NONE = Set.of();
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private InstructionParser() {}

    /** The instruction {@code node} writes; {@code escape} is the Dockerfile's escape character. */
    public static Instruction parse(Node node, char escape) {
        String k = node.keyword();
        return switch (k) {
            case "from" -> from(node, escape);
            case "run" -> run(node, escape);
            case "cmd" -> new Instruction.Cmd(node, command(node, plain(node, escape)));
            case "entrypoint" -> new Instruction.Entrypoint(node, command(node, plain(node, escape)));
            case "env" -> new Instruction.Env(node, pairs(node, plain(node, escape), escape, true));
            case "label" -> new Instruction.Label(node, pairs(node, plain(node, escape), escape, true));
            case "arg" -> new Instruction.Arg(node, pairs(node, plain(node, escape), escape, false));
            case "expose" -> new Instruction.Expose(node, required(node, plain(node, escape)));
            case "volume" -> volume(node, plain(node, escape));
            case "user" -> new Instruction.User(node, single(node, plain(node, escape)));
            case "workdir" -> new Instruction.Workdir(node, single(node, plain(node, escape)));
            case "copy", "add" -> copy(node, escape);
            case "shell" -> shell(node, plain(node, escape));
            case "healthcheck" -> healthcheck(node, escape);
            case "stopsignal" -> new Instruction.StopSignal(node, single(node, plain(node, escape)));
            case "onbuild" -> onBuild(node, plain(node, escape), escape);
            case "maintainer" -> new Instruction.Maintainer(node, required(node, plain(node, escape)));
            default ->
                throw new DockerfileSyntaxException(node.startLine(), "unknown instruction: " + node.upperKeyword());
        };
    }

    /** The arguments of an instruction that takes no flags. */
    private static String plain(Node node, char escape) {
        return Flags.parse(node, node.args(), escape, NONE, NONE).rest();
    }

    private static Instruction from(Node node, char escape) {
        Flags flags = Flags.parse(node, node.args(), escape, Set.of("platform"), NONE);
        List<String> words = RawWords.split(flags.rest(), escape);
        if (words.size() != 1 && !(words.size() == 3 && words.get(1).equalsIgnoreCase("as"))) {
            throw new DockerfileSyntaxException(node.startLine(), "FROM requires either one or three arguments");
        }
        String name = null;
        if (words.size() == 3) {
            name = words.get(2).toLowerCase(Locale.ROOT);
            if (!STAGE_NAME.matcher(name).matches()) {
                throw new DockerfileSyntaxException(node.startLine(), "invalid name for build stage: \"" + words.get(2)
                        + "\", name can't start with a number or contain symbols");
            }
        }
        return new Instruction.From(node, words.getFirst(), name, flags.one("platform"));
    }

    private static Instruction run(Node node, char escape) {
        Flags flags = Flags.parse(node, node.args(), escape, Set.of("mount", "network", "security"), Set.of("mount"));
        if (flags.one("security") != null && !flags.one("security").equals("sandbox")) {
            throw new DockerfileSyntaxException(node.startLine(), "RUN --security=" + flags.one("security")
                    + " is not allowed: berthd runs every build step in the default sandbox");
        }
        String network = flags.one("network");
        if (network != null && !Set.of("default", "none", "host").contains(network)) {
            throw new DockerfileSyntaxException(node.startLine(), "unsupported network mode " + network
                    + " for RUN --network (use default, none or host)");
        }
        return new Instruction.Run(node, command(node, flags.rest()), flags.all("mount"), network, node.heredocs());
    }

    /** JSON (exec) form when the text is a JSON array of strings, shell form otherwise. */
    static Instruction.Command command(Node node, String rest) {
        List<String> json = jsonArray(rest);
        if (json != null) {
            return new Instruction.Command(json, false);
        }
        return new Instruction.Command(List.of(rest), true);
    }

    /** The text as a JSON array of strings, or null if it is not one. */
    static List<String> jsonArray(String text) {
        String t = text.strip();
        if (!t.startsWith("[") || !t.endsWith("]")) {
            return null;
        }
        try {
            JsonNode n = JSON.readTree(t);
            if (n == null || !n.isArray()) {
                return null;
            }
            List<String> out = new ArrayList<>();
            for (JsonNode e : n) {
                if (!e.isTextual()) {
                    return null;
                }
                out.add(e.asText());
            }
            return out;
        } catch (IOException e) {
            return null;
        }
    }

    /** {@code k=v k2="v 2"}, or the legacy one-pair form {@code k v} (ENV, LABEL); ARG names may have no value. */
    private static List<Instruction.KeyValue> pairs(Node node, String rest, char escape, boolean valueRequired) {
        String name = node.upperKeyword();
        List<String> words = RawWords.split(rest, escape);
        if (words.isEmpty()) {
            throw new DockerfileSyntaxException(node.startLine(), name + " requires at least one argument");
        }
        List<Instruction.KeyValue> out = new ArrayList<>();
        if (valueRequired && !words.getFirst().contains("=")) {
            String[] parts = rest.split("\\s+", 2);
            if (parts.length < 2) {
                throw new DockerfileSyntaxException(node.startLine(), name + " must have two arguments");
            }
            out.add(new Instruction.KeyValue(parts[0], parts[1]));
            return out;
        }
        for (String w : words) {
            int eq = w.indexOf('=');
            if (eq < 0 && valueRequired) {
                throw new DockerfileSyntaxException(node.startLine(), "Syntax error - can't find = in \"" + w
                        + "\". Must be of the form: name=value");
            }
            String key = eq < 0 ? w : w.substring(0, eq);
            if (key.isEmpty()) {
                throw new DockerfileSyntaxException(node.startLine(), name + " names must not be empty: " + w);
            }
            out.add(new Instruction.KeyValue(key, eq < 0 ? null : w.substring(eq + 1)));
        }
        return out;
    }

    private static Instruction volume(Node node, String rest) {
        List<String> json = jsonArray(rest);
        if (json != null) {
            if (json.isEmpty()) {
                throw new DockerfileSyntaxException(node.startLine(), "VOLUME specified can not be an empty string");
            }
            return new Instruction.Volume(node, json, true);
        }
        return new Instruction.Volume(node, List.of(required(node, rest)), false);
    }

    private static Instruction copy(Node node, char escape) {
        boolean add = node.keyword().equals("add");
        Set<String> allowed = add ? Set.of("chown", "chmod", "link", "checksum", "keep-git-dir")
                : Set.of("from", "chown", "chmod", "link");
        Flags flags = Flags.parse(node, node.args(), escape, allowed, NONE);
        List<String> args = jsonArray(flags.rest());
        if (args == null) {
            args = RawWords.split(flags.rest(), escape);
        }
        String name = node.upperKeyword();
        if (args.size() < 2) {
            throw new DockerfileSyntaxException(node.startLine(), name + " requires at least two arguments, but only "
                    + (args.isEmpty() ? "none were" : "one was") + " provided. Destination could not be determined.");
        }
        return new Instruction.Copy(node, add, List.copyOf(args.subList(0, args.size() - 1)), args.getLast(),
                flags.one("from"), flags.one("chown"), flags.one("chmod"), flags.bool(node, "link"),
                flags.one("checksum"),
                node.heredocs());
    }

    private static Instruction shell(Node node, String rest) {
        List<String> json = jsonArray(rest);
        if (json == null) {
            throw new DockerfileSyntaxException(node.startLine(), "SHELL requires the arguments to be in JSON form");
        }
        if (json.isEmpty()) {
            throw new DockerfileSyntaxException(node.startLine(), "SHELL requires at least one argument");
        }
        return new Instruction.Shell(node, json);
    }

    private static Instruction healthcheck(Node node, char escape) {
        Flags flags = Flags.parse(node, node.args(), escape,
                Set.of("interval", "timeout", "start-period", "start-interval", "retries"), NONE);
        String rest = flags.rest();
        String[] typeAndCmd = rest.split("\\s+", 2);
        String type = typeAndCmd[0].toUpperCase(Locale.ROOT);
        if (type.equals("NONE")) {
            if (typeAndCmd.length > 1 || !flags.values().isEmpty()) {
                throw new DockerfileSyntaxException(node.startLine(), "HEALTHCHECK NONE takes no arguments");
            }
            return new Instruction.Healthcheck(node, null, null, null, null, null, null);
        }
        if (!type.equals("CMD")) {
            throw new DockerfileSyntaxException(node.startLine(),
                    "Unknown type \"" + typeAndCmd[0] + "\" in HEALTHCHECK (try CMD)");
        }
        if (typeAndCmd.length < 2 || typeAndCmd[1].isBlank()) {
            throw new DockerfileSyntaxException(node.startLine(), "Missing command after HEALTHCHECK CMD");
        }
        Instruction.Command cmd = command(node, typeAndCmd[1]);
        List<String> test = new ArrayList<>();
        test.add(cmd.shellForm() ? "CMD-SHELL" : "CMD");
        test.addAll(cmd.args());
        return new Instruction.Healthcheck(node, test, flags.one("interval"), flags.one("timeout"),
                flags.one("start-period"),
                flags.one("start-interval"), flags.one("retries"));
    }

    private static Instruction onBuild(Node node, String rest, char escape) {
        String trigger = required(node, rest);
        String keyword = trigger.split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
        switch (keyword) {
            case "ONBUILD" -> throw new DockerfileSyntaxException(node.startLine(),
                    "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed");
            case "FROM", "MAINTAINER" ->
                throw new DockerfileSyntaxException(node.startLine(), keyword + " isn't allowed as an ONBUILD trigger");
            default -> {
            }
        }
        // The trigger must itself be a valid instruction; checking it now gives the error where it was written.
        String[] parts = trigger.split("\\s+", 2);
        parse(new Node(parts[0].toLowerCase(Locale.ROOT), parts.length > 1 ? parts[1] : "", trigger, List.of(),
                node.startLine(), node.endLine()), escape);
        return new Instruction.OnBuild(node, trigger);
    }

    private static String required(Node node, String rest) {
        if (rest.isBlank()) {
            throw new DockerfileSyntaxException(node.startLine(),
                    node.upperKeyword() + " requires at least one argument");
        }
        return rest;
    }

    private static String single(Node node, String rest) {
        if (rest.isBlank()) {
            throw new DockerfileSyntaxException(node.startLine(),
                    node.upperKeyword() + " requires exactly one argument");
        }
        return rest;
    }
}
