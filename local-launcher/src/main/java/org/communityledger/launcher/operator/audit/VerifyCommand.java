package org.communityledger.launcher.operator.audit;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.communityledger.client.LedgerProblemException;
import org.communityledger.client.audit.AuditApi;
import org.communityledger.client.audit.ChainVerification;
import org.communityledger.client.audit.Digest;
import org.communityledger.client.community.CommunityApi;
import org.communityledger.client.community.CommunityPage;
import org.communityledger.client.community.CommunitySummary;
import org.communityledger.launcher.operator.ExitCode;
import org.communityledger.launcher.operator.Formats;
import org.communityledger.launcher.operator.OperatorCommand;
import org.communityledger.launcher.operator.ParsedArguments;
import org.communityledger.launcher.operator.Services;
import org.communityledger.launcher.operator.Syntax;
import org.communityledger.launcher.operator.Terminal;
import org.communityledger.launcher.operator.UsageException;

/**
 * {@code ./ledger verify [COMMUNITY_ID...]}: recomputes the hash chain of each community named, or of every
 * community the query service lists; prints each result as it comes and a summary. Exits 1 when any chain is
 * broken or could not be checked.
 *
 * <p>With {@code --export FILE} it asks no service: the export is checked offline, with the checkpoints given
 * ({@link ExportVerification}).
 */
public final class VerifyCommand implements OperatorCommand {

    @Override
    public String name() {
        return "verify";
    }

    @Override
    public String arguments() {
        return "[COMMUNITY_ID...] | --export FILE [--checkpoint FILE --key VKEY] [--previous-checkpoint FILE]";
    }

    @Override
    public String summary() {
        return "recompute the hash chains of the communities named, or of all; with --export, check an export"
                + " offline against kept checkpoints";
    }

    @Override
    public Syntax syntax() {
        return Syntax.none().withPositionals(Syntax.ANY_NUMBER).withValues(ExportVerification.EXPORT,
                ExportVerification.CHECKPOINT, ExportVerification.KEY, ExportVerification.PREVIOUS_CHECKPOINT);
    }

    @Override
    public int run(ParsedArguments arguments, Services services, Terminal terminal) {
        if (arguments.value(ExportVerification.EXPORT).isPresent()) {
            return ExportVerification.run(arguments, terminal);
        }
        for (String offlineOnly : List.of(ExportVerification.CHECKPOINT, ExportVerification.KEY,
                ExportVerification.PREVIOUS_CHECKPOINT)) {
            if (arguments.value(offlineOnly).isPresent()) {
                throw new UsageException(offlineOnly + " goes with " + ExportVerification.EXPORT + " FILE");
            }
        }
        AuditApi audit = services.commandAsAuditor().audit();
        Tally tally = new Tally(audit, terminal);
        if (arguments.positionals().isEmpty()) {
            eachListedCommunity(services.queryAsAuditor().communities(), tally::verify);
        } else {
            arguments.positionals().forEach(tally::verify);
        }
        terminal.out().println(tally.summary());
        if (arguments.positionals().isEmpty()) {
            compareWithDigest(audit.digest(), tally.checked(), terminal);
        }
        return tally.allIntact() ? ExitCode.OK : ExitCode.ATTENTION;
    }

    /** Page by page as the query service lists them, so the first results show while the rest are listed. */
    private static void eachListedCommunity(CommunityApi communities, Consumer<String> verify) {
        int page = 0;
        CommunityPage listed;
        do {
            listed = communities.communities(page++, CommunityApi.MAX_PAGE_SIZE);
            listed.items().stream().map(CommunitySummary::communityId).forEach(verify);
        } while (listed.hasNext() && !listed.items().isEmpty());
    }

    /**
     * The command side's own count: the query service lists what its views hold, which may be behind the event
     * store (a lag, a quarantine).
     */
    private static void compareWithDigest(Digest digest, long checked, Terminal terminal) {
        terminal.out().println("Digest now: position " + Formats.count(digest.position()) + ", "
                + Formats.count(digest.communities()) + " communities, " + Formats.count(digest.events())
                + " events, merkle root " + digest.merkleRoot());
        if (digest.communities() > checked) {
            terminal.out().println("Note: the event store holds " + Formats.count(digest.communities())
                    + " communities, the views listed " + Formats.count(checked)
                    + "; name the others to check them (./ledger status shows whether the views are behind).");
        }
    }

    /** Verifies one community at a time, printing each result, and counts the outcomes. */
    private static final class Tally {
        private final AuditApi audit;
        private final Terminal terminal;
        private long intact;
        private long broken;
        private long unchecked;

        Tally(AuditApi audit, Terminal terminal) {
            this.audit = audit;
            this.terminal = terminal;
        }

        void verify(String communityId) {
            try {
                ChainVerification chain = audit.verifyChain(communityId);
                if (chain.valid()) {
                    intact++;
                    terminal.out().println(line("OK", communityId, Formats.count(chain.eventsChecked())
                            + " events, head " + chain.headHash()));
                } else {
                    broken++;
                    terminal.out().println(line("BROKEN", communityId, "first bad version "
                            + chain.firstBadVersion() + ": " + chain.reason()));
                }
            } catch (LedgerProblemException e) {
                // One community's problem (unknown id, say) must not hide the others' results.
                unchecked++;
                terminal.out().println(line("ERROR", communityId, e.problem().describe()));
            }
        }

        private static String line(String outcome, String communityId, String detail) {
            return String.format(Locale.ROOT, "%-7s %s  %s", outcome, communityId, detail);
        }

        long checked() {
            return intact + broken + unchecked;
        }

        boolean allIntact() {
            return broken == 0 && unchecked == 0;
        }

        String summary() {
            return Formats.count(checked()) + (checked() == 1 ? " community" : " communities") + " checked: "
                    + Formats.count(intact) + " intact, " + Formats.count(broken) + " broken, "
                    + Formats.count(unchecked) + " could not be checked.";
        }
    }
}
