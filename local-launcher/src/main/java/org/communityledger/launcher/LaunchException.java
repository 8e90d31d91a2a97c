package org.communityledger.launcher;

/** The local system cannot start; the message tells the operator what to do. */
public class LaunchException extends RuntimeException {

    public LaunchException(String message) {
        super(message);
    }

    public LaunchException(String message, Throwable cause) {
        super(message, cause);
    }
}
