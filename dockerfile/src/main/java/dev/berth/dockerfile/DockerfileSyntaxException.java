package dev.berth.dockerfile;

/** A Dockerfile that cannot be read; the message names the line, as dockerd's does ({@code dockerfile parse error on line N: …}). */
public class DockerfileSyntaxException extends DockerfileException {
    private final int line;

    public DockerfileSyntaxException(int line, String message) {
        super("dockerfile parse error on line " + line + ": " + message);
        this.line = line;
    }

    /** The line the error is on, counting from 1. */
    public int line() {
        return line;
    }
}
