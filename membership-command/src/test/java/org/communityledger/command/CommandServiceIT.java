package org.communityledger.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.communityledger.client.audit.AuditApi;
import org.communityledger.client.audit.ExportApi;
import org.communityledger.client.audit.HistoryApi;
import org.communityledger.client.audit.ProofApi;
import org.communityledger.client.command.CommandOptions;
import org.communityledger.events.CommunityEstablished;
import org.communityledger.events.MemberJoined;
import org.communityledger.events.wire.EventCodec;
import org.communityledger.events.wire.EventEnvelope;
import org.communityledger.events.wire.EventHeaders;
import org.communityledger.events.wire.WireFormat;
import org.communityledger.testsupport.ClientEndpoints;
import org.communityledger.testsupport.OpenApiDocument;
import org.communityledger.testsupport.TopicReader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/**
 * The command service against a real PostgreSQL and a real Kafka broker: commands over HTTP are stored
 * in the event store and reach the topic, keyed by community, with the contract's headers.
 */
@CommandServiceTest
class CommandServiceIT {

    private static final String ESTABLISH = """
            {"name":"四川省智慧视听产业产教融合共同体","sector":"Smart audiovisual","region":"Sichuan",
             "hostOrganizationId":"nanchong-film-vocational-college","venue":"Literature and Art Center",
             "establishedOn":"2025-10-19"}""";
    private static final Pattern COMMUNITY_ID = Pattern.compile("\"communityId\":\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EmbeddedKafkaBroker broker;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void accepted_commands_are_stored_and_published_in_order_with_the_contract_headers() throws Exception {
        HttpResponse<String> established = post("/api/communities", """
                {"name":"四川省智慧视听产业产教融合共同体","sector":"Smart audiovisual","region":"Sichuan",
                 "hostOrganizationId":"nanchong-film-vocational-college","venue":"Literature and Art Center",
                 "establishedOn":"2025-10-19"}""", "corr-establish");
        assertThat(established.statusCode()).isEqualTo(201);
        String communityId = communityIdOf(established.body());
        assertThat(established.headers().firstValue("Location")).hasValue("/api/communities/" + communityId);
        assertThat(established.headers().firstValue("ETag")).hasValue("\"1\"");
        assertThat(established.headers().firstValue("X-Correlation-Id")).hasValue("corr-establish");
        assertThat(established.body()).contains("\"version\":1");

        HttpResponse<String> joined = post("/api/communities/" + communityId + "/members", """
                {"organizationId":"southern-film-group","name":"南方影视集团","kind":"ENTERPRISE",
                 "province":"CN-GD","joinedOn":"2025-10-19"}""", "corr-join");
        assertThat(joined.statusCode()).isEqualTo(200);
        assertThat(joined.body()).contains("\"version\":2");
        assertThat(joined.headers().firstValue("ETag")).hasValue("\"2\"");

        List<EventEnvelope> published = consumeEventsOf(communityId, 2);
        assertThat(published).extracting(EventEnvelope::sequence).containsExactly(1L, 2L);
        assertThat(published.get(0).event()).isInstanceOf(CommunityEstablished.class);
        assertThat(((CommunityEstablished) published.get(0).event()).name()).isEqualTo("四川省智慧视听产业产教融合共同体");
        assertThat(published.get(1).event()).isInstanceOf(MemberJoined.class);
        assertThat(published.get(0).correlationId()).isEqualTo("corr-establish");
        assertThat(published.get(1).correlationId()).isEqualTo("corr-join");
        long answeredPosition = Long.parseLong(joined.body().replaceAll(".*\"position\":(\\d+).*", "$1"));
        assertThat(published.get(1).position()).isEqualTo(answeredPosition);
        assertThat(published.get(0).position()).isLessThan(published.get(1).position());

        Map<String, Object> stored = jdbc.sql("""
                        select payload_type, payload_revision from domain_event_entry
                        where aggregate_identifier = :id and sequence_number = 1""")
                .param("id", communityId).query().singleRow();
        assertThat(stored).containsEntry("payload_type", "MemberJoined").containsEntry("payload_revision", "2");
    }

    @Test
    void a_duplicate_active_member_is_refused_with_a_problem_and_nothing_is_recorded() throws Exception {
        String communityId = communityIdOf(post("/api/communities", """
                {"name":"四川省智能制造产业产教融合共同体","sector":"Intelligent manufacturing","region":"Sichuan",
                 "hostOrganizationId":"nanchong-film-vocational-college","venue":"Literature and Art Center",
                 "establishedOn":"2025-10-19"}""", null).body());
        String join = """
                {"organizationId":"southern-film-group","name":"南方影视集团","kind":"ENTERPRISE",
                 "province":"CN-GD","joinedOn":"2025-10-19"}""";
        assertThat(post("/api/communities/" + communityId + "/members", join, null).statusCode()).isEqualTo(200);

        HttpResponse<String> again = post("/api/communities/" + communityId + "/members", join, null);

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(again.body()).contains("already-active-member").contains("southern-film-group");
        assertThat(eventCount(communityId)).isEqualTo(2);
    }

    @Test
    void the_event_store_keeps_payloads_as_bytea_not_large_objects() {
        List<String> types = jdbc.sql("""
                        select data_type from information_schema.columns
                        where table_schema = 'ledger' and column_name in ('payload', 'meta_data', 'token')""")
                .query(String.class).list();
        assertThat(types).isNotEmpty().containsOnly("bytea");
    }

    @Test
    void a_join_to_an_unknown_community_is_a_404_problem() throws Exception {
        HttpResponse<String> response = post("/api/communities/no-such-community/members", """
                {"organizationId":"southern-film-group","name":"南方影视集团","kind":"ENTERPRISE",
                 "province":"CN-GD","joinedOn":"2025-10-19"}""", null);
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("no-such-community");
        assertThat(eventCount("no-such-community")).isZero();
    }

    @Test
    void a_misspelt_field_is_a_400_problem_naming_it_and_nothing_is_recorded() throws Exception {
        String communityId = communityIdOf(post("/api/communities", ESTABLISH, null).body());

        HttpResponse<String> response = post("/api/communities/" + communityId + "/members", """
                {"organizationId":"southern-film-group","nmae":"南方影视集团","kind":"ENTERPRISE",
                 "province":"CN-GD","joinedOn":"2025-10-19"}""", null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"field\":\"nmae\"");
        assertThat(eventCount(communityId)).isEqualTo(1);
    }

    @Test
    void a_credit_code_with_a_wrong_check_character_is_a_400_problem_naming_the_field() throws Exception {
        String communityId = communityIdOf(post("/api/communities", ESTABLISH, null).body());

        HttpResponse<String> response = post("/api/communities/" + communityId + "/members", """
                {"organizationId":"91440300192203821X","name":"华为技术有限公司","kind":"ENTERPRISE",
                 "province":"CN-GD","joinedOn":"2025-10-19"}""", null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"organizationId\"").contains("check character");
        assertThat(eventCount(communityId)).isEqualTo(1);
    }

    @Test
    void a_missing_field_is_a_400_problem_naming_it() throws Exception {
        long before = establishedCount();
        HttpResponse<String> response = post("/api/communities", """
                {"sector":"Smart audiovisual","region":"Sichuan","hostOrganizationId":"nanchong-film-vocational-college",
                 "venue":"Literature and Art Center","establishedOn":"2025-10-19"}""", null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"name\"");
        assertThat(establishedCount()).isEqualTo(before);
    }

    private long establishedCount() {
        return jdbc.sql("select count(*) from domain_event_entry where payload_type = 'CommunityEstablished'")
                .query(Long.class).single();
    }

    @Test
    void the_openapi_document_describes_every_command_its_headers_and_its_problem_answers() throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/v3/api-docs")).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

        assertThat(answer.statusCode()).isEqualTo(200);
        OpenApiDocument document = OpenApiDocument.parse(answer.body());
        document.keep("membership-command");
        assertThat(answer.body()).contains("/api/communities/{communityId}/members/{organizationId}/roles/{role}")
                .contains("/api/communities/{communityId}/agreements/{agreementId}/terminate")
                .contains("\"409\"").contains("\"412\"").contains("\"422\"").contains("application/problem+json");
        assertThat(document.danglingReferences()).as("references that resolve to nothing").isEmpty();
        assertThat(document.securitySchemes()).containsExactlyInAnyOrder("basic", "bearer");
        List<OpenApiDocument.Operation> operations = document.operations();
        assertThat(operations).extracting(OpenApiDocument.Operation::path).doesNotContain("/error");
        assertThat(operations).allSatisfy(operation -> {
            assertThat(operation.summary()).as("summary of %s", operation).isNotBlank();
            assertThat(operation.parameters()).as("parameters of %s", operation)
                    .contains("header:X-Correlation-Id").doesNotContain("query:context");
        });
        List<OpenApiDocument.Operation> commands = operations.stream()
                .filter(operation -> operation.path().startsWith("/api/communities")).toList();
        assertThat(commands).hasSize(12).allSatisfy(command -> assertThat(command.parameters())
                .as("headers of %s", command).contains("header:Idempotency-Key", "header:If-Match"));
        List<ClientEndpoints.Endpoint> clientCalls = ClientEndpoints.of(
                Map.of(CommandOptions.class, CommandOptions.HEADERS),
                org.communityledger.client.command.CommandApi.class, AuditApi.class, HistoryApi.class, ExportApi.class,
                ProofApi.class);
        assertThat(clientCalls).hasSizeGreaterThanOrEqualTo(24);
        assertThat(document.undocumented(clientCalls)).as("what the Java client calls that the document lacks")
                .isEmpty();
        HttpResponse<String> swaggerUi = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/swagger-ui/index.html")).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(swaggerUi.statusCode()).isEqualTo(200);
    }

    private long eventCount(String communityId) {
        return jdbc.sql("select count(*) from domain_event_entry where aggregate_identifier = :id")
                .param("id", communityId).query(Long.class).single();
    }

    /**
     * The community's records on the topic once at least {@code expected} were published, read to the end of
     * what the topic holds then, so that a duplicate published with them is seen too.
     */
    private List<EventEnvelope> consumeEventsOf(String communityId, int expected) {
        String bootstrap = broker.getBrokersAsString();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> TopicReader.readToEnd(bootstrap, WireFormat.TOPIC, communityId).size() >= expected);
        WireFormat wire = new WireFormat(new EventCodec());
        List<EventEnvelope> events = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : TopicReader.readToEnd(bootstrap, WireFormat.TOPIC, communityId)) {
            Map<String, String> headers = new java.util.HashMap<>();
            record.headers().forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
            assertThat(headers).containsKeys(EventHeaders.EVENT_NAME, EventHeaders.EVENT_ID,
                    EventHeaders.TIMESTAMP, EventHeaders.POSITION, EventHeaders.SEQUENCE, EventHeaders.HASH);
            events.add(wire.read(new WireFormat.WireRecord(record.key(), record.value(), headers)));
        }
        return events;
    }

    private HttpResponse<String> post(String path, String json, String correlationId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .header("Authorization", CommandApi.basic("admin"))
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (correlationId != null) {
            request.header("X-Correlation-Id", correlationId);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String communityIdOf(String body) {
        Matcher matcher = COMMUNITY_ID.matcher(body);
        assertThat(matcher.find()).as("communityId in %s", body).isTrue();
        return matcher.group(1);
    }
}
