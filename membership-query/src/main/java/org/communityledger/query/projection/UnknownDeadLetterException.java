package org.communityledger.query.projection;

import org.communityledger.query.web.UnknownResourceException;

/** No dead letter has this id: a 404 problem, like any other resource the views do not hold. */
public class UnknownDeadLetterException extends UnknownResourceException {

    public UnknownDeadLetterException(long id) {
        super("There is no dead letter " + id + ".");
    }
}
