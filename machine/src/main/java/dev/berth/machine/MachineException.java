package dev.berth.machine;

/** Something kept a machine from starting or stopping; the message says what in words a person can act on. */
public class MachineException extends RuntimeException {
    public MachineException(String message) {
        super(message);
    }

    public MachineException(String message, Throwable cause) {
        super(message, cause);
    }
}
