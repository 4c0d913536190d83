package dev.berth.app.xray;

/** Where the X-ray of a container stands. */
public enum XRayStatus {
    /** No container chosen yet. */
    IDLE, LOADING, READY,
    /** The engine has no X-ray endpoint (dockerd, podman, an older berthd). */
    UNAVAILABLE,
    /** The container exists but does not run, so there are no processes to look at. */
    NOT_RUNNING, FAILED
}
