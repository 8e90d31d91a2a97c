package org.communityledger.command.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.SortedSet;
import java.util.TreeSet;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
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

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void events_stored_while_the_publisher_stands_still_and_events_in_its_gaps_are_its_lag() throws Exception {
        TrackingEventProcessor publisher = processing
                .eventProcessor(KafkaPublisher.PROCESSOR, TrackingEventProcessor.class).orElseThrow();
        // Two published events at least, so that the token's index is above the first of them.
        establish();
        establish();
        await().atMost(CATCHING_UP).until(() -> reader.read().events() == 0);
        assertThat(reader.read().oldestStoredAt()).isNull();

        publisher.shutDown();
        try {
            Instant before = Instant.now();
            establish();
            establish();
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

    private void establish() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/communities"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "admin:admin".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"name":"Lagging","sector":"Audiovisual","region":"Sichuan",
                         "hostOrganizationId":"nanchong-college","venue":"Hall","establishedOn":"2025-10-19"}""",
                        StandardCharsets.UTF_8))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }
}
