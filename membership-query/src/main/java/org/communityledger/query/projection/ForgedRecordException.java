package org.communityledger.query.projection;

import org.communityledger.events.wire.UndecodableEventException;

/**
 * A record the command side did not publish: unsigned, signed by another key, or altered after signing. It is
 * parked with the reason kind {@code forged} and never applied; the genuine event is applied when it comes.
 */
class ForgedRecordException extends UndecodableEventException {

    ForgedRecordException(String message) {
        super(message);
    }
}
