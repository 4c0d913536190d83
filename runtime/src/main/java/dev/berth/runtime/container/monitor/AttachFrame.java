package dev.berth.runtime.container.monitor;

/** One chunk of output from conmon's attach socket; {@code stream} is 1 for stdout, 2 for stderr (Docker's numbering). */
public record AttachFrame(int stream, byte[] data) {
    /** conmon's packet prefix bytes (utils.h: STDOUT_PIPE=2, STDERR_PIPE=3). */
    static final int CONMON_STDOUT = 2;
    static final int CONMON_STDERR = 3;

    /** Decodes one packet: a stream byte then the payload. */
    static AttachFrame decode(byte[] packet, int length) {
        int stream = switch (packet[0]) {
            case CONMON_STDOUT -> 1;
            case CONMON_STDERR -> 2;
            default -> throw new IllegalArgumentException("unknown attach stream byte " + packet[0]);
        };
        byte[] data = new byte[length - 1];
        System.arraycopy(packet, 1, data, 0, length - 1);
        return new AttachFrame(stream, data);
    }
}
