package dev.berth.runtime.daemon;

import com.sun.security.auth.module.UnixSystem;

/** berthd needs root: it mounts, creates namespaces and owns /run/berth. */
final class RootCheck {
    private RootCheck() {}

    static void requireRoot() throws StartupException {
        long uid = new UnixSystem().getUid();
        if (uid != 0) {
            throw new StartupException("berthd needs to run as root (uid 0), but runs as uid " + uid
                    + "; start it with sudo");
        }
    }
}
