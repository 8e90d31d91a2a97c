package org.communityledger.query.web;

/**
 * The caller already has its most live streams open. Answered 429 with Retry-After: one account (or one leaked
 * token) must not take the stream slots every other user needs.
 */
public class TooManyStreamsOfOnePrincipalException extends RuntimeException {

    public TooManyStreamsOfOnePrincipalException(int limit) {
        super("You already have " + limit + " live streams open, the most one account may; close one or retry "
                + "later.");
    }
}
