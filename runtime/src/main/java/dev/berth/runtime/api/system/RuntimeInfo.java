package dev.berth.runtime.api.system;

import com.fasterxml.jackson.annotation.JsonProperty;

/** An OCI runtime as {@code /info}'s {@code Runtimes} lists it: {@code {"path":"runc"}}. */
public record RuntimeInfo(@JsonProperty("path") String path) {}
