package org.communityledger.query.rebuild;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The schemas a rebuild works with: the live views in {@code projection}, the new ones built beside them in
 * {@code projection_rebuild} by the same Flyway migrations, and the switch, which renames both schemas in
 * one transaction, so readers go from the old views to the new ones at once.
 */
@Component
class ProjectionSchemas {

    static final String LIVE = "projection";
    static final String REBUILD = "projection_rebuild";
    private static final String RETIRED = "projection_retired";

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    ProjectionSchemas(DataSource dataSource, JdbcClient jdbc, TransactionTemplate transactions) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** An empty rebuild schema with the current tables (any leftover of a failed rebuild is dropped). */
    void createRebuildSchema() {
        dropRebuildSchema();
        jdbc.sql("create schema " + REBUILD).update();
        Flyway.configure()
                .dataSource(dataSource)
                .schemas(REBUILD)
                .defaultSchema(REBUILD)
                .createSchemas(false)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    void dropRebuildSchema() {
        jdbc.sql("drop schema if exists " + REBUILD + " cascade").update();
    }

    /** Readers see the new views from the next statement on; the old ones are dropped. */
    void switchToRebuilt() {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("alter schema " + LIVE + " rename to " + RETIRED).update();
            jdbc.sql("alter schema " + REBUILD + " rename to " + LIVE).update();
            jdbc.sql("drop schema " + RETIRED + " cascade").update();
        });
    }

    /** Statements of the current transaction address the rebuild schema's tables. */
    void useRebuildSchemaInThisTransaction() {
        jdbc.sql("set local search_path to " + REBUILD).update();
    }
}
