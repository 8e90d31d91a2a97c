package org.communityledger.command.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.communityledger.command.CommandServiceTest;
import org.communityledger.command.MembershipCommandApplication;
import org.communityledger.testsupport.SecondInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/**
 * An instance that stops while its publisher waits for events stops at once and lets go of the publisher's claim,
 * so a rolling restart neither waits on an idle reader nor leaves the others waiting out the claim timeout.
 */
@CommandServiceTest
class PublisherShutdownIT {

    @Autowired
    EmbeddedPostgres database;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    JdbcClient jdbc;

    @Test
    void an_instance_stopping_while_its_publisher_is_idle_stops_within_two_seconds_and_releases_the_claim() {
        SecondInstance stopping = SecondInstance.start(MembershipCommandApplication.class, database,
                broker.getBrokersAsString(), "ledger.publisher.node-id=stopping-instance",
                // Nothing but a commit of its own would wake its reader: it waits out the whole event wait.
                "ledger.event-store.fetch-delay=1h");
        try {
            // This test's own instance lets go of the claim for a moment, so the stopping one takes it over.
            processing.eventProcessor(KafkaPublisher.PROCESSOR, TrackingEventProcessor.class).orElseThrow()
                    .releaseSegment(0, 5, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(20)).until(() -> owner().equals("stopping-instance"));
            // Long enough for its reader to have found nothing and to be waiting for events.
            await().pollDelay(Duration.ofSeconds(1)).until(() -> true);
        } catch (RuntimeException | Error e) {
            stopping.close();
            throw e;
        }

        long started = System.nanoTime();
        stopping.close();
        Duration stopped = Duration.ofNanos(System.nanoTime() - started);

        assertThat(stopped).isLessThan(Duration.ofSeconds(2));
        assertThat(owner()).as("the claim's owner after the stop").isEmpty();
    }

    private String owner() {
        return jdbc.sql("select coalesce(owner, '') from token_entry where processor_name = ? and segment = 0")
                .param(KafkaPublisher.PROCESSOR).query(String.class).single();
    }
}
