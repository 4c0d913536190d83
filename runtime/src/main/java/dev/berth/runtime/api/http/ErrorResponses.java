package dev.berth.runtime.api.http;

import dev.berth.runtime.errors.ConflictException;
import dev.berth.runtime.errors.ForbiddenException;
import dev.berth.runtime.errors.InvalidArgumentException;
import dev.berth.runtime.errors.NotFoundException;
import dev.berth.runtime.errors.NotModifiedException;
import dev.berth.runtime.errors.UnauthorizedException;
import dev.berth.runtime.errors.UnavailableException;

/** Maps engine errors to Docker's status codes, as moby's errdefs do; anything unexpected is a 500. */
public final class ErrorResponses {
    private ErrorResponses() {}

    /** The HTTP status for {@code error}. */
    public static int statusOf(Throwable error) {
        return switch (error) {
            case NotFoundException e -> 404;
            case ConflictException e -> 409;
            case InvalidArgumentException e -> 400;
            case dev.berth.runtime.errors.PayloadTooLargeException e -> 413;
            case dev.berth.dockerfile.DockerfileException e -> 400;
            case NotModifiedException e -> 304;
            case UnauthorizedException e -> 401;
            case ForbiddenException e -> 403;
            case UnavailableException e -> 503;
            default -> 500;
        };
    }

    /** The text for Docker's {@code {"message": ...}}: the error's message, never a stack trace. */
    public static String messageOf(Throwable error) {
        String m = error.getMessage();
        return m == null || m.isBlank() ? error.getClass().getSimpleName() : m;
    }

    /** True for errors the client caused or expects, which need no stack trace in the log. */
    public static boolean expected(Throwable error) {
        return statusOf(error) != 500;
    }
}
