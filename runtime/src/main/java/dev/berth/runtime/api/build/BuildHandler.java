package dev.berth.runtime.api.build;

import dev.berth.runtime.api.http.ApiRequest;
import dev.berth.runtime.api.http.ApiResponse;
import dev.berth.runtime.api.http.Handler;
import dev.berth.runtime.api.http.ProgressStream;
import dev.berth.runtime.build.BuildRequest;
import dev.berth.runtime.build.BuildStepException;
import dev.berth.runtime.build.ImageBuilder;
import dev.berth.runtime.build.steps.BuildCancellation;
import dev.berth.runtime.digest.Digest;
import dev.berth.runtime.image.progress.ProgressMessage;
import dev.berth.runtime.image.registry.DockerConfigCredentials;
import java.io.InputStream;

/**
 * {@code POST /build}: runs the build and streams its lines. An error before any line is a plain HTTP error (a
 * Dockerfile that does not parse is a 400); after that it is the stream's {@code errorDetail}, with a failed RUN's
 * exit code. A client that hangs up cancels the build.
 */
final class BuildHandler implements Handler {
    private static final System.Logger LOG = System.getLogger("berth.api");

    private final ImageBuilder builder;
    private final DockerConfigCredentials fallback;

    BuildHandler(ImageBuilder builder, DockerConfigCredentials fallback) {
        this.builder = builder;
        this.fallback = fallback;
    }

    @Override
    public void handle(ApiRequest req, ApiResponse res) throws Exception {
        BuildRequest request = BuildQuery.parse(req, fallback);
        ProgressStream stream = new ProgressStream(res);
        QuietSink quiet = request.quiet() ? new QuietSink() : null;
        BuildCancellation cancellation = new BuildCancellation();
        // Off the connection's event loop: stopping a step waits for its container to die.
        res.onClientGone(() -> Thread.ofVirtual().name("build-cancel").start(cancellation::cancel));
        try (InputStream body = req.body()) {
            Digest id = builder.build(request, body, quiet != null ? quiet : stream, cancellation);
            if (quiet != null) {
                stream.emit(ProgressMessage.stream(id + "\n"));
            }
            stream.finish();
        } catch (BuildCancellation.Cancelled e) {
            LOG.log(System.Logger.Level.INFO, "build cancelled: the client went away");
        } catch (RuntimeException e) {
            if (cancellation.cancelled()) {
                LOG.log(System.Logger.Level.INFO, "build cancelled: the client went away (" + e.getMessage() + ")");
                return;
            }
            if (quiet != null) {
                quiet.release(stream);
            }
            stream.fail(e, e instanceof BuildStepException step ? step.code() : 0);
        }
    }
}
