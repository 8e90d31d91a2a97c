package org.communityledger.query.rebuild;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Where the group's rebuild stands, in the control schema, so that every query instance reports it alike. */
@Component
class RebuildStatusStore {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    RebuildStatusStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void save(RebuildStatus status) {
        jdbc.sql("""
                        insert into %s.rebuild_status (status) values (cast(:status as jsonb))
                        on conflict (singleton) do update set status = excluded.status, updated_at = now()"""
                        .formatted(ControlSchema.NAME))
                .param("status", json.writeValueAsString(status))
                .update();
    }

    Optional<RebuildStatus> latest() {
        return jdbc.sql("select status::text from %s.rebuild_status".formatted(ControlSchema.NAME))
                .query(String.class)
                .optional()
                .map(text -> json.readValue(text, RebuildStatus.class));
    }
}
