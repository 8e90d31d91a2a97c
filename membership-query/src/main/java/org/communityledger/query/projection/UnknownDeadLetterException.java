package org.communityledger.query.projection;

/** No dead letter has this id. */
public class UnknownDeadLetterException extends RuntimeException {

    public UnknownDeadLetterException(long id) {
        super("There is no dead letter " + id + ".");
    }
}
