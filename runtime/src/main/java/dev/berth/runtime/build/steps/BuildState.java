package dev.berth.runtime.build.steps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.dockerfile.instructions.Stage;
import dev.berth.dockerfile.shell.ShellLex;
import dev.berth.runtime.common.Json;
import dev.berth.runtime.digest.Digest;
import dev.berth.runtime.image.store.LayerRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a stage stands between two steps: the image the last step made (its ID, its whole config JSON, its
 * layers), the ARGs in scope, and whether this stage set CMD (ENTRYPOINT drops an inherited CMD only).
 */
public final class BuildState {
    static final String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    private static final List<String> DEFAULT_SHELL = List.of("/bin/sh", "-c");

    private final Stage stage;
    private ObjectNode image;
    private Digest imageId;
    private List<LayerRef> layers;
    private final Map<String, String> args = new LinkedHashMap<>();
    private boolean cmdSet;

    BuildState(Stage stage, ObjectNode image, Digest imageId, List<LayerRef> layers) {
        this.stage = stage;
        use(image, imageId, layers);
        // moby's beginStage: a stage without PATH gets the default one.
        if (env().get("PATH") == null) {
            setEnv("PATH", DEFAULT_PATH);
        }
    }

    /** Makes {@code image} the current image. */
    void use(ObjectNode config, Digest id, List<LayerRef> imageLayers) {
        this.image = config;
        this.imageId = id;
        this.layers = List.copyOf(imageLayers);
        if (!(image.get("config") instanceof ObjectNode)) {
            image.putObject("config");
        }
    }

    public Stage stage() {
        return stage;
    }

    /** The whole image config JSON of the current image (mutable copy owned by this state). */
    ObjectNode image() {
        return image;
    }

    /** The run config ({@code config} in the image JSON). */
    ObjectNode config() {
        return (ObjectNode) image.get("config");
    }

    /** The current image's ID, or null while a stage FROM scratch has made no step yet. */
    public Digest imageId() {
        return imageId;
    }

    /** The current image's layers, bottom first. */
    public List<LayerRef> layers() {
        return layers;
    }

    /** The top layer's ChainID, or null. */
    Digest topChainId() {
        return layers.isEmpty() ? null : layers.getLast().chainId();
    }

    /** The ARGs declared in this stage so far, by name; a null value means declared without a value. */
    Map<String, String> args() {
        return args;
    }

    boolean cmdSet() {
        return cmdSet;
    }

    void cmdSet(boolean set) {
        cmdSet = set;
    }

    /** The config's environment as an ordered map. */
    Map<String, String> env() {
        Map<String, String> out = new LinkedHashMap<>();
        JsonNode env = config().get("Env");
        if (env != null && env.isArray()) {
            for (JsonNode e : env) {
                String s = e.asText();
                int eq = s.indexOf('=');
                out.put(eq < 0 ? s : s.substring(0, eq), eq < 0 ? "" : s.substring(eq + 1));
            }
        }
        return out;
    }

    /** Sets one environment variable in the config, replacing an earlier value in place. */
    void setEnv(String key, String value) {
        Map<String, String> env = env();
        env.put(key, value);
        ArrayNode out = Json.MAPPER.createArrayNode();
        env.forEach((k, v) -> out.add(k + "=" + v));
        config().set("Env", out);
    }

    /** The variables words are expanded with: ENV wins over ARG, as in Docker. */
    ShellLex.Env expansionEnv() {
        Map<String, String> env = env();
        return name -> {
            String v = env.get(name);
            return v != null ? v : args.get(name);
        };
    }

    /** SHELL, or {@code /bin/sh -c}. */
    List<String> shell() {
        List<String> shell = strings(config().get("Shell"));
        return shell.isEmpty() ? DEFAULT_SHELL : shell;
    }

    /** WORKDIR, or {@code /}. */
    String workingDir() {
        String wd = config().path("WorkingDir").asText("");
        return wd.isEmpty() ? "/" : wd;
    }

    /** A JSON array of strings as a list (empty for null or missing). */
    static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(n -> out.add(n.asText()));
        }
        return out;
    }
}
