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
 * holes in the global positions are taken as final at once (SafePositionIT tests the wait itself); the audit reads
 * three events a page. The local
 * profile gives the accounts admin/admin, auditor/auditor, viewer/viewer and metrics/metrics, and clerk/clerk is a
 * second ADMIN. The transparency log
 * seals every 200 ms and signs checkpoints with a test key. It listens on 127.0.0.1 only, where the local accounts
 * may load.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.address=127.0.0.1", "ledger.community.snapshot-threshold=5", "ledger.audit.settle=0s",
                // Three events a page, so every audit stream in the tests crosses page boundaries.
                "ledger.audit.page-size=3",
                // The check of new events runs when a test calls it, never on its own in the middle of another.
                "ledger.audit.new-events-check-interval=1h",
                "ledger.transparency.seal-interval=200ms",
                // Tests that write the store directly (as a migration would) do not announce it: the publisher and
                // the transparency log look for such events every 200 ms (CommandGroupIT tests announcing).
                "ledger.event-store.fetch-delay=200ms", "ledger.transparency.idle-seal-interval=200ms",
                // A second administrator, for what depends on who sends a command (idempotency keys).
                "ledger.security.accounts[0].username=clerk", "ledger.security.accounts[0].password-hash={noop}clerk",
                "ledger.security.accounts[0].roles=ADMIN",
                "ledger.transparency.signing-key=" + CommandServiceTest.TEST_SIGNING_KEY})
@Import(EmbeddedPostgresConfiguration.class)
@EmbeddedKafka(partitions = 3, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@ActiveProfiles("local")
public @interface CommandServiceTest {

    /** The transparency log's signing key in tests: a fixture, never used outside them. */
    String TEST_SIGNING_KEY =
            "PRIVATE+KEY+test.community-ledger.local/log+c5e77243+ARsG4OlkM/j3tnFtPzMO1O37wqFM6Me1eHis0iWOy7UK";
    /** Its public half. */
    String TEST_VERIFIER_KEY = "test.community-ledger.local/log+c5e77243+Ab79AFsiSTggkiY7l7sgjpwRikK4hB0DqFV18DmOzfPy";
}
