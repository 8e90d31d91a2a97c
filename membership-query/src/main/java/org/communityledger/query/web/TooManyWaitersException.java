package org.communityledger.query.web;

/**
 * The caller already has its most queries waiting for {@code minPosition}. Answered 429 with Retry-After: each
 * waiting query holds a request thread, and one account must not hold them all.
 */
public class TooManyWaitersException extends RuntimeException {

    public TooManyWaitersException(int limit) {
        super("You already have " + limit + " queries waiting for minPosition, the most one account may; retry "
                + "once one of them has been answered.");
    }
}
