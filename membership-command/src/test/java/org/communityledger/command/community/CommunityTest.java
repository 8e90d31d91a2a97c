package org.communityledger.command.community;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.ResultValidator;
import org.communityledger.command.dispatch.CommandMetadata;
import org.communityledger.events.CommunityDissolved;
import org.communityledger.events.CommunityEstablished;
import org.communityledger.events.ConstitutionApproved;
import org.communityledger.events.CooperationAgreementSigned;
import org.communityledger.events.CooperationAgreementTerminated;
import org.communityledger.events.MemberJoined;
import org.communityledger.events.MemberLeft;
import org.communityledger.events.MemberRoleAssigned;
import org.communityledger.events.MemberRoleRevoked;
import org.communityledger.events.OrganizationalListApproved;
import org.communityledger.events.PlaqueAwarded;
import org.communityledger.events.PlaqueRevoked;
import org.communityledger.events.value.AgreementId;
import org.communityledger.events.value.CommunityId;
import org.communityledger.events.value.GoverningPosition;
import org.communityledger.events.value.MemberRole;
import org.communityledger.events.value.Organization;
import org.communityledger.events.value.OrganizationId;
import org.communityledger.events.value.OrganizationKind;
import org.communityledger.events.value.PlaqueId;
import org.communityledger.events.value.Province;
import org.communityledger.events.value.Sha256;
import org.hamcrest.CustomMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The community's rules, each with the events it records and the refusals it makes. */
class CommunityTest {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** "Today" for every test: the day after the conference. */
    private static final Clock TODAY = Clock.fixed(LocalDate.of(2025, 10, 20).atStartOfDay(CHINA).toInstant(), CHINA);
    private static final LocalDate CONFERENCE_DAY = LocalDate.of(2025, 10, 19);
    private static final LocalDate TOMORROW = LocalDate.of(2025, 10, 21);

    private static final CommunityId COMMUNITY = CommunityId.of("smart-audiovisual");
    private static final OrganizationId COLLEGE = OrganizationId.of("nanchong-film-vocational-college");
    private static final OrganizationId SOUTHERN_FILM = OrganizationId.of("southern-film-group");
    private static final OrganizationId HUST_PRESS = OrganizationId.of("hust-press");
    private static final OrganizationId STRANGER = OrganizationId.of("not-a-member");
    private static final PlaqueId PLAQUE = PlaqueId.of("plaque-1");
    private static final AgreementId AGREEMENT = AgreementId.of("agreement-1");
    private static final Sha256 CONSTITUTION = Sha256.of("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");

    private FixtureConfiguration<Community> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Community.class);
        fixture.registerInjectableResource(TODAY);
    }

    @Nested
    class Establishing {

        @Test
        void a_community_is_established_as_version_1() {
            fixture.givenNoPriorActivity()
                    .when(new EstablishCommunity(COMMUNITY, "四川省智慧视听产业产教融合共同体", "Smart audiovisual",
                            "Sichuan", COLLEGE, "Literature and Art Center", CONFERENCE_DAY))
                    .expectEvents(established())
                    .expectResultMessagePayload(1L);
        }

        @Test
        void a_community_cannot_be_established_in_the_future() {
            assertRefused(fixture.givenNoPriorActivity()
                    .when(new EstablishCommunity(COMMUNITY, "name", "sector", "region", COLLEGE, "venue", TOMORROW)),
                    Rule.DATE_IN_THE_FUTURE);
        }
    }

    @Nested
    class Governance {

        @Test
        void a_constitution_is_approved() {
            fixture.given(established())
                    .when(new ApproveConstitution(COMMUNITY, "1.0", CONSTITUTION, CONFERENCE_DAY))
                    .expectEvents(new ConstitutionApproved(COMMUNITY, "1.0", CONSTITUTION, CONFERENCE_DAY))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void the_same_constitution_version_is_not_approved_twice() {
            assertRefused(fixture.given(established(), new ConstitutionApproved(COMMUNITY, "1.0", CONSTITUTION,
                            CONFERENCE_DAY))
                    .when(new ApproveConstitution(COMMUNITY, "1.0", CONSTITUTION, CONFERENCE_DAY)),
                    Rule.CONSTITUTION_VERSION_EXISTS);
        }

        @Test
        void an_organisational_list_is_approved() {
            List<GoverningPosition> positions = List.of(new GoverningPosition(SOUTHERN_FILM, "理事长单位"),
                    new GoverningPosition(COLLEGE, "秘书长单位"));
            fixture.given(established())
                    .when(new ApproveOrganizationalList(COMMUNITY, positions, CONFERENCE_DAY))
                    .expectEvents(new OrganizationalListApproved(COMMUNITY, positions, CONFERENCE_DAY));
        }

        @Test
        void an_organisational_list_names_each_organisation_once() {
            assertRefused(fixture.given(established())
                    .when(new ApproveOrganizationalList(COMMUNITY, List.of(
                            new GoverningPosition(SOUTHERN_FILM, "理事长单位"),
                            new GoverningPosition(SOUTHERN_FILM, "副理事长单位")), CONFERENCE_DAY)),
                    Rule.POSITION_HOLDER_LISTED_TWICE);
        }
    }

    @Nested
    class Membership {

        @Test
        void an_organisation_joins_and_the_answer_is_the_new_version() {
            fixture.given(established())
                    .when(new JoinMember(COMMUNITY, organization(SOUTHERN_FILM), CONFERENCE_DAY))
                    .expectEvents(joined(SOUTHERN_FILM))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void an_active_member_cannot_join_again() {
            assertRefused(fixture.given(established(), joined(SOUTHERN_FILM))
                    .when(new JoinMember(COMMUNITY, organization(SOUTHERN_FILM), CONFERENCE_DAY)),
                    Rule.ALREADY_ACTIVE_MEMBER);
        }

        @Test
        void an_organisation_may_rejoin_after_leaving() {
            fixture.given(established(), joined(SOUTHERN_FILM), left(SOUTHERN_FILM))
                    .when(new JoinMember(COMMUNITY, organization(SOUTHERN_FILM), TODAY_DATE))
                    .expectEvents(new MemberJoined(COMMUNITY, organization(SOUTHERN_FILM), TODAY_DATE));
        }

        @Test
        void a_join_dated_before_the_establishment_is_refused() {
            assertRefused(fixture.given(established())
                    .when(new JoinMember(COMMUNITY, organization(SOUTHERN_FILM), CONFERENCE_DAY.minusDays(1))),
                    Rule.DATE_BEFORE_ESTABLISHMENT);
        }

        @Test
        void a_join_dated_in_the_future_is_refused() {
            assertRefused(fixture.given(established())
                    .when(new JoinMember(COMMUNITY, organization(SOUTHERN_FILM), TOMORROW)),
                    Rule.DATE_IN_THE_FUTURE);
        }

        @Test
        void leaving_revokes_the_member_s_roles_first() {
            fixture.given(established(), joined(SOUTHERN_FILM), assigned(SOUTHERN_FILM, MemberRole.CHAIR_UNIT),
                            assigned(SOUTHERN_FILM, MemberRole.LEADING_ENTERPRISE))
                    .when(new LeaveCommunity(COMMUNITY, SOUTHERN_FILM, "合作期满", TODAY_DATE))
                    .expectEvents(revoked(SOUTHERN_FILM, MemberRole.CHAIR_UNIT),
                            revoked(SOUTHERN_FILM, MemberRole.LEADING_ENTERPRISE),
                            new MemberLeft(COMMUNITY, SOUTHERN_FILM, "合作期满", TODAY_DATE))
                    .expectResultMessagePayload(7L);
        }

        @Test
        void only_an_active_member_can_leave() {
            assertRefused(fixture.given(established(), joined(SOUTHERN_FILM), left(SOUTHERN_FILM))
                    .when(new LeaveCommunity(COMMUNITY, SOUTHERN_FILM, "again", TODAY_DATE)),
                    Rule.NOT_AN_ACTIVE_MEMBER);
        }
    }

    @Nested
    class Roles {

        @Test
        void an_active_member_is_designated_chair_unit() {
            fixture.given(established(), joined(SOUTHERN_FILM))
                    .when(new AssignRole(COMMUNITY, SOUTHERN_FILM, MemberRole.CHAIR_UNIT, false))
                    .expectEvents(assigned(SOUTHERN_FILM, MemberRole.CHAIR_UNIT));
        }

        @Test
        void roles_are_for_active_members_only() {
            assertRefused(fixture.given(established())
                    .when(new AssignRole(COMMUNITY, STRANGER, MemberRole.SECRETARIAT, false)),
                    Rule.NOT_AN_ACTIVE_MEMBER);
        }

        @Test
        void a_member_that_left_holds_no_role_and_gets_none() {
            assertRefused(fixture.given(established(), joined(SOUTHERN_FILM), left(SOUTHERN_FILM))
                    .when(new AssignRole(COMMUNITY, SOUTHERN_FILM, MemberRole.VICE_CHAIR_UNIT, false)),
                    Rule.NOT_AN_ACTIVE_MEMBER);
        }

        @Test
        void a_second_chair_unit_is_refused_without_transfer() {
            assertRefused(fixture.given(established(), joined(SOUTHERN_FILM), joined(COLLEGE),
                            assigned(SOUTHERN_FILM, MemberRole.CHAIR_UNIT))
                    .when(new AssignRole(COMMUNITY, COLLEGE, MemberRole.CHAIR_UNIT, false)),
                    Rule.CHAIR_UNIT_TAKEN);
        }

        @Test
        void a_transfer_records_the_revocation_and_the_assignment() {
            fixture.given(established(), joined(SOUTHERN_FILM), joined(COLLEGE),
                            assigned(SOUTHERN_FILM, MemberRole.CHAIR_UNIT))
                    .when(new AssignRole(COMMUNITY, COLLEGE, MemberRole.CHAIR_UNIT, true))
                    .expectEvents(revoked(SOUTHERN_FILM, MemberRole.CHAIR_UNIT), assigned(COLLEGE, MemberRole.CHAIR_UNIT))
                    .expectResultMessagePayload(6L);
        }

        @Test
        void after_the_chair_leaves_another_member_can_be_chair_without_transfer() {
            fixture.given(established(), joined(SOUTHERN_FILM), joined(COLLEGE),
                            assigned(SOUTHERN_FILM, MemberRole.CHAIR_UNIT), revoked(SOUTHERN_FILM, MemberRole.CHAIR_UNIT),
                            left(SOUTHERN_FILM))
                    .when(new AssignRole(COMMUNITY, COLLEGE, MemberRole.CHAIR_UNIT, false))
                    .expectEvents(assigned(COLLEGE, MemberRole.CHAIR_UNIT));
        }

        @Test
        void a_role_already_held_is_not_assigned_again() {
            assertRefused(fixture.given(established(), joined(SOUTHERN_FILM),
                            assigned(SOUTHERN_FILM, MemberRole.SECRETARIAT))
                    .when(new AssignRole(COMMUNITY, SOUTHERN_FILM, MemberRole.SECRETARIAT, false)),
                    Rule.ROLE_ALREADY_HELD);
        }

        @Test
        void a_held_role_is_revoked() {
            fixture.given(established(), joined(SOUTHERN_FILM), assigned(SOUTHERN_FILM, MemberRole.SECRETARIAT))
                    .when(new RevokeRole(COMMUNITY, SOUTHERN_FILM, MemberRole.SECRETARIAT))
                    .expectEvents(revoked(SOUTHERN_FILM, MemberRole.SECRETARIAT));
        }

        @Test
        void a_role_not_held_cannot_be_revoked() {
            assertRefused(fixture.given(established(), joined(SOUTHERN_FILM))
                    .when(new RevokeRole(COMMUNITY, SOUTHERN_FILM, MemberRole.SECRETARIAT)),
                    Rule.ROLE_NOT_HELD);
        }
    }

    @Nested
    class Plaques {

        @Test
        void a_plaque_is_awarded_to_an_active_member() {
            fixture.given(established(), joined(COLLEGE))
                    .when(new AwardPlaque(COMMUNITY, PLAQUE, "School of Digital Media Industry", COLLEGE, "邹鹏",
                            CONFERENCE_DAY))
                    .expectEvents(awarded());
        }

        @Test
        void a_plaque_is_not_awarded_to_a_non_member() {
            assertRefused(fixture.given(established())
                    .when(new AwardPlaque(COMMUNITY, PLAQUE, "School of Digital Media Industry", STRANGER, "邹鹏",
                            CONFERENCE_DAY)),
                    Rule.NOT_AN_ACTIVE_MEMBER);
        }

        @Test
        void a_plaque_dated_in_the_future_is_refused() {
            assertRefused(fixture.given(established(), joined(COLLEGE))
                    .when(new AwardPlaque(COMMUNITY, PLAQUE, "School of Digital Media Industry", COLLEGE, "邹鹏",
                            TOMORROW)),
                    Rule.DATE_IN_THE_FUTURE);
        }

        @Test
        void a_plaque_is_revoked_once() {
            fixture.given(established(), joined(COLLEGE), awarded())
                    .when(new RevokePlaque(COMMUNITY, PLAQUE, "awarded in error"))
                    .expectEvents(new PlaqueRevoked(COMMUNITY, PLAQUE, "awarded in error"));
            assertRefused(fixture.given(established(), joined(COLLEGE), awarded(),
                            new PlaqueRevoked(COMMUNITY, PLAQUE, "awarded in error"))
                    .when(new RevokePlaque(COMMUNITY, PLAQUE, "again")),
                    Rule.PLAQUE_ALREADY_REVOKED);
        }

        @Test
        void an_unknown_plaque_cannot_be_revoked() {
            fixture.given(established())
                    .when(new RevokePlaque(COMMUNITY, PLAQUE, "no such plaque"))
                    .expectNoEvents()
                    .expectException(UnknownPart.class);
        }
    }

    @Nested
    class Agreements {

        @Test
        void active_members_sign_an_agreement() {
            fixture.given(established(), joined(HUST_PRESS), joined(SOUTHERN_FILM))
                    .when(new SignAgreement(COMMUNITY, AGREEMENT, "Strategic cooperation agreement",
                            List.of(HUST_PRESS, SOUTHERN_FILM), List.of("textbook development", "resource construction"),
                            CONFERENCE_DAY))
                    .expectEvents(signed());
        }

        @Test
        void every_party_must_be_an_active_member() {
            assertRefused(fixture.given(established(), joined(HUST_PRESS))
                    .when(new SignAgreement(COMMUNITY, AGREEMENT, "title", List.of(HUST_PRESS, STRANGER),
                            List.of("scope"), CONFERENCE_DAY)),
                    Rule.NOT_AN_ACTIVE_MEMBER);
        }

        @Test
        void an_agreement_needs_two_distinct_parties() {
            assertRefused(fixture.given(established(), joined(HUST_PRESS))
                    .when(new SignAgreement(COMMUNITY, AGREEMENT, "title", List.of(HUST_PRESS, HUST_PRESS),
                            List.of("scope"), CONFERENCE_DAY)),
                    Rule.AGREEMENT_NEEDS_TWO_DISTINCT_PARTIES);
            assertRefused(fixture.given(established(), joined(HUST_PRESS))
                    .when(new SignAgreement(COMMUNITY, AGREEMENT, "title", List.of(HUST_PRESS), List.of("scope"),
                            CONFERENCE_DAY)),
                    Rule.AGREEMENT_NEEDS_TWO_DISTINCT_PARTIES);
        }

        @Test
        void an_agreement_is_terminated_once() {
            fixture.given(established(), joined(HUST_PRESS), joined(SOUTHERN_FILM), signed())
                    .when(new TerminateAgreement(COMMUNITY, AGREEMENT, "completed", TODAY_DATE))
                    .expectEvents(new CooperationAgreementTerminated(COMMUNITY, AGREEMENT, "completed", TODAY_DATE));
            assertRefused(fixture.given(established(), joined(HUST_PRESS), joined(SOUTHERN_FILM), signed(),
                            new CooperationAgreementTerminated(COMMUNITY, AGREEMENT, "completed", TODAY_DATE))
                    .when(new TerminateAgreement(COMMUNITY, AGREEMENT, "again", TODAY_DATE)),
                    Rule.AGREEMENT_ALREADY_TERMINATED);
        }

        @Test
        void a_termination_dated_before_the_establishment_is_refused() {
            assertRefused(fixture.given(established(), joined(HUST_PRESS), joined(SOUTHERN_FILM), signed())
                    .when(new TerminateAgreement(COMMUNITY, AGREEMENT, "completed", CONFERENCE_DAY.minusYears(1))),
                    Rule.DATE_BEFORE_ESTABLISHMENT);
        }
    }

    @Nested
    class Dissolution {

        @Test
        void a_community_is_dissolved() {
            fixture.given(established())
                    .when(new DissolveCommunity(COMMUNITY, "merged", TODAY_DATE))
                    .expectEvents(new CommunityDissolved(COMMUNITY, "merged", TODAY_DATE));
        }

        @Test
        void a_dissolved_community_refuses_every_command() {
            Object[] commands = {
                    new ApproveConstitution(COMMUNITY, "2.0", CONSTITUTION, TODAY_DATE),
                    new ApproveOrganizationalList(COMMUNITY, List.of(new GoverningPosition(COLLEGE, "x")), TODAY_DATE),
                    new JoinMember(COMMUNITY, organization(HUST_PRESS), TODAY_DATE),
                    new LeaveCommunity(COMMUNITY, SOUTHERN_FILM, "reason", TODAY_DATE),
                    new AssignRole(COMMUNITY, SOUTHERN_FILM, MemberRole.SECRETARIAT, false),
                    new RevokeRole(COMMUNITY, SOUTHERN_FILM, MemberRole.CHAIR_UNIT),
                    new AwardPlaque(COMMUNITY, PLAQUE, "title", SOUTHERN_FILM, "someone", TODAY_DATE),
                    new RevokePlaque(COMMUNITY, PLAQUE, "reason"),
                    new SignAgreement(COMMUNITY, AGREEMENT, "t", List.of(SOUTHERN_FILM, COLLEGE), List.of(), TODAY_DATE),
                    new TerminateAgreement(COMMUNITY, AGREEMENT, "reason", TODAY_DATE),
                    new DissolveCommunity(COMMUNITY, "again", TODAY_DATE)};
            for (Object command : commands) {
                assertRefused(fixture.given(established(), joined(SOUTHERN_FILM), joined(COLLEGE),
                                assigned(SOUTHERN_FILM, MemberRole.CHAIR_UNIT),
                                new CommunityDissolved(COMMUNITY, "merged", TODAY_DATE))
                        .when(command), Rule.COMMUNITY_DISSOLVED);
            }
        }
    }

    @Nested
    class ConditionalCommands {

        @Test
        void a_command_expecting_the_current_version_is_applied() {
            fixture.given(established())
                    .when(new JoinMember(COMMUNITY, organization(SOUTHERN_FILM), CONFERENCE_DAY),
                            MetaData.with(CommandMetadata.EXPECTED_VERSION, 1L))
                    .expectEvents(joined(SOUTHERN_FILM));
        }

        @Test
        void a_command_expecting_another_version_is_refused() {
            fixture.given(established(), joined(SOUTHERN_FILM))
                    .when(new JoinMember(COMMUNITY, organization(COLLEGE), CONFERENCE_DAY),
                            MetaData.with(CommandMetadata.EXPECTED_VERSION, 1L))
                    .expectNoEvents()
                    .expectException(VersionConflict.class);
        }
    }

    private static final LocalDate TODAY_DATE = LocalDate.now(TODAY);

    private static void assertRefused(ResultValidator<Community> result, Rule rule) {
        result.expectNoEvents()
                .expectException(RuleViolation.class)
                .expectException(violating(rule));
    }

    private static Matcher<Object> violating(Rule rule) {
        return new CustomMatcher<>("a violation of the rule " + rule) {
            @Override
            public boolean matches(Object item) {
                return item instanceof RuleViolation violation && violation.rule() == rule;
            }
        };
    }

    private static CommunityEstablished established() {
        return new CommunityEstablished(COMMUNITY, "四川省智慧视听产业产教融合共同体", "Smart audiovisual", "Sichuan",
                COLLEGE, "Literature and Art Center", CONFERENCE_DAY);
    }

    private static Organization organization(OrganizationId id) {
        return new Organization(id, "Member " + id, OrganizationKind.ENTERPRISE, Province.CN_GD);
    }

    private static MemberJoined joined(OrganizationId id) {
        return new MemberJoined(COMMUNITY, organization(id), CONFERENCE_DAY);
    }

    private static MemberLeft left(OrganizationId id) {
        return new MemberLeft(COMMUNITY, id, "reason", CONFERENCE_DAY);
    }

    private static MemberRoleAssigned assigned(OrganizationId id, MemberRole role) {
        return new MemberRoleAssigned(COMMUNITY, id, role);
    }

    private static MemberRoleRevoked revoked(OrganizationId id, MemberRole role) {
        return new MemberRoleRevoked(COMMUNITY, id, role);
    }

    private static PlaqueAwarded awarded() {
        return new PlaqueAwarded(COMMUNITY, PLAQUE, "School of Digital Media Industry", COLLEGE, "邹鹏", CONFERENCE_DAY);
    }

    private static CooperationAgreementSigned signed() {
        return new CooperationAgreementSigned(COMMUNITY, AGREEMENT, "Strategic cooperation agreement",
                List.of(HUST_PRESS, SOUTHERN_FILM), List.of("textbook development", "resource construction"),
                CONFERENCE_DAY);
    }
}
