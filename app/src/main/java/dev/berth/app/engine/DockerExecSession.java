package dev.berth.app.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CountDownLatch;

/**
 * An {@link ExecSession} over docker-java: {@code execStart} with a stdin stream makes the transport hijack the
 * connection (HTTP upgrade to a raw TCP stream), copy our stdin to it and hand back the TTY's raw frames.
 */
final class DockerExecSession implements ExecSession {
    private final DockerClient client;
    private final String execId;
    private final String endpoint;
    private final BytePipe stdin = new BytePipe();
    private final BytePipe stdout = new BytePipe();
    private final CountDownLatch done = new CountDownLatch(1);
    private final ResultCallback.Adapter<Frame> callback;
    private volatile boolean open = true;

    DockerExecSession(DockerClient client, String execId, int cols, int rows, String endpoint) {
        this.client = client;
        this.execId = execId;
        this.endpoint = endpoint;
        this.callback = new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Frame frame) {
                stdout.write(frame.getPayload());
            }

            @Override
            public void onError(Throwable t) {
                finish();
            }

            @Override
            public void onComplete() {
                finish();
            }
        };
        client.execStartCmd(execId).withDetach(false).withTty(true).withStdIn(stdin).exec(callback);
        // The TTY starts at the engine's default size; tell it ours once the process exists (a resize sent before
        // the engine has started the exec is refused, so try again for a moment).
        Thread.ofVirtual().name("berth-exec-size").start(() -> initialResize(cols, rows));
    }

    private void initialResize(int cols, int rows) {
        for (int attempt = 0; attempt < 40 && open; attempt++) {
            try {
                client.resizeExecCmd(execId).withSize(rows, cols).exec();
                return;
            } catch (RuntimeException notYet) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private void finish() {
        open = false;
        stdout.close();
        stdin.close();
        done.countDown();
    }

    @Override
    public String id() {
        return execId;
    }

    @Override
    public InputStream output() {
        return stdout;
    }

    @Override
    public OutputStream input() {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[]{(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (!open) {
                    throw new IOException("the terminal session has ended");
                }
                stdin.write(java.util.Arrays.copyOfRange(b, off, off + len));
            }
        };
    }

    @Override
    public void resize(int cols, int rows) {
        if (!open || cols <= 0 || rows <= 0) {
            return;
        }
        try {
            client.resizeExecCmd(execId).withSize(rows, cols).exec();
        } catch (RuntimeException e) {
            // The process may have exited in between; a resize that comes too late changes nothing.
            if (open) {
                throw EngineErrors.translate(e, endpoint);
            }
        }
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public int waitFor() throws InterruptedException {
        done.await();
        try {
            Long code = client.inspectExecCmd(execId).exec().getExitCodeLong();
            return code == null ? -1 : code.intValue();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        try {
            callback.close();
        } catch (IOException ignored) {
            // Already closed.
        }
        finish();
    }
}
