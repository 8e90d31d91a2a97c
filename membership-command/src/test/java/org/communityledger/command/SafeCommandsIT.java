package org.communityledger.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Retries with an idempotency key, conditional commands, and the metadata every event carries. */
@CommandServiceTest
class SafeCommandsIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private CommandApi api;

    @BeforeEach
    void setUp() {
        api = new CommandApi(port);
    }

    @Test
    void a_retry_with_the_same_idempotency_key_answers_the_first_result_and_records_nothing() {
        String key = "establish-" + UUID.randomUUID();
        HttpResponse<String> first = api.post("/api/communities", CommandApi.ESTABLISH, Map.of("Idempotency-Key", key));
        HttpResponse<String> retry = api.post("/api/communities", CommandApi.ESTABLISH, Map.of("Idempotency-Key", key));

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        assertThat(storedEvents(api.field(first, "communityId"))).isEqualTo(1);
    }

    @Test
    void a_retried_plaque_award_answers_the_same_plaque_id() {
        String communityId = api.establish();
        api.join(communityId, "nanchong-film-vocational-college");
        String award = """
                {"title":"School of Digital Media Industry","recipientOrganizationId":"nanchong-film-vocational-college",
                 "presentedBy":"邹鹏","awardedOn":"2025-10-19"}""";
        Map<String, String> key = Map.of("Idempotency-Key", "plaque-" + UUID.randomUUID());

        HttpResponse<String> first = api.post("/api/communities/" + communityId + "/plaques", award, key);
        HttpResponse<String> retry = api.post("/api/communities/" + communityId + "/plaques", award, key);

        assertThat(api.field(retry, "plaqueId")).isEqualTo(api.field(first, "plaqueId"));
        assertThat(storedEvents(communityId)).isEqualTo(3);
    }

    @Test
    void the_same_key_with_a_different_body_is_a_422_problem() {
        String communityId = api.establish();
        Map<String, String> key = Map.of("Idempotency-Key", "join-" + UUID.randomUUID());
        assertThat(api.post("/api/communities/" + communityId + "/members", CommandApi.joinBody("first-member"), key)
                .statusCode()).isEqualTo(200);

        HttpResponse<String> other = api.post("/api/communities/" + communityId + "/members",
                CommandApi.joinBody("second-member"), key);

        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(other.body()).contains("idempotency-key-reused");
        assertThat(storedEvents(communityId)).isEqualTo(2);
    }

    @Test
    void concurrent_duplicates_with_one_key_append_once_and_all_get_the_same_answer() throws Exception {
        String communityId = api.establish();
        Map<String, String> key = Map.of("Idempotency-Key", "race-" + UUID.randomUUID());
        Callable<HttpResponse<String>> join = () -> api.post("/api/communities/" + communityId + "/members",
                CommandApi.joinBody("racing-member"), key);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<HttpResponse<String>>> answers = pool.invokeAll(java.util.Collections.nCopies(8, join));
            for (Future<HttpResponse<String>> answer : answers) {
                assertThat(answer.get().statusCode()).as(answer.get().body()).isEqualTo(200);
                assertThat(api.field(answer.get(), "version")).isEqualTo("2");
            }
        } finally {
            pool.shutdown();
        }
        assertThat(storedEvents(communityId)).isEqualTo(2);
    }

    @Test
    void two_principals_sending_one_idempotency_key_each_get_their_own_command_and_only_their_own_answer() {
        String key = "shared-" + UUID.randomUUID();
        Map<String, String> keyed = Map.of("Idempotency-Key", key);
        HttpResponse<String> admins = api.post("/api/communities", CommandApi.ESTABLISH, keyed);
        HttpResponse<String> clerks = api.as("clerk").post("/api/communities", CommandApi.ESTABLISH, keyed);
        HttpResponse<String> clerksRetry = api.as("clerk").post("/api/communities", CommandApi.ESTABLISH, keyed);
        HttpResponse<String> adminsRetry = api.post("/api/communities", CommandApi.ESTABLISH, keyed);

        assertThat(admins.statusCode()).as(admins.body()).isEqualTo(201);
        assertThat(clerks.statusCode()).as(clerks.body()).isEqualTo(201);
        String adminsCommunity = api.field(admins, "communityId");
        String clerksCommunity = api.field(clerks, "communityId");
        assertThat(clerksCommunity).isNotEqualTo(adminsCommunity);
        assertThat(clerksRetry.body()).isEqualTo(clerks.body());
        assertThat(adminsRetry.body()).isEqualTo(admins.body());
        assertThat(storedEvents(adminsCommunity)).isEqualTo(1);
        assertThat(storedEvents(clerksCommunity)).isEqualTo(1);
        assertThat(principalOf(clerksCommunity)).isEqualTo("clerk");

    }

    @Test
    void a_key_reused_for_another_request_is_refused_only_to_the_principal_that_used_it() {
        String communityId = api.establish();
        Map<String, String> keyed = Map.of("Idempotency-Key", "join-" + UUID.randomUUID());
        assertThat(api.post("/api/communities/" + communityId + "/members", CommandApi.joinBody("admins-member"),
                keyed).statusCode()).isEqualTo(200);

        HttpResponse<String> clerks = api.as("clerk").post("/api/communities/" + communityId + "/members",
                CommandApi.joinBody("clerks-member"), keyed);
        HttpResponse<String> adminsOther = api.post("/api/communities/" + communityId + "/members",
                CommandApi.joinBody("another-member"), keyed);

        assertThat(clerks.statusCode()).as(clerks.body()).isEqualTo(200);
        assertThat(api.field(clerks, "version")).isEqualTo("3");
        assertThat(adminsOther.statusCode()).isEqualTo(422);
        assertThat(storedEvents(communityId)).isEqualTo(3);
    }

    @Test
    void a_key_older_than_the_retention_starts_a_new_command_whose_retries_answer_the_new_outcome() {
        String key = "expiring-" + UUID.randomUUID();
        Map<String, String> keyed = Map.of("Idempotency-Key", key);
        HttpResponse<String> first = api.post("/api/communities", CommandApi.ESTABLISH, keyed);
        // The default retention is 24 hours.
        jdbc.sql("update idempotency_key set recorded_at = now() - interval '25 hours' where idempotency_key = :key")
                .param("key", key).update();

        HttpResponse<String> later = api.post("/api/communities", CommandApi.ESTABLISH, keyed);
        HttpResponse<String> retryOfLater = api.post("/api/communities", CommandApi.ESTABLISH, keyed);

        assertThat(later.statusCode()).as(later.body()).isEqualTo(201);
        assertThat(api.field(later, "communityId")).isNotEqualTo(api.field(first, "communityId"));
        assertThat(retryOfLater.body()).isEqualTo(later.body());
        assertThat(storedEvents(api.field(later, "communityId"))).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from idempotency_key where idempotency_key = :key")
                .param("key", key).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void idempotency_keys_are_kept_in_postgresql() {
        String key = "kept-" + UUID.randomUUID();
        api.post("/api/communities", CommandApi.ESTABLISH, Map.of("Idempotency-Key", key));
        assertThat(jdbc.sql("select count(*) from idempotency_key where idempotency_key = :key")
                .param("key", key).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void if_match_with_the_current_version_applies_and_with_a_stale_one_is_412() {
        String communityId = api.establish();
        HttpResponse<String> current = api.post("/api/communities/" + communityId + "/members",
                CommandApi.joinBody("first-member"), Map.of("If-Match", "\"1\""));
        assertThat(current.statusCode()).isEqualTo(200);
        assertThat(current.headers().firstValue("ETag")).hasValue("\"2\"");

        HttpResponse<String> stale = api.post("/api/communities/" + communityId + "/members",
                CommandApi.joinBody("second-member"), Map.of("If-Match", "\"1\""));

        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(stale.body()).contains("\"currentVersion\":2").contains("\"expectedVersion\":1");
        assertThat(storedEvents(communityId)).isEqualTo(2);
        HttpResponse<String> ahead = api.post("/api/communities/" + communityId + "/members",
                CommandApi.joinBody("second-member"), Map.of("If-Match", "\"7\""));
        assertThat(ahead.statusCode()).isEqualTo(412);
    }

    @Test
    void every_event_carries_the_principal_the_correlation_id_and_the_idempotency_key() {
        HttpResponse<String> response = api.post("/api/communities", CommandApi.ESTABLISH,
                Map.of("X-Correlation-Id", "corr-metadata", "Idempotency-Key", "key-metadata-" + UUID.randomUUID()));
        assertThat(response.headers().firstValue("X-Correlation-Id")).hasValue("corr-metadata");

        String metaData = jdbc.sql("""
                        select convert_from(meta_data, 'UTF8') from domain_event_entry
                        where aggregate_identifier = :id""")
                .param("id", api.field(response, "communityId")).query(String.class).single();

        assertThat(metaData).contains("\"correlationId\":\"corr-metadata\"")
                .contains("\"principal\":\"admin\"")
                .contains("\"idempotencyKey\":\"key-metadata-")
                .doesNotContain("requestFingerprint");
    }

    private String principalOf(String communityId) {
        return jdbc.sql("""
                        select convert_from(meta_data, 'UTF8')::jsonb ->> 'principal' from domain_event_entry
                        where aggregate_identifier = :id""")
                .param("id", communityId).query(String.class).single();
    }

    private long storedEvents(String communityId) {
        return jdbc.sql("select count(*) from domain_event_entry where aggregate_identifier = :id")
                .param("id", communityId).query(Long.class).single();
    }
}
