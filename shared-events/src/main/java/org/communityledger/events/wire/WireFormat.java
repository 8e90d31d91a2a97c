package org.communityledger.events.wire;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.communityledger.events.CommunityEvent;
import org.communityledger.events.value.CommunityId;

/**
 * The Kafka wire contract, free of any Kafka types so both sides share it: topic names, the record key
 * (the community id, so that one community's events stay in order on one partition), headers and value.
 */
public final class WireFormat {

    /** All community events, retained for ever so that projections can be rebuilt from offset 0. */
    public static final String TOPIC = "membership.events";
    /** Records the query side could not read or apply, with the reason in headers. */
    public static final String DEAD_LETTER_TOPIC = TOPIC + ".DLT";

    private final EventCodec codec;

    public WireFormat(EventCodec codec) {
        this.codec = codec;
    }

    /** A record as it travels: key, JSON value, and headers as text. */
    public record WireRecord(String key, byte[] value, Map<String, String> headers) {
    }

    public WireRecord write(EventEnvelope envelope) {
        return write(new StoredEvent(envelope.type(), codec.encode(envelope.event()), envelope.eventId(),
                envelope.communityId(), envelope.sequence(), envelope.position(), envelope.timestamp(),
                envelope.correlationId(), envelope.hash(), envelope.prevHash()));
    }

    /** A record whose value is the stored JSON itself, unchanged. */
    public WireRecord write(StoredEvent event) {
        EventType type = event.type();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(EventHeaders.EVENT_NAME, type.name());
        headers.put(EventHeaders.EVENT_REVISION, Integer.toString(type.revision()));
        headers.put(EventHeaders.EVENT_ID, event.eventId());
        headers.put(EventHeaders.SEQUENCE, Long.toString(event.sequence()));
        headers.put(EventHeaders.POSITION, Long.toString(event.position()));
        headers.put(EventHeaders.TIMESTAMP, event.timestamp().toString());
        if (event.correlationId() != null) {
            headers.put(EventHeaders.CORRELATION_ID, event.correlationId());
        }
        if (event.hash() != null) {
            headers.put(EventHeaders.HASH, event.hash());
        }
        if (event.prevHash() != null) {
            headers.put(EventHeaders.PREV_HASH, event.prevHash());
        }
        return new WireRecord(event.communityId().value(), event.json(), headers);
    }

    public EventEnvelope read(WireRecord record) {
        Map<String, String> headers = record.headers();
        String name = required(headers, EventHeaders.EVENT_NAME);
        int revision = (int) number(headers, EventHeaders.EVENT_REVISION);
        if (record.value() == null) {
            throw new UndecodableEventException("record has no value");
        }
        CommunityEvent event = codec.decode(name, revision, record.value());
        CommunityId key = communityId(record.key());
        if (!event.communityId().equals(key)) {
            throw new UndecodableEventException(
                    "record key " + key + " does not match the event's community " + event.communityId());
        }
        return new EventEnvelope(
                required(headers, EventHeaders.EVENT_ID),
                key,
                number(headers, EventHeaders.SEQUENCE),
                number(headers, EventHeaders.POSITION),
                instant(headers, EventHeaders.TIMESTAMP),
                headers.get(EventHeaders.CORRELATION_ID),
                event,
                headers.get(EventHeaders.HASH),
                headers.get(EventHeaders.PREV_HASH));
    }

    private static CommunityId communityId(String key) {
        try {
            return CommunityId.of(key);
        } catch (RuntimeException e) {
            throw new UndecodableEventException("record key is not a community id: " + e.getMessage(), e);
        }
    }

    private static String required(Map<String, String> headers, String name) {
        String value = headers.get(name);
        if (value == null || value.isBlank()) {
            throw new UndecodableEventException("header " + name + " is missing");
        }
        return value;
    }

    private static long number(Map<String, String> headers, String name) {
        String value = required(headers, name);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new UndecodableEventException("header " + name + " is not a number: " + value, e);
        }
    }

    private static Instant instant(Map<String, String> headers, String name) {
        String value = required(headers, name);
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new UndecodableEventException("header " + name + " is not an ISO-8601 instant: " + value, e);
        }
    }
}
