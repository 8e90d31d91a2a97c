package org.communityledger.platform.problem;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Recognises a failure that means the database cannot be reached for now (stopped, restarting, connections
 * cut), as opposed to a defect: such a request may succeed if retried, so it is answered 503 with Retry-After,
 * never 500. When the connection broke during a commit, the command may have been saved after all; a client
 * that retries with the same Idempotency-Key then gets the first outcome, and nothing is recorded twice.
 */
final class UnavailableStorage {

    private UnavailableStorage() {
    }

    static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLRecoverableException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof CannotCreateTransactionException) {
                return true;
            }
            if (cause instanceof TransactionSystemException failedCommit && brokenConnection(failedCommit.getCause())) {
                return true;
            }
            if (cause instanceof SQLException sql && isConnectionState(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * A commit or rollback the connection broke under: the pool reports a closed connection without any
     * SQLSTATE (the server never answered), the driver with class 08. An error the server did report, such as a
     * trigger's exception, carries its own state and stays a defect.
     */
    private static boolean brokenConnection(Throwable cause) {
        return cause instanceof SQLException sql && (sql.getSQLState() == null || isConnectionState(sql.getSQLState()));
    }

    /** SQLSTATE class 08 (connection exception) and 57P01-57P03 (the server is shutting down or starting). */
    private static boolean isConnectionState(String state) {
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03"));
    }
}
