package dev.berth.runtime.container.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/** A container's {@code Config} (moby container.Config): what runs, as whom, with which environment. */
public final class ContainerConfig extends JsonView {
    public ContainerConfig(ObjectNode json) {
        super(json);
    }

    public String image() {
        return text("Image");
    }
    public String hostname() {
        return text("Hostname", "");
    }
    public String domainname() {
        return text("Domainname", "");
    }
    public String user() {
        return text("User", "");
    }
    public boolean tty() {
        return bool("Tty");
    }
    public boolean openStdin() {
        return bool("OpenStdin");
    }
    public boolean stdinOnce() {
        return bool("StdinOnce");
    }
    public boolean attachStdin() {
        return bool("AttachStdin");
    }
    public List<String> env() {
        return strings("Env");
    }
    public List<String> cmd() {
        return strings("Cmd");
    }
    public List<String> entrypoint() {
        return strings("Entrypoint");
    }
    public String workingDir() {
        return text("WorkingDir", "");
    }
    public Map<String, String> labels() {
        return stringMap("Labels");
    }
    public List<String> exposedPorts() {
        return keys("ExposedPorts");
    }
    public List<String> volumes() {
        return keys("Volumes");
    }
    public String stopSignal() {
        return text("StopSignal");
    }
    public Long stopTimeout() {
        return optionalNumber("StopTimeout");
    }
    public JsonNode healthcheck() {
        return node("Healthcheck");
    }
    public boolean networkDisabled() {
        return bool("NetworkDisabled");
    }
}
