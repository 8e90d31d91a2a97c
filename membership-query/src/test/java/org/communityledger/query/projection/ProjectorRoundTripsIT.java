package org.communityledger.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.communityledger.events.CommunityEstablished;
import org.communityledger.events.CommunityEvent;
import org.communityledger.events.MemberJoined;
import org.communityledger.events.value.CommunityId;
import org.communityledger.events.value.Organization;
import org.communityledger.events.value.OrganizationId;
import org.communityledger.events.value.OrganizationKind;
import org.communityledger.events.value.Province;
import org.communityledger.events.wire.EventCodec;
import org.communityledger.events.wire.EventEnvelope;
import org.communityledger.events.wire.WireFormat;
import org.communityledger.query.QueryServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a batch of events costs the database: a rebuild and live consumption hand the projector thousands of joins
 * at a time, and each statement sent on its own is a round trip to PostgreSQL. The projector here is the real one
 * on the real database, with a {@link JdbcTemplate} that counts what it is asked to send.
 */
@QueryServiceTest
class ProjectorRoundTripsIT {

    private static final LocalDate DAY = LocalDate.of(2025, 10, 19);
    private static final AtomicLong POSITIONS = new AtomicLong(700_000_000);

    @Autowired
    DataSource dataSource;

    @Autowired
    EventCodec codec;

    @Autowired
    WireFormat wireFormat;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_batch_of_joins_reaches_the_database_in_a_handful_of_sends_and_records_every_movement_in_order() {
        CountingJdbcTemplate counting = new CountingJdbcTemplate(dataSource);
        CommunityProjector projector = new CommunityProjector(counting, codec, wireFormat);
        List<CommunityId> communities = List.of(CommunityId.newId(), CommunityId.newId());
        List<EventEnvelope> batch = new ArrayList<>();
        for (CommunityId community : communities) {
            batch.add(envelope(community, 1, new CommunityEstablished(community, "往返测试共同体", "Round trips",
                    "Sichuan", OrganizationId.of("host-college"), "Test hall", DAY)));
        }
        for (int member = 1; member <= 100; member++) {
            for (CommunityId community : communities) {
                batch.add(envelope(community, member + 1, new MemberJoined(community, new Organization(
                        OrganizationId.of("member-" + member), "Member " + member, OrganizationKind.ENTERPRISE,
                        Province.CN_SC), DAY.plusDays(member))));
            }
        }

        transactions.executeWithoutResult(tx -> projector.applyAll(batch));

        // Per batch, not per event: 200 joins sent one by one were 400 sends and more.
        assertThat(counting.sends.get()).as("statements and JDBC batches sent for 202 events").isLessThanOrEqualTo(10);
        for (CommunityId community : communities) {
            assertThat(jdbc.sql("select member_count from community where community_id = :id")
                    .param("id", community.value()).query(Integer.class).single()).isEqualTo(100);
            assertThat(jdbc.sql("""
                            select organization_id from member_movement where community_id = :id and joined
                            order by id""").param("id", community.value()).query(String.class).list())
                    .hasSize(100).startsWith("member-1", "member-2", "member-3").endsWith("member-100");
        }
    }

    private static EventEnvelope envelope(CommunityId community, long sequence, CommunityEvent event) {
        return new EventEnvelope(UUID.randomUUID().toString(), community, sequence, POSITIONS.incrementAndGet(),
                Instant.now(), "test", event);
    }

    /** Counts each query, statement and JDBC batch the projector sends; the real database runs them. */
    private static final class CountingJdbcTemplate extends JdbcTemplate {

        private final AtomicInteger sends = new AtomicInteger();

        CountingJdbcTemplate(DataSource dataSource) {
            super(dataSource);
        }

        @Override
        public int update(String sql, Object... args) {
            sends.incrementAndGet();
            return super.update(sql, args);
        }

        @Override
        public void query(String sql, RowCallbackHandler handler, Object... args) {
            sends.incrementAndGet();
            super.query(sql, handler, args);
        }

        @Override
        public int[] batchUpdate(String sql, List<Object[]> batchArgs) {
            sends.incrementAndGet();
            return super.batchUpdate(sql, batchArgs);
        }
    }
}
