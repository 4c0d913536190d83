package dev.berth.dockerfile;

/**
 * A Dockerfile, a word in it, a {@code .dockerignore} or a build target that cannot be used as written. The engine
 * answers it as a client error (400); the message says what is wrong in Docker's words.
 */
public class DockerfileException extends IllegalArgumentException {
    public DockerfileException(String message) {
        super(message);
    }
}
