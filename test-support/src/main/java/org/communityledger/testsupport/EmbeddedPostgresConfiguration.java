package org.communityledger.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * A real PostgreSQL for a test context: the zonky binaries from Maven Central, started on a free port, with the
 * ledger's database roles ({@code ops/postgres/ledger-roles.sql}) created as in every other topology. Its
 * lifecycle is tied to the Spring bean, so it stops after the pool that uses it has closed. Only the address
 * comes from here: each service connects as the role its own settings name ({@code ledger_command} with
 * migrations as {@code ledger_owner}, or {@code ledger_query}), exactly as in production. zonky's PostgreSQL
 * trusts every connection from this machine, so no role has a password.
 */
@TestConfiguration(proxyBeanMethods = false)
public class EmbeddedPostgresConfiguration {

    /** The database the services use here: zonky's own. */
    public static final String DATABASE = "postgres";
    /** The superuser, for tests that act as a database administrator would (e.g. tampering with the ledger). */
    public static final String SUPERUSER = "postgres";

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres() throws IOException {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
        try {
            createRoles(postgres);
        } catch (RuntimeException | SQLException e) {
            postgres.close();
            throw new IllegalStateException("cannot create the ledger's database roles", e);
        }
        return postgres;
    }

    @Bean
    DynamicPropertyRegistrar embeddedPostgresProperties(EmbeddedPostgres embeddedPostgres) {
        return registry -> registry.add("spring.datasource.url", () -> jdbcUrl(embeddedPostgres));
    }

    /**
     * The database's address without an account: zonky's own {@code getJdbcUrl} adds {@code ?user=}, which the
     * driver prefers to the account a service is configured with.
     */
    public static String jdbcUrl(EmbeddedPostgres postgres) {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
    }

    private static void createRoles(EmbeddedPostgres postgres) throws SQLException {
        try (Connection connection = postgres.getDatabase(SUPERUSER, DATABASE).getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(rolesScript());
        }
    }

    private static String rolesScript() {
        try (InputStream script = EmbeddedPostgresConfiguration.class.getResourceAsStream("ledger-roles.sql")) {
            if (script == null) {
                throw new IllegalStateException("ledger-roles.sql is not on the classpath (test-support's build copies "
                        + "it from ops/postgres)");
            }
            return new String(script.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
