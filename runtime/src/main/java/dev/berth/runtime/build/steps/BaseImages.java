package dev.berth.runtime.build.steps;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.runtime.common.Json;
import dev.berth.runtime.errors.EngineException;
import dev.berth.runtime.errors.InvalidArgumentException;
import dev.berth.runtime.errors.NotFoundException;
import dev.berth.runtime.image.ImageResolver;
import dev.berth.runtime.image.oci.Platform;
import dev.berth.runtime.image.reference.ImageReference;
import dev.berth.runtime.image.store.ImageRecord;
import java.io.IOException;
import java.util.Optional;

/**
 * The images a build starts from or copies out of ({@code FROM}, {@code COPY --from}, {@code RUN --mount=from=}):
 * the local image when there is one, else pulled with the credentials the client sent for that registry in
 * {@code X-Registry-Config}; with {@code pull}, always pulled. Pull progress goes to the build's stream.
 */
final class BaseImages {
    private final BuildTools tools;
    private final BuildSession session;

    BaseImages(BuildTools tools, BuildSession session) {
        this.tools = tools;
        this.session = session;
    }

    /** The image {@code name} (a reference or an ID), pulled if needed. */
    ImageRecord get(String name, Platform platform) {
        Optional<ImageReference> ref = ImageResolver.parseReference(name);
        if (!session.request().pull() || ref.isEmpty()) {
            Optional<ImageRecord> local = tools.images().resolver().find(name);
            if (local.isPresent()) {
                return local.get();
            }
        }
        if (ref.isEmpty()) {
            throw new InvalidArgumentException("invalid reference format: " + name);
        }
        ImageReference wanted = ref.get().digest() == null ? ref.get().withDefaultTag() : ref.get();
        try {
            return tools.images().puller().pull(wanted, platform,
                    session.request().credentials().apply(wanted.domain()),
                    session::emit);
        } catch (NotFoundException e) {
            throw new NotFoundException(
                    "the base image " + wanted.familiarString() + " was not found: " + e.getMessage());
        } catch (EngineException e) {
            if (e instanceof dev.berth.runtime.build.steps.BuildCancellation.Cancelled) {
                throw e;
            }
            throw new EngineException("cannot pull the base image " + wanted.familiarString() + ": " + e.getMessage(),
                    e);
        }
    }

    /** The image's config JSON, as a fresh copy to build on. */
    ObjectNode config(ImageRecord image) {
        try {
            return (ObjectNode) Json.MAPPER.readTree(tools.images().content().read(image.id()));
        } catch (IOException e) {
            throw new EngineException(
                    "the config of image " + image.id().shortHex() + " is unreadable: " + e.getMessage(), e);
        }
    }
}
