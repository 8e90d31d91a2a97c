package org.communityledger.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.communityledger.client.audit.ChainVerification;
import org.communityledger.client.audit.Digest;
import org.communityledger.client.audit.DigestVerification;
import org.communityledger.client.metrics.PrometheusMetrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The command service's APIs against a real HTTP server answering what the service answers. */
class CommandServiceContractTest {

    private static final String JSON = "application/json";
    private static final String COMMUNITY = "c6b93fc9-2d1d-4018-91b3-a4ac57262e0e";

    private final RecordedLedger server = RecordedLedger.start();
    private final CommandServiceClient command =
            LedgerClients.command(server.baseUrl(), Credentials.basic("auditor", "auditor"));

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void readsThePublishersLag() {
        server.answer("GET", "/actuator/prometheus", 200, "text/plain;version=0.0.4;charset=utf-8",
                "command-prometheus.txt");

        PrometheusMetrics metrics = command.metrics().metrics();

        assertThat(metrics.value("ledger_publisher_lag_events")).hasValue(0);
        assertThat(metrics.value("ledger_publisher_lag_oldest_seconds")).hasValue(0);
        assertThat(metrics.value("ledger_publisher_published_total")).hasValue(2);
    }

    @Test
    void verifiesOneCommunitysChain() {
        server.answer("GET", "/api/audit/communities/" + COMMUNITY + "/verify", 200, JSON, "chain-verification.json");

        ChainVerification verification = command.audit().verifyChain(COMMUNITY);

        assertThat(verification.valid()).isTrue();
        assertThat(verification.eventsChecked()).isEqualTo(2);
        assertThat(verification.firstBadVersion()).isNull();
        assertThat(server.lastRequest().header("Authorization")).isEqualTo("Basic YXVkaXRvcjphdWRpdG9y");
    }

    @Test
    void sendsADigestBackAsItCame() {
        server.answer("GET", "/api/audit/digest", 200, JSON, "digest.json")
                .answer("POST", "/api/audit/digest/verify", 200, JSON, "digest-verification.json");

        Digest digest = command.audit().digest();
        DigestVerification verification = command.audit().verifyDigest(digest);

        assertThat(digest.createdAt()).isEqualTo(Instant.parse("2026-11-30T14:41:54.063252605Z"));
        String sent = server.lastRequest().body();
        assertThat(sent).contains("\"merkleRoot\":\"" + digest.merkleRoot() + "\"")
                .contains("\"createdAt\":\"2026-11-30T14:41:54.063252605Z\"")
                .contains("\"position\":2");
        assertThat(verification.valid()).isTrue();
        assertThat(verification.problems()).isEmpty();
    }

    @Test
    void exportsWithTheRangeAsked() throws IOException {
        server.answer("GET", "/api/audit/export", 200, "application/x-ndjson", "export.ndjson");

        try (InputStream export = command.export().export(COMMUNITY, 0L, 2L)) {
            assertThat(new String(export.readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo(RecordedLedger.recorded("export.ndjson"));
        }
        assertThat(server.lastRequest().query()).isEqualTo("communityId=" + COMMUNITY + "&after=0&upTo=2");
        assertThat(server.lastRequest().header("Accept")).contains("application/x-ndjson");
    }

    @Test
    void exportIsReadWhileTheServiceIsStillWritingIt() throws IOException, InterruptedException {
        CountDownLatch clientReadFirstLine = new CountDownLatch(1);
        AtomicBoolean servedWhileStreaming = new AtomicBoolean();
        String[] lines = RecordedLedger.recorded("export.ndjson").split("\n");
        server.answer("GET", "/api/audit/export", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/x-ndjson");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write((lines[0] + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                // A client that buffered the whole answer would not see the first line before the last one.
                servedWhileStreaming.set(awaitQuietly(clientReadFirstLine));
                out.write((lines[1] + "\n").getBytes(StandardCharsets.UTF_8));
            }
        });

        try (BufferedReader export = new BufferedReader(new InputStreamReader(
                command.export().export(null, null, null), StandardCharsets.UTF_8))) {
            assertThat(export.readLine()).isEqualTo(lines[0]);
            clientReadFirstLine.countDown();
            assertThat(export.readLine()).isEqualTo(lines[1]);
            assertThat(export.readLine()).isNull();
        }
        assertThat(servedWhileStreaming).isTrue();
        assertThat(server.lastRequest().query()).isNull();
    }

    private static boolean awaitQuietly(CountDownLatch latch) {
        try {
            return latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
