package org.communityledger.launcher.operator.deadletter;

import java.util.List;
import org.communityledger.client.deadletter.DeadLetter;
import org.communityledger.launcher.operator.Formats;
import org.communityledger.launcher.operator.Table;

/** Dead letters as {@code dlt list} and {@code dlt discard} show them. */
final class DeadLetterTable {

    private DeadLetterTable() {
    }

    /** The parked ones: where each came from and why it was parked. */
    static String parked(List<DeadLetter> deadLetters) {
        Table table = new Table("ID", "KIND", "COMMUNITY", "VERSION", "POSITION", "PARTITION/OFFSET", "PARKED AT",
                "REASON");
        deadLetters.forEach(deadLetter -> table.row(deadLetter.id(), deadLetter.reasonKind(),
                deadLetter.communityId(), deadLetter.version(), deadLetter.position(), origin(deadLetter),
                Formats.instant(deadLetter.parkedAt()), deadLetter.reason()));
        return table.render("");
    }

    /** Of any status: also when, by whom and how each was resolved. */
    static String all(List<DeadLetter> deadLetters) {
        Table table = new Table("ID", "STATUS", "KIND", "COMMUNITY", "VERSION", "PARTITION/OFFSET", "PARKED AT",
                "RESOLVED AT", "BY", "REASON / RESOLUTION");
        deadLetters.forEach(deadLetter -> table.row(deadLetter.id(), deadLetter.status(), deadLetter.reasonKind(),
                deadLetter.communityId(), deadLetter.version(), origin(deadLetter),
                Formats.instant(deadLetter.parkedAt()), Formats.instant(deadLetter.resolvedAt()),
                deadLetter.resolvedBy(), reasonAndResolution(deadLetter)));
        return table.render("");
    }

    private static String origin(DeadLetter deadLetter) {
        return deadLetter.partition() == null ? null : deadLetter.partition() + "/" + deadLetter.offset();
    }

    private static String reasonAndResolution(DeadLetter deadLetter) {
        return deadLetter.resolution() == null ? deadLetter.reason()
                : deadLetter.reason() + "  => " + deadLetter.resolution();
    }
}
