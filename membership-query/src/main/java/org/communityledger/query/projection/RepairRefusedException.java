package org.communityledger.query.projection;

/** A repair that cannot be done as asked: the dead letter is not parked, or its record still fails. */
public class RepairRefusedException extends RuntimeException {

    RepairRefusedException(String message) {
        super(message);
    }
}
