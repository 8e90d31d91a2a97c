package org.communityledger.query.projection;

import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;
import org.communityledger.events.wire.UndecodableEventException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a failure that goes away by itself from one that does not. A transient failure (the database or a
 * connection gone, a lock or statement timeout, a serialization failure, a relation missing while a
 * migration runs) says nothing about the record: it is retried for as long as it lasts and never parked.
 * Anything else is taken as the record's own: it could never be applied as it is.
 */
public final class Failures {

    /**
     * SQLSTATE classes and codes that describe the database's condition, not the statement's: connection
     * exceptions (08), transaction rollbacks such as serialization failures and deadlocks (40), insufficient
     * resources (53), operator intervention such as a shutdown or a cancelled statement (57), system errors
     * (58), lock not available (55P03), a read-only transaction on a demoted primary (25006), and a relation or
     * schema that does not exist yet (42P01, 3F000), as during a migration or a restore.
     */
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "40", "53", "57", "58");
    private static final Set<String> TRANSIENT_STATES = Set.of("55P03", "25006", "42P01", "3F000");

    private Failures() {
    }

    public static boolean isTransient(Throwable failure) {
        if (causeOfType(failure, UndecodableEventException.class) != null) {
            // A record that cannot be read stays unreadable, whatever the parser's exception looks like.
            return false;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return isTransientState(sql.getSQLState());
            }
            if (cause instanceof SQLTransientException || cause instanceof SQLRecoverableException
                    || cause instanceof TransientDataAccessException
                    || cause instanceof RecoverableDataAccessException
                    || cause instanceof CannotGetJdbcConnectionException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof SocketException || cause instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    static boolean isTransientState(String sqlState) {
        return sqlState.length() == 5
                && (TRANSIENT_CLASSES.contains(sqlState.substring(0, 2)) || TRANSIENT_STATES.contains(sqlState));
    }

    /** The innermost cause, whose message usually says what went wrong. */
    public static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    static <T extends Throwable> T causeOfType(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
