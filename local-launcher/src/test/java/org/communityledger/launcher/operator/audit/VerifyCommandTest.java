package org.communityledger.launcher.operator.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.communityledger.client.CommandServiceClient;
import org.communityledger.client.LedgerProblemException;
import org.communityledger.client.Problem;
import org.communityledger.client.QueryServiceClient;
import org.communityledger.client.audit.AuditApi;
import org.communityledger.client.audit.ChainVerification;
import org.communityledger.client.audit.Digest;
import org.communityledger.client.audit.DigestVerification;
import org.communityledger.client.community.Community;
import org.communityledger.client.community.CommunityApi;
import org.communityledger.client.community.CommunityPage;
import org.communityledger.client.community.CommunitySummary;
import org.communityledger.client.community.MemberPage;
import org.communityledger.launcher.operator.CapturedTerminal;
import org.communityledger.launcher.operator.CommandLine;
import org.communityledger.launcher.operator.ExitCode;
import org.communityledger.launcher.operator.TestServices;
import org.junit.jupiter.api.Test;

class VerifyCommandTest {

    private final List<String> verified = new ArrayList<>();
    private final List<Integer> pagesRead = new ArrayList<>();
    private final CapturedTerminal terminal = CapturedTerminal.plain();
    private long digestCommunities = 3;

    /** Chains are intact, except "broken"'s; "unknown" is not in the event store. */
    private final AuditApi audit = new AuditApi() {
        @Override
        public ChainVerification verifyChain(String communityId) {
            verified.add(communityId);
            if (communityId.equals("unknown")) {
                throw new LedgerProblemException("GET", URI.create("http://127.0.0.1:8080/api/audit"),
                        new Problem(null, "Not found", 404, "There is no community unknown.", null, null));
            }
            return communityId.equals("broken")
                    ? new ChainVerification(communityId, false, 7, null, 7L, "hash of version 7 does not match")
                    : new ChainVerification(communityId, true, 66, "3ddb851a", null, null);
        }

        @Override
        public Digest digest() {
            return new Digest("community-ledger/v1", 130, digestCommunities, 130, "e085c0ec",
                    Instant.parse("2026-11-30T14:52:00Z"));
        }

        @Override
        public DigestVerification verifyDigest(Digest earlier) {
            throw new AssertionError("not used");
        }
    };

    /** Lists the given number of communities, "community-0" on, a page at a time. */
    private CommunityApi listing(int communities) {
        return new CommunityApi() {
            @Override
            public CommunityPage communities(String text, int page, int size) {
                pagesRead.add(page);
                List<CommunitySummary> items = IntStream.range(page * size, Math.min(communities, (page + 1) * size))
                        .mapToObj(i -> new CommunitySummary("community-" + i, "name", "sector", "region", "ACTIVE",
                                null, 1, 1, i))
                        .toList();
                return new CommunityPage(items, page, size, communities, communities);
            }

            @Override
            public Community community(String communityId, Long minPosition) {
                throw new AssertionError("not used");
            }

            @Override
            public MemberPage members(String communityId, String province, String kind, String role, String text,
                                      int page, int size, Long minPosition) {
                throw new AssertionError("not used");
            }
        };
    }

    private int run(CommunityApi communities, String... ids) {
        QueryServiceClient query = new QueryServiceClient(null, null, communities, null, null, null, null, null, null,
                null);
        CommandServiceClient command = new CommandServiceClient(null, null, audit, null, null, null, null);
        VerifyCommand verify = new VerifyCommand();
        return verify.run(CommandLine.parse(List.of(ids), verify.syntax()), TestServices.of(query, command),
                terminal.terminal());
    }

    @Test
    void verifiesEveryListedCommunityPageByPage() {
        digestCommunities = 201;

        int exit = run(listing(201));

        assertThat(exit).isEqualTo(ExitCode.OK);
        assertThat(pagesRead).containsExactly(0, 1);
        assertThat(verified).hasSize(201).startsWith("community-0").endsWith("community-200");
        assertThat(terminal.out()).contains("OK      community-0  66 events, head 3ddb851a\n")
                .contains("201 communities checked: 201 intact, 0 broken, 0 could not be checked.\n")
                .endsWith("Digest now: position 130, 201 communities, 130 events, merkle root e085c0ec\n");
    }

    @Test
    void saysWhenTheEventStoreHoldsMoreCommunitiesThanTheViewsListed() {
        digestCommunities = 3;

        run(listing(2));

        assertThat(terminal.out()).contains("Note: the event store holds 3 communities, the views listed 2;");
    }

    @Test
    void aBrokenChainOrAnUncheckedCommunityExitsOneAfterCheckingTheRest() {
        int exit = run(listing(0), "broken", "unknown", "fine");

        assertThat(exit).isEqualTo(ExitCode.ATTENTION);
        assertThat(pagesRead).isEmpty();
        assertThat(verified).containsExactly("broken", "unknown", "fine");
        assertThat(terminal.out()).isEqualTo("""
                BROKEN  broken  first bad version 7: hash of version 7 does not match
                ERROR   unknown  404 Not found: There is no community unknown.
                OK      fine  66 events, head 3ddb851a
                3 communities checked: 1 intact, 1 broken, 1 could not be checked.
                """);
    }
}
