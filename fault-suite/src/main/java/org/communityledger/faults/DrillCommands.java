package org.communityledger.faults;

import java.time.Duration;
import java.time.LocalDate;
import org.communityledger.client.ClientSettings;
import org.communityledger.client.Credentials;
import org.communityledger.client.LedgerClients;
import org.communityledger.client.LedgerProblemException;
import org.communityledger.client.command.CommandApi;
import org.communityledger.client.command.CommandOptions;
import org.communityledger.client.command.CommandResult;
import org.communityledger.client.command.EstablishCommunity;
import org.communityledger.client.command.JoinMember;

/**
 * The commands the drills send, through the Java client as an administrator's script would. A refusal is an
 * {@link Answer} like an acknowledgement, since the suite counts every answer; no answer at all (the service is
 * down or restarting) throws {@link org.communityledger.client.LedgerUnreachableException}, which the drills
 * wait out. One instance per client thread: each keeps its own connections, as a separate user would.
 */
final class DrillCommands {

    static final LocalDate DAY = LocalDate.of(2025, 10, 19);
    /** A local service connects at once; longer means it is not listening (killed, paused, restarting). */
    private static final Duration CONNECT_WITHIN = Duration.ofSeconds(2);

    private final CommandApi commands;

    DrillCommands(String commandUrl, Duration answerWithin) {
        this.commands = LedgerClients.command(commandUrl, Credentials.basic("admin", "admin"),
                new ClientSettings(CONNECT_WITHIN, answerWithin)).commands();
    }

    /**
     * What a command was answered.
     *
     * @param result  the acknowledgement, or null for a refusal
     * @param refusal the refusal, or null for an acknowledgement
     */
    record Answer(CommandResult result, LedgerProblemException refusal) {

        boolean accepted() {
            return result != null;
        }

        long version() {
            return result.version();
        }

        long position() {
            return result.position();
        }

        /** The refusal's status; an acknowledgement has none. */
        int status() {
            return refusal.status();
        }

        /** A refusal as RFC 9457 promises it: a problem body whose status is the answer's. */
        boolean problemBody() {
            return refusal.answeredWithProblemBody();
        }

        /** How a tally names it: "acknowledged", or the refusal's status. */
        String outcome() {
            return accepted() ? "acknowledged" : String.valueOf(status());
        }

        String describe() {
            return accepted() ? outcome() + " at position " + position() : Text.clip(refusal.getMessage());
        }
    }

    /** The client's command API itself, for setting a scene up: a refusal there throws. */
    CommandApi api() {
        return commands;
    }

    /** Establishes a community for a drill; a refusal fails the drill's set-up. */
    String establish(String name) {
        return commands.establish(new EstablishCommunity(name, "Fault drill", "Sichuan", "fault-host-college",
                "Recovery lab", DAY), CommandOptions.NONE).communityId();
    }

    /** An enterprise in Sichuan joins under its drill name. */
    Answer join(String communityId, String organizationId, CommandOptions options) {
        return join(communityId, organizationId, "Drill member " + organizationId, options);
    }

    Answer join(String communityId, String organizationId, String name, CommandOptions options) {
        try {
            return new Answer(commands.join(communityId, new JoinMember(organizationId, name, "ENTERPRISE", "CN-SC",
                    DAY), options), null);
        } catch (LedgerProblemException refused) {
            return new Answer(null, refused);
        }
    }
}
