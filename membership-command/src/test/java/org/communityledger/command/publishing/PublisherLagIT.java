package org.communityledger.command.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.SortedSet;
import java.util.TreeSet;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.communityledger.command.CommandApi;
import org.communityledger.command.CommandServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The publisher's lag is what the event store holds beyond the publisher's stored token: the events after its
 * index and those in its gaps (committed late, below positions it had passed).
 */
@CommandServiceTest
class PublisherLagIT {

    private static final Duration CATCHING_UP = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    TokenStore tokenStore;

    @Autowired
    PublisherLagReader reader;

    @Autowired
    JdbcClient jdbc;


    @Test
    void events_stored_while_the_publisher_stands_still_and_events_in_its_gaps_are_its_lag() throws Exception {
        TrackingEventProcessor publisher = processing
                .eventProcessor(KafkaPublisher.PROCESSOR, TrackingEventProcessor.class).orElseThrow();
        CommandApi commands = new CommandApi(port);
        // Two published events at least, so that the token's index is above the first of them.
        commands.establish();
        commands.establish();
        await().atMost(CATCHING_UP).until(() -> reader.read().events() == 0);
        assertThat(reader.read().oldestStoredAt()).isNull();

        publisher.shutDown();
        try {
            Instant before = Instant.now();
            commands.establish();
            commands.establish();
            PublisherLag lag = reader.read();
            assertThat(lag.events()).isEqualTo(2);
            assertThat(lag.oldestStoredAt()).isBetween(before.minusSeconds(1), Instant.now());
            assertThat(lag.oldestAgeSeconds(lag.oldestStoredAt().plusSeconds(3))).isEqualTo(3.0);

            TrackingToken stored = tokenStore.fetchToken(KafkaPublisher.PROCESSOR, 0);
            try {
                GapAwareTrackingToken token = (GapAwareTrackingToken) stored;
                long published = jdbc.sql("select min(global_index) from domain_event_entry").query(Long.class).single();
                SortedSet<Long> gaps = new TreeSet<>(token.getGaps());
                gaps.add(published);
                tokenStore.storeToken(GapAwareTrackingToken.newInstance(token.getIndex(), gaps),
                        KafkaPublisher.PROCESSOR, 0);
                assertThat(reader.read().events()).isEqualTo(3);
            } finally {
                tokenStore.storeToken(stored, KafkaPublisher.PROCESSOR, 0);
                tokenStore.releaseClaim(KafkaPublisher.PROCESSOR, 0);
            }
        } finally {
            publisher.start();
        }
        await().atMost(CATCHING_UP).until(() -> reader.read().events() == 0);
    }
}
