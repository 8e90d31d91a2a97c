package org.communityledger.faults;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A projector defect that strikes one community only: a trigger on the views' member table that refuses that
 * community's new member rows with an exception (SQLSTATE P0001), which no retry can get past. Dropping it is
 * "the fix". The function lives in {@code public}, outside the views' schemas, which a rebuild replaces.
 */
final class RefusingTrigger implements AutoCloseable {

    static final String MESSAGE = "fault drill: the views refuse members of community";

    private final StoredEvents database;
    private boolean dropped;

    private RefusingTrigger(StoredEvents database) {
        this.database = database;
    }

    static RefusingTrigger install(StoredEvents database, String communityId) throws SQLException {
        // Written into the DDL as a literal: only an id that cannot break out of one is accepted.
        if (!communityId.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("a community id the trigger cannot name safely: " + communityId);
        }
        RefusingTrigger trigger = new RefusingTrigger(database);
        trigger.execute("""
                create or replace function public.fault_drill_refuse_member() returns trigger language plpgsql as $$
                begin
                    if new.community_id = tg_argv[0] then
                        raise exception '%s %%', new.community_id;
                    end if;
                    return new;
                end $$""".formatted(MESSAGE),
                // Waits for the projector's open transaction on the table, at most a few seconds.
                "set lock_timeout = '10s'",
                "drop trigger if exists fault_drill_refuse_member on projection.member",
                """
                create trigger fault_drill_refuse_member before insert on projection.member for each row
                execute function public.fault_drill_refuse_member('%s')""".formatted(communityId));
        return trigger;
    }

    /** The fix: the views accept the community's members again. A second call does nothing. */
    @Override
    public void close() throws SQLException {
        if (dropped) {
            return;
        }
        dropped = true;
        execute("set lock_timeout = '10s'", "drop trigger if exists fault_drill_refuse_member on projection.member",
                "drop function if exists public.fault_drill_refuse_member()");
    }

    /** The statements in order, in one session. */
    private void execute(String... statements) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
