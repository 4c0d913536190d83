package dev.berth.runtime.build.steps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.dockerfile.instructions.Instruction;
import dev.berth.dockerfile.shell.ShellLex;
import dev.berth.runtime.common.Json;
import dev.berth.runtime.errors.InvalidArgumentException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The steps that change only the image's config: ENV, ARG, LABEL, CMD, ENTRYPOINT, EXPOSE, VOLUME, USER,
 * STOPSIGNAL, HEALTHCHECK, SHELL, ONBUILD and MAINTAINER. Each is planned as a {@code #(nop)} step (dockerd commits
 * an image for each, without a layer), with its words expanded against the state before the step.
 */
final class MetadataSteps {
    private static final Pattern PORT = Pattern.compile("^(\\d{1,5})(?:-(\\d{1,5}))?(?:/(tcp|udp|sctp))?$",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> SIGNALS = Set.of("HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "IOT", "BUS", "FPE",
            "KILL", "USR1", "SEGV", "USR2", "PIPE", "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN",
            "TTOU", "URG", "XCPU", "XFSZ", "VTALRM", "PROF", "WINCH", "IO", "POLL", "PWR", "SYS");

    private final BuildSession session;
    private final GlobalArgs globals;

    MetadataSteps(BuildSession session, GlobalArgs globals) {
        this.session = session;
        this.globals = globals;
    }

    /** Plans a metadata step on state {@code s}. */
    StepPlan plan(BuildState s, Instruction instruction) {
        ShellLex lex = session.lex();
        ShellLex.Env env = s.expansionEnv();
        return switch (instruction) {
            case Instruction.Env e -> {
                Map<String, String> pairs = new LinkedHashMap<>();
                for (Instruction.KeyValue kv : e.pairs()) {
                    pairs.put(lex.word(kv.key(), env), lex.word(kv.value(), env));
                }
                StringBuilder text = new StringBuilder("ENV");
                pairs.forEach((k, v) -> text.append(' ').append(k).append('=').append(v));
                yield StepPlan.metadata(s, text.toString(), c -> pairs.forEach((k, v) -> setEnv(c, k, v)));
            }
            case Instruction.Arg a -> {
                StringBuilder text = new StringBuilder("ARG");
                for (Instruction.KeyValue kv : a.args()) {
                    String name = lex.word(kv.key(), env);
                    String dflt = kv.value() == null ? null : lex.word(kv.value(), env);
                    s.args().put(name, session.args().resolve(name, dflt != null ? dflt : globals.value(name)));
                    text.append(' ').append(name).append(dflt == null ? "" : "=" + dflt);
                }
                yield StepPlan.metadata(s, text.toString(), c -> {});
            }
            case Instruction.Label l -> {
                Map<String, String> labels = new LinkedHashMap<>();
                for (Instruction.KeyValue kv : l.pairs()) {
                    labels.put(lex.word(kv.key(), env), lex.word(kv.value(), env));
                }
                StringBuilder text = new StringBuilder("LABEL");
                labels.forEach((k, v) -> text.append(' ').append(k).append('=').append(v));
                yield StepPlan.metadata(s, text.toString(), c -> {
                    ObjectNode out = c.get("Labels") instanceof ObjectNode o ? o : c.putObject("Labels");
                    labels.forEach(out::put);
                });
            }
            case Instruction.Cmd cmd -> {
                List<String> command = command(s, cmd.command());
                s.cmdSet(true);
                yield StepPlan.metadata(s, "CMD " + GoFormat.quoted(command), c -> c.set("Cmd", array(command)));
            }
            case Instruction.Entrypoint ep -> {
                List<String> command = command(s, ep.command());
                boolean keepCmd = s.cmdSet();
                yield StepPlan.metadata(s, "ENTRYPOINT " + GoFormat.quoted(command), c -> {
                    c.set("Entrypoint", array(command));
                    if (!keepCmd) {
                        c.putNull("Cmd"); // an inherited CMD does not fit a new ENTRYPOINT (moby's dispatchEntrypoint)
                    }
                });
            }
            case Instruction.Expose x -> {
                Set<String> ports = new TreeSet<>();
                for (String word : lex.words(x.ports(), env)) {
                    ports.addAll(ports(word));
                }
                yield StepPlan.metadata(s, "EXPOSE " + String.join(" ", ports), c -> {
                    ObjectNode out = c.get("ExposedPorts") instanceof ObjectNode o ? o : c.putObject("ExposedPorts");
                    ports.forEach(p -> out.putObject(p));
                });
            }
            case Instruction.Volume v -> {
                List<String> paths = new ArrayList<>();
                for (String raw : v.paths()) {
                    for (String p : v.json() ? List.of(lex.word(raw, env)) : lex.words(raw, env)) {
                        if (p.isBlank()) {
                            throw new InvalidArgumentException("VOLUME specified can not be an empty string");
                        }
                        paths.add(p);
                    }
                }
                yield StepPlan.metadata(s, "VOLUME " + "[" + String.join(" ", paths) + "]", c -> {
                    ObjectNode out = c.get("Volumes") instanceof ObjectNode o ? o : c.putObject("Volumes");
                    paths.forEach(p -> out.putObject(p));
                });
            }
            case Instruction.User u -> {
                String user = lex.word(u.user(), env).strip();
                if (user.isEmpty()) {
                    throw new InvalidArgumentException(
                            "USER requires exactly one argument (line " + u.node().startLine() + ")");
                }
                yield StepPlan.metadata(s, "USER " + user, c -> c.put("User", user));
            }
            case Instruction.StopSignal ss -> {
                String signal = lex.word(ss.signal(), env).strip();
                checkSignal(signal);
                yield StepPlan.metadata(s, "STOPSIGNAL " + signal, c -> c.put("StopSignal", signal));
            }
            case Instruction.Healthcheck h -> healthcheck(s, h);
            case Instruction.Shell sh -> StepPlan.metadata(s, "SHELL " + "[" + String.join(" ", sh.shell()) + "]",
                    c -> c.set("Shell", array(sh.shell())));
            case Instruction.OnBuild ob -> StepPlan.metadata(s, "ONBUILD " + ob.trigger(), c -> {
                ArrayNode out = c.get("OnBuild") instanceof ArrayNode a ? a : c.putArray("OnBuild");
                out.add(ob.trigger());
            });
            case Instruction.Maintainer m -> {
                String name = lex.word(m.name(), env);
                yield StepPlan.image(s, "MAINTAINER " + name, image -> image.put("author", name));
            }
            default ->
                throw new IllegalArgumentException("not a metadata instruction: " + instruction.node().keyword());
        };
    }

    /** JSON form as is; shell form run by the stage's SHELL. */
    static List<String> command(BuildState s, Instruction.Command c) {
        if (!c.shellForm()) {
            return c.args();
        }
        List<String> out = new ArrayList<>(s.shell());
        out.add(c.args().getFirst());
        return out;
    }

    private StepPlan healthcheck(BuildState s, Instruction.Healthcheck h) {
        ObjectNode hc = Json.MAPPER.createObjectNode();
        if (h.test() == null) {
            hc.putArray("Test").add("NONE");
            return StepPlan.metadata(s, "HEALTHCHECK NONE", c -> c.set("Healthcheck", hc));
        }
        ArrayNode test = hc.putArray("Test");
        h.test().forEach(test::add);
        duration(hc, "Interval", h.interval(), "--interval");
        duration(hc, "Timeout", h.timeout(), "--timeout");
        duration(hc, "StartPeriod", h.startPeriod(), "--start-period");
        duration(hc, "StartInterval", h.startInterval(), "--start-interval");
        if (h.retries() != null) {
            try {
                int retries = Integer.parseInt(h.retries().strip());
                if (retries < 0) {
                    throw new InvalidArgumentException("--retries cannot be negative (" + retries + ")");
                }
                if (retries > 0) {
                    hc.put("Retries", retries);
                }
            } catch (NumberFormatException e) {
                throw new InvalidArgumentException("invalid --retries value for HEALTHCHECK: " + h.retries());
            }
        }
        return StepPlan.metadata(s, "HEALTHCHECK " + hc, c -> c.set("Healthcheck", hc));
    }

    private static void duration(ObjectNode hc, String field, String value, String flag) {
        if (value == null) {
            return;
        }
        long nanos = GoFormat.durationNanos(value, "HEALTHCHECK " + flag);
        if (nanos != 0 && nanos < 1_000_000) {
            throw new InvalidArgumentException("HEALTHCHECK " + flag + " cannot be less than 1ms");
        }
        if (nanos > 0) {
            hc.put(field, nanos);
        }
    }

    /** {@code 80}, {@code 80/udp}, {@code 8000-8002/tcp} as Docker's {@code port/proto} keys. */
    static List<String> ports(String word) {
        Matcher m = PORT.matcher(word);
        if (!m.matches()) {
            throw new InvalidArgumentException("invalid port for EXPOSE: " + word);
        }
        int from = Integer.parseInt(m.group(1));
        int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
        String proto = m.group(3) == null ? "tcp" : m.group(3).toLowerCase(Locale.ROOT);
        if (from < 1 || to > 65535 || to < from) {
            throw new InvalidArgumentException("invalid port range for EXPOSE: " + word);
        }
        List<String> out = new ArrayList<>();
        for (int p = from; p <= to; p++) {
            out.add(p + "/" + proto);
        }
        return out;
    }

    /** A signal name ({@code SIGTERM}, {@code TERM}, {@code SIGRTMIN+3}) or number, as dockerd accepts. */
    static void checkSignal(String signal) {
        String s = signal.toUpperCase(Locale.ROOT);
        if (s.matches("\\d{1,2}")) {
            int n = Integer.parseInt(s);
            if (n >= 1 && n <= 64) {
                return;
            }
        }
        String name = s.startsWith("SIG") ? s.substring(3) : s;
        if (SIGNALS.contains(name) || name.matches("RTMIN(\\+\\d{1,2})?|RTMAX(-\\d{1,2})?")) {
            return;
        }
        throw new InvalidArgumentException("invalid signal: " + signal);
    }

    private static ArrayNode array(List<String> list) {
        ArrayNode out = Json.MAPPER.createArrayNode();
        list.forEach(out::add);
        return out;
    }

    private static void setEnv(ObjectNode config, String key, String value) {
        JsonNode env = config.get("Env");
        ArrayNode out = Json.MAPPER.createArrayNode();
        boolean replaced = false;
        if (env != null && env.isArray()) {
            for (JsonNode e : env) {
                String entry = e.asText();
                if (entry.equals(key) || entry.startsWith(key + "=")) {
                    out.add(key + "=" + value);
                    replaced = true;
                } else {
                    out.add(entry);
                }
            }
        }
        if (!replaced) {
            out.add(key + "=" + value);
        }
        config.set("Env", out);
    }
}
