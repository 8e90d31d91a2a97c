package org.communityledger.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import org.communityledger.client.community.Community;
import org.communityledger.client.community.MemberFilter;
import org.communityledger.client.community.MemberPage;
import org.communityledger.client.organization.Organization;
import org.communityledger.client.stats.Stats;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The query service's views as the client reads them, against a real HTTP server. */
class ViewApiContractTest {

    private static final String JSON = "application/json";
    private static final String COMMUNITY = "c6b93fc9-2d1d-4018-91b3-a4ac57262e0e";

    private final RecordedLedger server = RecordedLedger.start();
    private final QueryServiceClient query =
            LedgerClients.query(server.baseUrl(), Credentials.basic("viewer", "viewer"));

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void readsACommunityWithItsPlaquesAndAgreementsOnceTheViewsReachAPosition() {
        server.answerText("GET", "/api/communities/" + COMMUNITY, 200, JSON, """
                {"communityId":"%s","name":"四川省智慧视听产业产教融合共同体","sector":"Smart audiovisual",
                 "region":"Sichuan","hostOrganizationId":"nanchong-film-vocational-college","venue":"Center",
                 "establishedOn":"2025-10-19","status":"ACTIVE","memberCount":48,
                 "chairUnit":{"organizationId":"southern-film-group","name":"南方影业集团"},
                 "constitutionVersion":"2025-10","plaques":[{"plaqueId":"p-1","title":"School of Digital Media",
                 "recipientOrganizationId":"nanchong-film-vocational-college","recipientName":"南充电影工业职业学院",
                 "presentedBy":"Southern Film","awardedOn":"2025-10-19","revoked":false}],
                 "agreements":[{"agreementId":"a-1","title":"Strategic cooperation",
                 "partyOrganizationIds":["hust-press","southern-film-group"],"scope":["textbooks"],
                 "signedOn":"2025-10-19","status":"ACTIVE","terminatedOn":null}],
                 "dissolvedOn":null,"version":66,"position":128,"stale":null}""".formatted(COMMUNITY));

        Community community = query.communities().community(COMMUNITY, 120L);

        assertThat(community.memberCount()).isEqualTo(48);
        assertThat(community.chairUnit().name()).isEqualTo("南方影业集团");
        assertThat(community.plaques()).singleElement().satisfies(plaque -> {
            assertThat(plaque.awardedOn()).isEqualTo(LocalDate.of(2025, 10, 19));
            assertThat(plaque.recipientName()).isEqualTo("南充电影工业职业学院");
        });
        assertThat(community.agreements().get(0).partyOrganizationIds())
                .containsExactly("hust-press", "southern-film-group");
        assertThat(community.stale()).isNull();
        assertThat(server.lastRequest().query()).isEqualTo("minPosition=120");
    }

    @Test
    void listsMembersWithTheFilterAsQueryParameters() {
        server.answerText("GET", "/api/communities/" + COMMUNITY + "/members", 200, JSON, """
                {"items":[{"organizationId":"hust-press","name":"华中科技大学出版社","kind":"ENTERPRISE",
                 "province":"CN-HB","roles":[],"position":null,"joinedOn":"2025-10-19"}],
                 "page":1,"size":20,"total":21,"position":128}""");

        MemberPage page = query.communities().members(COMMUNITY,
                MemberFilter.ALL.withProvince("CN-HB").withKind("ENTERPRISE").withText("出版"), 1, 20);

        assertThat(page.total()).isEqualTo(21);
        assertThat(page.items()).singleElement().satisfies(member -> assertThat(member.province()).isEqualTo("CN-HB"));
        assertThat(server.lastRequest().query())
                .contains("province=CN-HB", "kind=ENTERPRISE", "page=1", "size=20")
                .doesNotContain("role=", "minPosition=");
        assertThat(server.lastRequest().query()).contains("q=%E5%87%BA%E7%89%88");
    }

    @Test
    void readsAnOrganizationAcrossCommunities() {
        server.answerText("GET", "/api/organizations/southern-film-group", 200, JSON, """
                {"organizationId":"southern-film-group","name":"南方影业集团","kind":"ENTERPRISE","province":"CN-GD",
                 "memberships":[{"communityId":"%s","communityName":"智慧视听","active":true,
                 "roles":["CHAIR_UNIT"],"position":"Chair unit","joinedOn":"2025-10-19","leftOn":null}],
                 "plaques":[],"agreements":[],"position":128}""".formatted(COMMUNITY));

        Organization organization = query.organizations().organization("southern-film-group", null);

        assertThat(organization.memberships()).singleElement()
                .satisfies(membership -> assertThat(membership.roles()).containsExactly("CHAIR_UNIT"));
        assertThat(server.lastRequest().query()).isNull();
    }

    @Test
    void readsTheStatistics() {
        server.answerText("GET", "/api/stats", 200, JSON, """
                {"communities":2,"activeCommunities":2,"organizations":96,"provinces":26,
                 "byProvince":{"CN-SC":30,"CN-GD":6},"byKind":{"ENTERPRISE":40},"position":128}""");

        Stats stats = query.stats().stats();

        assertThat(stats.organizations()).isEqualTo(96);
        assertThat(stats.byProvince()).containsEntry("CN-SC", 30L);
    }

    @Test
    void aViewNotYetFreshIsA503Problem() {
        server.answerText("GET", "/api/stats", 503, "application/problem+json", """
                {"title":"Not yet fresh","status":503,"detail":"the views have not reached position 500 yet"}""");

        LedgerProblemException late = catchThrowableOfType(LedgerProblemException.class,
                () -> query.stats().stats(500L));

        assertThat(late.status()).isEqualTo(503);
        assertThat(server.lastRequest().query()).isEqualTo("minPosition=500");
    }
}
