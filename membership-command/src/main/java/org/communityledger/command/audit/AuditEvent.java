package org.communityledger.command.audit;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.nio.charset.StandardCharsets;

/** One event in the audit history: position, identity, time, metadata (with its seal) and payload. */
record AuditEvent(long position, String communityId, long version, String eventId, String name, int revision,
                  String timestamp, @JsonRawValue String metadata, @JsonRawValue String payload) {

    static AuditEvent of(StoredEvent event) {
        return new AuditEvent(event.position(), event.communityId(), event.version(), event.eventId(), event.name(),
                Integer.parseInt(event.revision()), event.timestamp(),
                event.metaData() == null ? "{}" : new String(event.metaData(), StandardCharsets.UTF_8),
                new String(event.payload(), StandardCharsets.UTF_8));
    }
}
