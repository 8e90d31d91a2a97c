package org.communityledger.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.communityledger.client.Credentials;
import org.communityledger.client.LedgerClients;
import org.communityledger.client.LedgerProblemException;
import org.communityledger.client.QueryServiceClient;
import org.communityledger.client.command.CommandApi;
import org.communityledger.client.command.CommandOptions;
import org.communityledger.client.command.CommandResult;
import org.communityledger.client.command.EstablishCommunity;
import org.communityledger.client.command.JoinMember;
import org.communityledger.client.community.Community;
import org.communityledger.client.community.CommunityApi;
import org.communityledger.client.community.MemberFilter;
import org.communityledger.client.community.MemberPage;
import org.communityledger.client.organization.Organization;
import org.communityledger.client.stats.Stats;
import org.communityledger.launcher.LaunchSettings;
import org.communityledger.launcher.LocalSystem;
import org.communityledger.launcher.demo.ConferenceDemo;
import org.junit.jupiter.api.Test;

/**
 * The system as a user runs it: the launcher behind {@code ./ledger up} starts embedded PostgreSQL, a real
 * Kafka broker and both service jars as processes; the test speaks HTTP only, through the Java client, as the
 * walk-through in docs/api.md does, then restarts everything on the same data.
 */
class WholeSystemIT {

    private static final Path HOME = Path.of(System.getProperty("ledger.root", "..")).toAbsolutePath().normalize();
    private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(5);
    private static final LocalDate CONFERENCE_DAY = LocalDate.of(2025, 10, 19);

    @Test
    void a_member_added_over_http_shows_in_the_query_api_and_survives_a_restart() throws Exception {
        Path dataDir = Files.createTempDirectory(HOME.resolve("system-tests/target"), "ledger-data-");
        LaunchSettings settings = LaunchSettings.onFreePorts(HOME, dataDir);
        JoinMember southernFilm = new JoinMember("91440300708461136T", "南方影视集团", "ENTERPRISE", "CN-GD",
                CONFERENCE_DAY);
        String communityId;
        long positionBeforeRestart;

        try (LocalSystem system = LocalSystem.start(settings)) {
            CommandApi commands = admin(system.commandUrl());
            communityId = commands.establish(new EstablishCommunity("四川省智慧视听产业产教融合共同体",
                    "Smart audiovisual", "Sichuan", "nanchong-film-vocational-college",
                    "Literature and Art Center, Nanchong Film Industry Vocational College", CONFERENCE_DAY),
                    CommandOptions.NONE).communityId();

            CommandResult joined = commands.join(communityId, southernFilm, CommandOptions.NONE);
            assertThat(joined.version()).isEqualTo(2);
            positionBeforeRestart = joined.position();

            Instant acknowledged = Instant.now();
            Community community = awaitCommunity(system.queryUrl(), communityId, 1);
            assertThat(Duration.between(acknowledged, Instant.now())).isLessThan(VISIBLE_WITHIN);
            assertThat(community.name()).isEqualTo("四川省智慧视听产业产教融合共同体");
            MemberPage members = viewer(system.queryUrl()).communities()
                    .members(communityId, MemberFilter.ALL, 0, 50);
            assertThat(members.items()).singleElement().satisfies(member -> {
                assertThat(member.name()).isEqualTo("南方影视集团");
                assertThat(member.province()).isEqualTo("CN-GD");
            });
        }

        try (LocalSystem restarted = LocalSystem.start(settings.onOtherFreePorts())) {
            CommunityApi views = viewer(restarted.queryUrl()).communities();
            assertThat(views.community(communityId).memberCount()).isEqualTo(1);

            CommandApi commands = admin(restarted.commandUrl());
            assertThatThrownBy(() -> commands.join(communityId, southernFilm, CommandOptions.NONE))
                    .as("the event store remembers the member")
                    .isInstanceOfSatisfying(LedgerProblemException.class,
                            refused -> assertThat(refused.status()).isEqualTo(409));

            CommandResult another = commands.join(communityId, new JoinMember("huazhong-ust-press",
                    "华中科技大学出版社", "ENTERPRISE", "CN-HB", CONFERENCE_DAY), CommandOptions.NONE);
            assertThat(another.version()).isEqualTo(3);
            assertThat(another.position()).as("global positions do not jump on restart")
                    .isEqualTo(positionBeforeRestart + 1);
            assertThat(awaitCommunity(restarted.queryUrl(), communityId, 2).version()).isEqualTo(3);
        }
    }

    @Test
    void the_demo_loads_the_conference_and_a_second_run_records_nothing_new() throws Exception {
        Path dataDir = Files.createTempDirectory(HOME.resolve("system-tests/target"), "ledger-demo-");
        try (LocalSystem system = LocalSystem.start(LaunchSettings.onFreePorts(HOME, dataDir))) {
            Map<String, Long> first = ConferenceDemo.run(system.commandUrl(), system.queryUrl(), "admin", "admin");
            Map<String, Long> second = ConferenceDemo.run(system.commandUrl(), system.queryUrl(), "admin", "admin");

            assertThat(second).as("same communities, same versions").isEqualTo(first);
            QueryServiceClient viewer = viewer(system.queryUrl());
            Stats stats = viewer.stats().stats();
            assertThat(stats.communities()).isEqualTo(2);
            assertThat(stats.organizations()).isEqualTo(96);
            assertThat(stats.provinces()).isEqualTo(26);
            List<Community> communities = viewer.communities().communities(0, 50).items().stream()
                    .map(listed -> viewer.communities().community(listed.communityId())).toList();
            assertThat(communities).hasSize(2).allSatisfy(community -> {
                assertThat(community.chairUnit().organizationId()).isEqualTo("southern-film-group");
                assertThat(community.plaques()).hasSize(1);
                assertThat(community.constitutionVersion()).isEqualTo("1.0");
            });
            List<String> titles = new ArrayList<>();
            communities.forEach(community -> {
                community.plaques().forEach(plaque -> titles.add(plaque.title()));
                community.agreements().forEach(agreement -> titles.add(agreement.title()));
            });
            assertThat(titles).contains("School of Digital Media Industry",
                    "School of Intelligent Manufacturing Industry", "Strategic cooperation agreement 战略合作协议");
            Organization press = viewer.organizations().organization("hust-press", null);
            assertThat(press.agreements()).first().satisfies(agreement -> assertThat(agreement.scope())
                    .contains("textbook development", "resource construction"));
        }
    }

    static CommandApi admin(String commandUrl) {
        return LedgerClients.command(commandUrl, Credentials.basic("admin", "admin")).commands();
    }

    static QueryServiceClient viewer(String queryUrl) {
        return LedgerClients.query(queryUrl, Credentials.basic("viewer", "viewer"));
    }

    private static Community awaitCommunity(String queryUrl, String communityId, int memberCount) {
        CommunityApi views = viewer(queryUrl).communities();
        Community[] found = new Community[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .ignoreExceptionsInstanceOf(LedgerProblemException.class)
                .until(() -> (found[0] = views.community(communityId)).memberCount() == memberCount);
        return found[0];
    }
}
