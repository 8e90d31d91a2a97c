package org.communityledger.query.sql;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Write statements collected in order and sent in as few round trips as the order allows: consecutive
 * statements with the same SQL go to the database as one JDBC batch, which the PostgreSQL driver pipelines.
 * A statement with other SQL first sends what is pending, so the database sees every statement in the
 * order it was added.
 */
public final class OrderedStatements {

    private final JdbcTemplate jdbc;
    private final List<Object[]> pendingArguments = new ArrayList<>();
    private String pendingSql;

    public OrderedStatements(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void add(String sql, Object... arguments) {
        if (!sql.equals(pendingSql)) {
            flush();
            pendingSql = sql;
        }
        pendingArguments.add(arguments);
    }

    /** Sends everything added so far. */
    public void flush() {
        if (pendingSql == null) {
            return;
        }
        if (pendingArguments.size() == 1) {
            jdbc.update(pendingSql, pendingArguments.get(0));
        } else {
            jdbc.batchUpdate(pendingSql, pendingArguments);
        }
        pendingSql = null;
        pendingArguments.clear();
    }
}
