package org.communityledger.query;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.communityledger.testsupport.EmbeddedPostgresConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;

/**
 * The query service on a random port against a real PostgreSQL and a real Kafka broker; every test class
 * with this annotation shares one application context. Read-your-writes waits 3 s here (5 s by default). The
 * topics' layout, the projection's lag and the quarantine are checked every second. The local profile gives the
 * accounts admin/admin, auditor/auditor, viewer/viewer and metrics/metrics, on 127.0.0.1 only.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.address=127.0.0.1", "ledger.live.freshness-timeout=3s",
                "ledger.live.subscriber-buffer=100",
                "ledger.kafka.layout-check-interval=1s", "ledger.projection.lag-check-interval=1s",
                "ledger.projection.quarantine-check-interval=1s"})
@Import(EmbeddedPostgresConfiguration.class)
@EmbeddedKafka(partitions = 3, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@ActiveProfiles("local")
public @interface QueryServiceTest {
}
