package org.communityledger.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.List;
import org.communityledger.client.command.ApproveOrganizationalList;
import org.communityledger.client.command.CommandApi;
import org.communityledger.client.command.CommandOptions;
import org.communityledger.client.command.CommandResult;
import org.communityledger.client.command.EstablishCommunity;
import org.communityledger.client.command.JoinMember;
import org.communityledger.client.command.SignAgreement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The commands as the client sends them, against a real HTTP server answering what the service answers. */
class CommandApiContractTest {

    private static final String JSON = "application/json";
    private static final String COMMUNITY = "c6b93fc9-2d1d-4018-91b3-a4ac57262e0e";
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final RecordedLedger server = RecordedLedger.start();
    private final CommandApi commands =
            LedgerClients.command(server.baseUrl(), Credentials.basic("admin", "admin")).commands();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void sendsAJoinWithItsBodyAndEveryOptionalHeader() {
        server.answerText("POST", "/api/communities/" + COMMUNITY + "/members", 200, JSON,
                "{\"communityId\":\"" + COMMUNITY + "\",\"version\":3,\"position\":42}");

        CommandResult result = commands.join(COMMUNITY,
                new JoinMember("hust-press", "华中科技大学出版社", "ENTERPRISE", "CN-HB", LocalDate.of(2025, 10, 19)),
                CommandOptions.idempotent("join/hust-press").withExpectedVersion(2).withCorrelationId("demo-1"));

        assertThat(result).isEqualTo(new CommandResult(COMMUNITY, 3, 42, null, null));
        RecordedLedger.Request sent = server.lastRequest();
        assertThat(MAPPER.readTree(sent.body())).isEqualTo(MAPPER.readTree("""
                {"organizationId":"hust-press","name":"华中科技大学出版社","kind":"ENTERPRISE","province":"CN-HB",
                 "joinedOn":"2025-10-19"}"""));
        assertThat(sent.header("Content-Type")).startsWith(JSON);
        assertThat(sent.header("Idempotency-Key")).isEqualTo("join/hust-press");
        assertThat(sent.header("If-Match")).isEqualTo("\"2\"");
        assertThat(sent.header("X-Correlation-Id")).isEqualTo("demo-1");
        assertThat(sent.header("Authorization")).isEqualTo("Basic YWRtaW46YWRtaW4=");
    }

    @Test
    void sendsNoOptionalHeaderWithoutOptions() {
        server.answerText("POST", "/api/communities", 201, JSON,
                "{\"communityId\":\"" + COMMUNITY + "\",\"version\":1,\"position\":7}");

        CommandResult result = commands.establish(new EstablishCommunity("四川省智慧视听产业产教融合共同体",
                "Smart audiovisual", "Sichuan", "nanchong-film-vocational-college", "Literature and Art Center",
                LocalDate.of(2025, 10, 19)), CommandOptions.NONE);

        assertThat(result.communityId()).isEqualTo(COMMUNITY);
        RecordedLedger.Request sent = server.lastRequest();
        assertThat(sent.header("Idempotency-Key")).isNull();
        assertThat(sent.header("If-Match")).isNull();
        assertThat(sent.header("X-Correlation-Id")).isNull();
        assertThat(MAPPER.readTree(sent.body()).get("establishedOn").asString()).isEqualTo("2025-10-19");
    }

    @Test
    void readsTheNewIdOfASignedAgreementAndSendsListsAsArrays() {
        server.answerText("POST", "/api/communities/" + COMMUNITY + "/agreements", 200, JSON, "{\"communityId\":\""
                + COMMUNITY + "\",\"version\":9,\"position\":90,\"agreementId\":\"a-1\"}");

        CommandResult result = commands.signAgreement(COMMUNITY, new SignAgreement("Strategic cooperation",
                List.of("hust-press", "southern-film-group"), List.of("textbooks", "film"), LocalDate.of(2025, 10, 19)),
                CommandOptions.NONE);

        assertThat(result.agreementId()).isEqualTo("a-1");
        assertThat(MAPPER.readTree(server.lastRequest().body()).get("partyOrganizationIds").size()).isEqualTo(2);
    }

    @Test
    void sendsTheOrganizationalListAsPositions() {
        server.answerText("POST", "/api/communities/" + COMMUNITY + "/organizational-list", 200, JSON,
                "{\"communityId\":\"" + COMMUNITY + "\",\"version\":5,\"position\":50}");

        commands.approveOrganizationalList(COMMUNITY, new ApproveOrganizationalList(List.of(
                new ApproveOrganizationalList.Position("southern-film-group", "Chair unit")),
                LocalDate.of(2025, 10, 19)), CommandOptions.NONE);

        assertThat(MAPPER.readTree(server.lastRequest().body())).isEqualTo(MAPPER.readTree("""
                {"positions":[{"organizationId":"southern-film-group","position":"Chair unit"}],
                 "approvedOn":"2025-10-19"}"""));
    }

    @Test
    void revokesARoleWithADeleteOfItsPath() {
        server.answerText("DELETE", "/api/communities/" + COMMUNITY + "/members/southern-film-group/roles/CHAIR_UNIT",
                200, JSON, "{\"communityId\":\"" + COMMUNITY + "\",\"version\":6,\"position\":61}");

        CommandResult result = commands.revokeRole(COMMUNITY, "southern-film-group", "CHAIR_UNIT",
                CommandOptions.NONE);

        assertThat(result.position()).isEqualTo(61);
        assertThat(server.lastRequest().method()).isEqualTo("DELETE");
    }

    @Test
    void aRuleOfTheCommunityIsAProblemWithItsType() {
        server.answerText("POST", "/api/communities/" + COMMUNITY + "/members", 409, "application/problem+json", """
                {"type":"urn:community-ledger:rule:already-a-member","title":"Rule violated","status":409,
                 "detail":"hust-press is already an active member"}""");

        LedgerProblemException refused = catchThrowableOfType(LedgerProblemException.class, () -> commands.join(
                COMMUNITY, new JoinMember("hust-press", "HUST Press", "ENTERPRISE", "CN-HB",
                        LocalDate.of(2025, 10, 19)), CommandOptions.NONE));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.problem().type()).isEqualTo("urn:community-ledger:rule:already-a-member");
    }
}
