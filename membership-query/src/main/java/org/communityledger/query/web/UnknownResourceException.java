package org.communityledger.query.web;

/** A path names something the views do not hold (yet); answered as 404. */
public class UnknownResourceException extends RuntimeException {

    public UnknownResourceException(String message) {
        super(message);
    }
}
