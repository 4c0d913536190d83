package dev.berth.runtime.api.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.berth.runtime.api.http.ApiRequest;
import dev.berth.runtime.build.BuildRequest;
import dev.berth.runtime.common.Json;
import dev.berth.runtime.errors.InvalidArgumentException;
import dev.berth.runtime.image.reference.ImageReference;
import dev.berth.runtime.image.registry.Credentials;
import dev.berth.runtime.image.registry.DockerConfigCredentials;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads a {@code POST /build} request as moby's {@code newImageBuildOptions} does: booleans as moby reads them
 * ({@code True}, {@code true}, {@code 1}; {@code rm} true when absent; {@code forcerm} implies {@code rm}), JSON
 * maps for {@code buildargs} and {@code labels}, a JSON list for {@code cachefrom}, the resource limits for RUN
 * steps, and {@code X-Registry-Config} for pulling private base images.
 */
final class BuildQuery {
    private BuildQuery() {}

    static BuildRequest parse(ApiRequest req, DockerConfigCredentials fallback) {
        String version = req.query("version");
        if ("2".equals(version)) {
            throw new InvalidArgumentException(
                    "BuildKit (version=2) is not supported by berthd; its builder serves the classic "
                            + "API (DOCKER_BUILDKIT=0), with BuildKit's Dockerfile syntax (heredocs, RUN --mount) included");
        }
        List<ImageReference> tags = new ArrayList<>();
        for (String t : req.queryAll("t")) {
            if (!t.isBlank()) {
                ImageReference ref = ImageReference.parse(t.strip());
                if (ref.digest() != null) {
                    throw new InvalidArgumentException(
                            "invalid tag " + t + ": a build result cannot be tagged with a digest");
                }
                tags.add(ref.withDefaultTag());
            }
        }
        boolean forceRm = req.queryBool("forcerm", false);
        Map<String, JsonNode> resources = new LinkedHashMap<>();
        number(req, "memory", "Memory", resources);
        number(req, "memswap", "MemorySwap", resources);
        number(req, "cpushares", "CpuShares", resources);
        number(req, "cpuperiod", "CpuPeriod", resources);
        number(req, "cpuquota", "CpuQuota", resources);
        number(req, "shmsize", "ShmSize", resources);
        text(req, "cpusetcpus", "CpusetCpus", resources);
        text(req, "cpusetmems", "CpusetMems", resources);
        text(req, "cgroupparent", "CgroupParent", resources);
        String ulimits = req.query("ulimits");
        if (ulimits != null && !ulimits.isBlank()) {
            JsonNode u = json(ulimits, "ulimits");
            if (!u.isArray()) {
                throw new InvalidArgumentException("ulimits must be a JSON list");
            }
            resources.put("Ulimits", u);
        }
        JsonNode registryConfig = registryConfig(req.header("X-Registry-Config"));
        Function<String, Credentials> credentials = domain -> {
            Credentials c = DockerConfigCredentials.lookup(registryConfig, domain, "X-Registry-Config");
            return c.isAnonymous() ? fallback.lookup(domain) : c;
        };
        String network = req.query("networkmode");
        return new BuildRequest(tags, req.query("dockerfile"), blankToNull(req.query("remote")),
                req.queryBool("q", false),
                req.queryBool("nocache", false), req.queryBool("pull", false), req.queryBool("rm", true) || forceRm,
                forceRm,
                map(req.query("buildargs"), "buildargs"), nonNull(map(req.query("labels"), "labels")),
                blankToNull(req.query("target")), list(req.query("cachefrom")),
                network == null || network.isBlank() ? "default" : network, extraHosts(req),
                blankToNull(req.query("platform")),
                resources, credentials);
    }

    /** moby takes {@code extrahosts} repeated, docker-py sends one comma-free value per host. */
    private static List<String> extraHosts(ApiRequest req) {
        List<String> out = new ArrayList<>();
        for (String v : req.queryAll("extrahosts")) {
            for (String h : v.split(",")) {
                if (!h.isBlank()) {
                    out.add(h.strip());
                }
            }
        }
        return out;
    }

    private static void number(ApiRequest req, String param, String field, Map<String, JsonNode> out) {
        String v = req.query(param);
        if (v == null || v.isBlank()) {
            return;
        }
        try {
            long n = Long.parseLong(v.strip());
            if (n != 0) {
                out.put(field, LongNode.valueOf(n));
            }
        } catch (NumberFormatException e) {
            throw new InvalidArgumentException("invalid value for " + param + ": '" + v + "' is not a number");
        }
    }

    private static void text(ApiRequest req, String param, String field, Map<String, JsonNode> out) {
        String v = req.query(param);
        if (v != null && !v.isBlank()) {
            out.put(field, TextNode.valueOf(v.strip()));
        }
    }

    /** A JSON map of strings; null values are kept (a build arg named without a value). */
    private static Map<String, String> map(String text, String what) {
        Map<String, String> out = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        JsonNode n = json(text, what);
        if (!n.isObject()) {
            throw new InvalidArgumentException(what + " must be a JSON object");
        }
        n.properties().forEach(e -> out.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
        return out;
    }

    private static Map<String, String> nonNull(Map<String, String> m) {
        m.replaceAll((k, v) -> v == null ? "" : v);
        return m;
    }

    private static List<String> list(String text) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        JsonNode n = json(text, "cachefrom");
        if (!n.isArray()) {
            throw new InvalidArgumentException("cachefrom must be a JSON list");
        }
        n.forEach(e -> out.add(e.asText()));
        return out;
    }

    private static JsonNode json(String text, String what) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new InvalidArgumentException("invalid JSON in " + what + ": " + e.getMessage());
        }
    }

    /** moby ignores an X-Registry-Config it cannot decode; so does berthd. */
    private static JsonNode registryConfig(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            String compact = header.strip().replace('+', '-').replace('/', '_');
            return Json.MAPPER.readTree(new String(Base64.getUrlDecoder().decode(compact), StandardCharsets.UTF_8));
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
