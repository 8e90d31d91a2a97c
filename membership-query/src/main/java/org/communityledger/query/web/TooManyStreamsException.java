package org.communityledger.query.web;

/** Every stream slot is taken. Answered 503 with Retry-After; a browser's EventSource then tries again later. */
public class TooManyStreamsException extends RuntimeException {

    public TooManyStreamsException(int limit) {
        super("This service already serves its limit of " + limit + " live streams; retry later.");
    }
}
