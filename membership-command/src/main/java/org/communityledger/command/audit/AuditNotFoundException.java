package org.communityledger.command.audit;

/** The audit API has nothing at that path. Answered as 404. */
class AuditNotFoundException extends RuntimeException {

    AuditNotFoundException(String message) {
        super(message);
    }
}
