package org.communityledger.command.ledger;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the hash of a community's latest stored event: where its chain continues. */
@Component
class ChainHeads {

    private final JdbcClient jdbc;

    ChainHeads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The latest event's hash, or empty when the community has no event yet. */
    Optional<String> headOf(String communityId) {
        return jdbc.sql("""
                        select convert_from(meta_data, 'UTF8')::jsonb ->> 'hash' from domain_event_entry
                        where aggregate_identifier = :id order by sequence_number desc limit 1""")
                .param("id", communityId)
                .query(String.class)
                .optional();
    }
}
