package org.communityledger.command.eventstore;

import java.sql.SQLException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;

/**
 * Tells Axon when an append failed because another append took the same community version: PostgreSQL's
 * unique violation (SQLSTATE 23505) anywhere in the cause chain, including the next exception of a batch.
 * Axon then raises a {@code ConcurrencyException}, which the dispatcher retries on fresh state. Axon's
 * {@code JdbcSQLErrorCodesResolver} does not see it inside pgjdbc's {@code BatchUpdateException}: with one
 * command instance Axon's own aggregate lock kept appends apart, with two they met as a 500.
 */
final class DuplicateKeyResolver implements PersistenceExceptionResolver {

    private static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && isUniqueViolation(sql)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUniqueViolation(SQLException exception) {
        for (SQLException next = exception; next != null; next = next.getNextException()) {
            if (UNIQUE_VIOLATION.equals(next.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
