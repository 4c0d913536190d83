package dev.berth.app.engine;

/** Who answered: the engine's product name (e.g. "Docker Engine - Community", "Berth"), version, API version, OS/arch. */
public record EngineVersion(String name, String version, String apiVersion, String os, String arch) {

    /** "Docker Engine - Community 20.10.24", the short form the window shows. */
    public String display() {
        return name.isBlank() ? version : name + " " + version;
    }
}
