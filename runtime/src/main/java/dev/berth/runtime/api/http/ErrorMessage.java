package dev.berth.runtime.api.http;

/** Docker's error body, {@code {"message": "..."}}. */
public record ErrorMessage(String message) {}
