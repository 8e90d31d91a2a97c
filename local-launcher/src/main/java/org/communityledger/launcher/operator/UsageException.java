package org.communityledger.launcher.operator;

/** The command line cannot be run as given; the message says what to change. */
public class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
