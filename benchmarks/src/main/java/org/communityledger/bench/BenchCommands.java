package org.communityledger.bench;

import java.time.LocalDate;
import org.communityledger.client.CommandServiceClient;
import org.communityledger.client.Credentials;
import org.communityledger.client.LedgerClients;
import org.communityledger.client.LedgerProblemException;
import org.communityledger.client.command.CommandApi;
import org.communityledger.client.command.CommandOptions;
import org.communityledger.client.command.CommandResult;
import org.communityledger.client.command.EstablishCommunity;
import org.communityledger.client.command.JoinMember;

/**
 * The commands the benchmarks send, through the Java client as a user's program would. One instance per load
 * thread: each has its own client, and so its own connection, as a separate user would.
 */
final class BenchCommands {

    private static final LocalDate DAY = LocalDate.of(2025, 10, 19);

    private final CommandApi commands;

    BenchCommands(String commandUrl) {
        this.commands = LedgerClients.command(commandUrl, Credentials.basic("admin", "admin")).commands();
    }

    /** The answer to one command: its global position when accepted, else -1 and the refusal. */
    record Answer(long position, String refusal) {
        boolean accepted() {
            return refusal == null;
        }
    }

    /** The auditor's view of the command service at {@code commandUrl}. */
    static CommandServiceClient auditor(String commandUrl) {
        return LedgerClients.command(commandUrl, Credentials.basic("auditor", "auditor"));
    }

    String establish(String name) {
        return commands.establish(new EstablishCommunity(name, "Benchmark", "Sichuan", "bench-host-college",
                "Load lab", DAY), CommandOptions.NONE).communityId();
    }

    /** Admits an enterprise; a refusal is an answer, not an exception, since load counts every answer. */
    Answer join(String communityId, String organizationId) {
        try {
            CommandResult result = commands.join(communityId, new JoinMember(organizationId,
                    "Benchmark member " + organizationId, "ENTERPRISE", "CN-SC", DAY), CommandOptions.NONE);
            return new Answer(result.position(), null);
        } catch (LedgerProblemException e) {
            return new Answer(-1, e.getMessage());
        }
    }
}
