package dev.berth.runtime.container.exec;

import dev.berth.runtime.container.monitor.ExecSession;
import java.util.Optional;

/**
 * One exec: its configuration and what became of it. Mutable because an exec changes state exactly twice
 * (started, exited) and readers (inspect) must see the latest; every field is volatile for those readers.
 */
public final class ExecInstance {
    private final String id;
    private final String containerId;
    private final ExecConfig config;
    private volatile boolean started;
    private volatile boolean running;
    private volatile Integer exitCode;
    private volatile long pid;
    private volatile ExecSession session;
    private final java.util.concurrent.CompletableFuture<Integer> recorded = new java.util.concurrent.CompletableFuture<>();

    ExecInstance(String id, String containerId, ExecConfig config) {
        this.id = id;
        this.containerId = containerId;
        this.config = config;
    }

    public String id() {
        return id;
    }
    public String containerId() {
        return containerId;
    }
    public ExecConfig config() {
        return config;
    }
    public boolean running() {
        return running;
    }
    /** Docker's ExitCode: null until the process has exited. */
    public Integer exitCode() {
        return exitCode;
    }
    public long pid() {
        return pid;
    }
    /** The conmon session once started. */
    public Optional<ExecSession> session() {
        return Optional.ofNullable(session);
    }

    /**
     * Completes once the exit code is recorded here, which is what inspect reads. Waiting on the session's own exit
     * is not enough: its waiters may wake before the code is recorded (the soak saw inspect answer Running once).
     */
    public java.util.concurrent.CompletableFuture<Integer> recordedExit() {
        return recorded;
    }

    /** Claims the one start an exec gets; false if it was started before. */
    synchronized boolean claimStart() {
        if (started) {
            return false;
        }
        started = true;
        return true;
    }

    synchronized void started(ExecSession s) {
        this.session = s;
        this.pid = s.pid();
        this.running = true;
    }

    synchronized void exited(int code) {
        this.exitCode = code;
        this.running = false;
        this.pid = 0;
        recorded.complete(code);
    }
}
