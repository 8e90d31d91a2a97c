package org.communityledger.faults;

import java.util.List;

/**
 * What one check of the system found for a scenario's communities.
 *
 * @param acked           commands the clients saw acknowledged
 * @param stored          events in the event store
 * @param projected       events applied to the views
 * @param lost            acknowledged commands or stored events missing from the store, the topic or the views
 * @param appliedTwice    events stored or applied more than once
 * @param topicRepeats    records the topic holds more than once (at-least-once delivery; the views absorb them)
 * @param findings        what was wrong, one line each; empty when the scenario passed
 */
record Tally(long acked, long stored, long projected, long lost, long appliedTwice, long topicRepeats,
             List<String> findings) {

    boolean clean() {
        return lost == 0 && appliedTwice == 0 && findings.isEmpty();
    }
}
