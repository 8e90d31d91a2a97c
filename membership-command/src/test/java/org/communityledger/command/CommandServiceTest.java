package org.communityledger.command;

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
 * The command service on a random port against a real PostgreSQL and a real Kafka broker. Every test class
 * with this annotation shares one application context. Snapshots are taken every 5 events so tests reach them;
 * holes in the global positions are taken as final at once (SafePositionIT tests the wait itself). The local
 * profile gives the accounts admin/admin, auditor/auditor, viewer/viewer and metrics/metrics.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ledger.community.snapshot-threshold=5", "ledger.audit.settle=0s"})
@Import(EmbeddedPostgresConfiguration.class)
@EmbeddedKafka(partitions = 3, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@ActiveProfiles("local")
public @interface CommandServiceTest {
}
