package org.communityledger.command.community;

import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.communityledger.events.CommunityEstablished;
import org.communityledger.events.MemberJoined;
import org.communityledger.events.value.CommunityId;
import org.communityledger.events.value.OrganizationId;
import org.communityledger.events.value.OrganizationKind;
import org.communityledger.events.value.Province;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CommunityTest {

    private static final CommunityId COMMUNITY = CommunityId.of("smart-audiovisual");
    private static final OrganizationId NANCHONG_COLLEGE = OrganizationId.of("nanchong-film-vocational-college");
    private static final OrganizationId SOUTHERN_FILM = OrganizationId.of("southern-film-group");
    private static final LocalDate CONFERENCE_DAY = LocalDate.of(2025, 10, 19);

    private FixtureConfiguration<Community> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Community.class);
    }

    @Test
    void establishing_a_community_records_that_it_was_established() {
        fixture.givenNoPriorActivity()
                .when(new EstablishCommunity(COMMUNITY, "四川省智慧视听产业产教融合共同体", "Smart audiovisual",
                        "Sichuan", NANCHONG_COLLEGE, "Literature and Art Center", CONFERENCE_DAY))
                .expectSuccessfulHandlerExecution()
                .expectEvents(established());
    }

    @Test
    void an_organisation_joins_and_the_answer_is_the_new_version() {
        fixture.given(established())
                .when(join(SOUTHERN_FILM))
                .expectEvents(joined(SOUTHERN_FILM))
                .expectResultMessagePayload(2L);
    }

    @Test
    void an_active_member_cannot_join_again() {
        fixture.given(established(), joined(SOUTHERN_FILM))
                .when(join(SOUTHERN_FILM))
                .expectNoEvents()
                .expectException(AlreadyActiveMember.class);
    }

    @Test
    void a_second_organisation_joins_beside_the_first() {
        fixture.given(established(), joined(SOUTHERN_FILM))
                .when(join(NANCHONG_COLLEGE))
                .expectEvents(joined(NANCHONG_COLLEGE))
                .expectResultMessagePayload(3L);
    }

    private static CommunityEstablished established() {
        return new CommunityEstablished(COMMUNITY, "四川省智慧视听产业产教融合共同体", "Smart audiovisual", "Sichuan",
                NANCHONG_COLLEGE, "Literature and Art Center", CONFERENCE_DAY);
    }

    private static JoinMember join(OrganizationId organization) {
        return new JoinMember(COMMUNITY, organization, "Member " + organization, OrganizationKind.ENTERPRISE,
                Province.CN_GD, CONFERENCE_DAY);
    }

    private static MemberJoined joined(OrganizationId organization) {
        return new MemberJoined(COMMUNITY, organization, "Member " + organization, OrganizationKind.ENTERPRISE,
                Province.CN_GD, CONFERENCE_DAY);
    }
}
