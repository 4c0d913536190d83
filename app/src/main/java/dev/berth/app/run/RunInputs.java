package dev.berth.app.run;

import dev.berth.app.engine.RunSpec;
import dev.berth.app.support.I18n;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the Run dialog's fields the way {@code docker run} reads its flags. Every method throws an
 * {@link IllegalArgumentException} whose message tells a person what to write instead.
 */
public final class RunInputs {
    /** Docker's rule for container and volume names. */
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]+");
    /** {@code [ip:][hostPort:]containerPort[/proto]}; an IPv6 address goes in brackets. */
    private static final Pattern PORT = Pattern
            .compile("^(?:(?<ip>\\[[0-9a-fA-F:.]+]|\\d+\\.\\d+\\.\\d+\\.\\d+):(?<iphost>\\d*):"
                    + "|(?<host>\\d*):)?(?<ctr>\\d+)(?:/(?<proto>[a-z]+))?$");
    private static final Pattern ENV_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

    private RunInputs() {}

    /** A container name, or empty for a generated one. */
    public static String name(String text) {
        String n = text == null ? "" : text.strip();
        if (!n.isEmpty() && !NAME.matcher(n).matches()) {
            throw new IllegalArgumentException(I18n.t("run.badName", n));
        }
        return n;
    }

    /** One {@code -p} value: "8080:80", "80", "127.0.0.1:8080:80/udp", ":80" (any free host port). */
    public static RunSpec.PublishedPort port(String text) {
        String p = text.strip();
        Matcher m = PORT.matcher(p);
        if (!m.matches()) {
            throw new IllegalArgumentException(I18n.t("run.badPort", p));
        }
        String proto = m.group("proto") == null ? "tcp" : m.group("proto");
        if (!List.of("tcp", "udp", "sctp").contains(proto)) {
            throw new IllegalArgumentException(I18n.t("run.badProtocol", p));
        }
        int container = portNumber(m.group("ctr"), p);
        String host = m.group("ip") != null ? m.group("iphost") : m.group("host");
        // "-p 80" and ":80" publish on a port the engine picks, as docker does; "8080:80" on 8080.
        int hostPort = host == null || host.isEmpty() ? 0 : portNumber(host, p);
        String ip = m.group("ip") == null ? "" : m.group("ip").replaceAll("^\\[|]$", "");
        return new RunSpec.PublishedPort(ip, hostPort, container, proto);
    }

    private static int portNumber(String digits, String whole) {
        try {
            int n = Integer.parseInt(digits);
            if (n >= 1 && n <= 65535) {
                return n;
            }
        } catch (NumberFormatException tooLong) {
            // Falls through to the message.
        }
        throw new IllegalArgumentException(I18n.t("run.portRange", digits, whole));
    }

    /** One {@code -e} value: {@code KEY=value} (the value may be empty or contain "="). */
    public static String env(String text) {
        String e = text.strip();
        int eq = e.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException(I18n.t("run.badEnv", e));
        }
        String key = e.substring(0, eq);
        if (!ENV_KEY.matcher(key).matches()) {
            throw new IllegalArgumentException(I18n.t("run.badEnvKey", key));
        }
        return key + "=" + text.stripLeading().substring(eq + 1);
    }

    /** One {@code -v} value: {@code volume:/path}, {@code /host/path:/path}, with an optional {@code :ro} or {@code :rw}. */
    public static RunSpec.Mount mount(String text) {
        String v = text.strip();
        String[] parts = v.split(":", -1);
        if (parts.length < 2 || parts.length > 3) {
            throw new IllegalArgumentException(I18n.t("run.badVolume", v));
        }
        boolean readOnly = false;
        if (parts.length == 3) {
            if (!parts[2].equals("ro") && !parts[2].equals("rw")) {
                throw new IllegalArgumentException(I18n.t("run.badVolumeMode", parts[2]));
            }
            readOnly = parts[2].equals("ro");
        }
        String source = parts[0];
        String target = parts[1];
        if (!target.startsWith("/")) {
            throw new IllegalArgumentException(I18n.t("run.volumeTargetAbsolute", target));
        }
        if (!source.startsWith("/") && !NAME.matcher(source).matches()) {
            throw new IllegalArgumentException(I18n.t("run.badVolumeSource", source));
        }
        return new RunSpec.Mount(source, target, readOnly);
    }

    /**
     * Splits a command line like a POSIX shell does for words: spaces separate, single quotes keep everything,
     * double quotes keep spaces, a backslash escapes the next character. Empty text means "the image's command".
     */
    public static List<String> command(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        String s = text == null ? "" : text;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\\' && i + 1 < s.length() && quote != '\'') {
                word.append(s.charAt(++i));
                inWord = true;
            } else if (quote == '"') {
                if (c == '"') {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException(I18n.t("run.unclosedQuote", String.valueOf(quote)));
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    /** The non-blank lines of a multi-line field. */
    public static List<String> lines(String text) {
        return text == null ? List.of() : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }
}
