package dev.berth.runtime.container.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.runtime.common.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Berth's default seccomp profile is Docker's: compared rule by rule with the profile Debian's Docker packages
 * publish (golang-github-docker-docker-dev, the source of the docker.io 20.10 the benchmarks use as the
 * yardstick). Every difference must be one Docker itself made since, listed in seccomp/changes-since-docker-20.10.txt;
 * updating the profile is a diff of that file and of the data file, never a rewrite.
 */
class SeccompDefaultProfileTest {
    static final Path DOCKER_PROFILE = Path
            .of("/usr/share/gocode/src/github.com/docker/docker/profiles/seccomp/default.json");

    /** Names → their rules in a comparable form (action, errno, arguments, includes, excludes), comments dropped. */
    private static Map<String, Set<String>> rulesByName(JsonNode profile) {
        Map<String, Set<String>> out = new TreeMap<>();
        for (JsonNode s : profile.path("syscalls")) {
            String rule = s.path("action").asText() + " errno=" + s.path("errnoRet").asText("-") + " args="
                    + canonical(s.path("args")) + " includes=" + canonical(s.path("includes"))
                    + " excludes=" + canonical(s.path("excludes"));
            s.path("names").forEach(n -> out.computeIfAbsent(n.asText(), k -> new TreeSet<>()).add(rule));
        }
        return out;
    }

    /** JSON with sorted keys and without empty objects or lists, so layout and key order do not count. */
    private static String canonical(JsonNode node) {
        if (node.isMissingNode() || node.isNull() || (node.isContainerNode() && node.isEmpty())) {
            return "";
        }
        if (node.isObject()) {
            Map<String, String> fields = new TreeMap<>();
            node.properties().forEach(e -> {
                String v = canonical(e.getValue());
                if (!v.isEmpty()) {
                    fields.put(e.getKey(), v);
                }
            });
            return fields.toString();
        }
        if (node.isArray()) {
            StringBuilder b = new StringBuilder("[");
            node.forEach(n -> b.append(canonical(n)).append(','));
            return b.append(']').toString();
        }
        return node.asText();
    }

    @Test
    void differsFromDockersPublishedProfileOnlyWhereDockerChangedIt() throws IOException {
        assertTrue(Files.isRegularFile(DOCKER_PROFILE), "Docker's published profile is missing: " + DOCKER_PROFILE
                + " (apt-get install golang-github-docker-docker-dev; scripts/install-deps --test installs it)");
        JsonNode docker = Json.MAPPER.readTree(Files.readString(DOCKER_PROFILE));
        JsonNode ours = Json.MAPPER.readTree(SeccompProfiles.defaultProfileJson());
        assertEquals(docker.path("defaultAction").asText(), ours.path("defaultAction").asText());
        assertEquals(1, ours.path("defaultErrnoRet").asInt(1), "EPERM, as Docker's implicit default");
        Set<String> ourArches = new HashSet<>();
        ours.path("archMap").forEach(a -> ourArches.add(canonical(a)));
        docker.path("archMap")
                .forEach(a -> assertTrue(ourArches.contains(canonical(a)), "Docker's architecture map: " + a));

        Map<String, Set<String>> theirs = rulesByName(docker);
        Map<String, Set<String>> mine = rulesByName(ours);
        Set<String> differing = new TreeSet<>();
        Set<String> names = new HashSet<>(theirs.keySet());
        names.addAll(mine.keySet());
        for (String name : names) {
            if (!java.util.Objects.equals(theirs.get(name), mine.get(name))) {
                differing.add(name);
            }
        }
        assertEquals(SeccompChanges.names(), differing,
                "a difference Docker did not make, or a listed one that is gone");
        assertTrue(mine.size() > 350, "an allow-list of Docker's size: " + mine.size());
    }
}
