package org.communityledger.launcher.operator.deadletter;

import org.communityledger.launcher.operator.UsageException;

/** A dead letter's id as typed: the number {@code dlt list} shows. */
final class DeadLetterIds {

    private DeadLetterIds() {
    }

    static long parse(String typed) {
        try {
            long id = Long.parseLong(typed);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // Said below.
        }
        throw new UsageException("a dead letter's id is the number ./ledger dlt list shows, not '" + typed + "'");
    }
}
