package org.communityledger.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * The database roles the services run under, as everywhere else (docs/security.md): {@code ledger_owner} runs the
 * command side's migrations and owns the event store, {@code ledger_command} may read and append events but never
 * change one, {@code ledger_query} owns the views and cannot reach the event store. They are made by the script
 * docker compose runs too, {@code ops/postgres/ledger-roles.sql}, at every start: it also hands the schemas of a
 * data directory from before the roles over to them.
 *
 * <p>No role has a password: the embedded PostgreSQL listens on 127.0.0.1 only and trusts every connection from
 * this machine, as it always did for its superuser. A password would keep out nobody who could not read the data
 * directory anyway; what the roles add here is that a service can do only what its role may.
 */
final class DatabaseRoles {

    static final String OWNER = "ledger_owner";
    static final String COMMAND_SERVICE = "ledger_command";
    static final String QUERY_SERVICE = "ledger_query";

    private DatabaseRoles() {
    }

    /** Creates the roles (once) and hands them their schemas, as the superuser on the ledger's database. */
    static void create(Connection superuser, Path home) {
        Path script = home.resolve("ops").resolve("postgres").resolve("ledger-roles.sql");
        try (Statement statement = superuser.createStatement()) {
            statement.execute(Files.readString(script));
        } catch (IOException e) {
            throw new LaunchException("cannot read the database roles' script " + script + ": " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new LaunchException("cannot create the database roles (" + script + "): " + e.getMessage(), e);
        }
    }

    /** The command service's account, and its migrations' (the owner's), in its environment. */
    static Map<String, String> commandService() {
        return Map.of("SPRING_DATASOURCE_USERNAME", COMMAND_SERVICE, "SPRING_FLYWAY_USER", OWNER);
    }

    /** The query service's account: it migrates its own schemas, which a rebuild replaces. */
    static Map<String, String> queryService() {
        return Map.of("SPRING_DATASOURCE_USERNAME", QUERY_SERVICE);
    }
}
