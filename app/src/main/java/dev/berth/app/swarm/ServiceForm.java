package dev.berth.app.swarm;

import dev.berth.app.engine.swarm.ServiceDraft;
import dev.berth.app.support.I18n;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the "New service" form: a name the engine accepts, an image, a replica count, published ports as
 * {@code 8080:80[/udp]} separated by commas or spaces, and a command split on spaces. Ports are published on each
 * node (host mode) with DNS round robin, which works on every kernel; the routing mesh needs IPVS.
 */
final class ServiceForm {
    /** The names a service may have (moby's name check: letters, digits, dashes; at most 63). */
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?");
    private static final Pattern PORT = Pattern.compile("(\\d{1,5}):(\\d{1,5})(?:/(tcp|udp|sctp))?");

    private ServiceForm() {}

    /** The draft, or an empty draft and the first problem in words. */
    record Result(ServiceDraft draft, String error) {
        static Result problem(String error) {
            return new Result(null, error);
        }
    }

    static Result read(String name, String image, String replicas, String ports, String command) {
        String n = name == null ? "" : name.strip();
        if (!NAME.matcher(n).matches()) {
            return Result.problem(I18n.t("swarm.service.badName", n));
        }
        String i = image == null ? "" : image.strip();
        if (i.isEmpty()) {
            return Result.problem(I18n.t("swarm.service.noImage"));
        }
        int count;
        try {
            count = replicas == null || replicas.isBlank() ? 1 : Integer.parseInt(replicas.strip());
        } catch (NumberFormatException e) {
            count = -1;
        }
        if (count < 0) {
            return Result.problem(I18n.t("swarm.service.badReplicas", replicas));
        }
        List<ServiceDraft.Port> published = new ArrayList<>();
        for (String p : words(ports == null ? "" : ports.replace(',', ' '))) {
            Matcher m = PORT.matcher(p);
            if (!m.matches() || Integer.parseInt(m.group(1)) > 65535 || Integer.parseInt(m.group(2)) > 65535
                    || Integer.parseInt(m.group(2)) == 0) {
                return Result.problem(I18n.t("swarm.service.badPort", p));
            }
            published.add(new ServiceDraft.Port(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    m.group(3) == null ? "tcp" : m.group(3)));
        }
        return new Result(new ServiceDraft(n, i, count, words(command == null ? "" : command), List.of(), published,
                true), "");
    }

    private static List<String> words(String text) {
        return Arrays.stream(text.strip().split("\\s+")).filter(w -> !w.isEmpty()).toList();
    }
}
