package org.communityledger.query.rebuild;

import java.sql.SQLException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.common.KafkaException;
import org.communityledger.query.projection.Failures;
import org.springframework.dao.DataAccessException;

/**
 * Why a rebuild failed, in words fit for the status answer that every ADMIN (and every query instance) reads: the
 * kind of failure and a reference, never the exception's own text. A database error's text quotes the statement
 * and often the values it was given (SQL of the views, names of schemas and roles, pieces of events); that belongs
 * in the service's log, where the reference finds it.
 */
record RebuildFailure(String reference, String reason) {

    static RebuildFailure of(Throwable failure) {
        byte[] random = new byte[4];
        ThreadLocalRandom.current().nextBytes(random);
        return new RebuildFailure("rebuild-" + HexFormat.of().formatHex(random), kind(failure));
    }

    /** The status answer's {@code error}: what went wrong, and where the details are. */
    String error() {
        return reason + " (details in the query service's log under " + reference + ")";
    }

    private static String kind(Throwable failure) {
        if (Failures.isTransient(failure)) {
            return "the database could not be reached or gave up a statement for now (retry the rebuild)";
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof DataAccessException || cause instanceof SQLException) {
                return "the database refused a statement of the rebuild";
            }
            if (cause instanceof KafkaException) {
                return "the events topic could not be read";
            }
        }
        return "the rebuild stopped on an unexpected error";
    }
}
