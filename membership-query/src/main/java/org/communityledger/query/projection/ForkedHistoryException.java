package org.communityledger.query.projection;

/**
 * A record whose chain hashes contradict what this side applied: it does not link to the community's last
 * applied event, or it carries the applied version with another hash. Both mean two histories of one
 * community, so the record is parked (reason kind {@code fork}) and its community quarantined, never skipped.
 */
class ForkedHistoryException extends RuntimeException {

    ForkedHistoryException(String message) {
        super(message);
    }
}
