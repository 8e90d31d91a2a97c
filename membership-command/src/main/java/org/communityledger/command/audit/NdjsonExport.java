package org.communityledger.command.audit;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;

/**
 * Writes events as NDJSON, one audit event per line, straight from the store's cursor to the response:
 * memory stays constant however long the log is. Metadata and payload are copied as the stored JSON bytes
 * (the chain hash covers the payload's exact bytes) once checked to be one JSON value each ({@link StoredJson});
 * anything else (an edited row) is written as a JSON string of its text, and text fields are escaped, so crafted
 * metadata can never end a line early or forge fields of its own: even tampered rows give well-formed lines, one
 * per event.
 */
@Component
class NdjsonExport {

    private static final int BUFFER = 1 << 16;

    private final StoredEvents storedEvents;

    NdjsonExport(StoredEvents storedEvents) {
        this.storedEvents = storedEvents;
    }

    void write(String communityId, long afterPosition, long upToPosition, OutputStream response) throws IOException {
        BufferedOutputStream out = new BufferedOutputStream(response, BUFFER);
        try {
            storedEvents.streamAll(communityId, afterPosition, upToPosition, event -> writeLine(out, event));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        out.flush();
    }

    private static void writeLine(OutputStream out, StoredEvent event) {
        try {
            // Written field by field as bytes: the export's cost is per event, and the first auditor after a
            // start meets this code before the JIT has compiled it, so the fewer steps the better.
            out.write(POSITION);
            writeNumber(out, event.position());
            out.write(COMMUNITY_ID);
            writeQuoted(out, event.communityId());
            out.write(VERSION);
            writeNumber(out, event.version());
            out.write(EVENT_ID);
            writeQuoted(out, event.eventId());
            out.write(NAME);
            writeQuoted(out, event.name());
            out.write(REVISION);
            writeRevision(out, event.revision());
            out.write(TIMESTAMP);
            writeQuoted(out, event.timestamp());
            out.write(METADATA);
            byte[] metaData = event.metaData() == null ? EMPTY_OBJECT : event.metaData();
            out.write(StoredJson.isOneValue(metaData, true) ? metaData : asString(metaData));
            out.write(PAYLOAD);
            out.write(StoredJson.isOneValue(event.payload(), false) ? event.payload() : asString(event.payload()));
            out.write(END_OF_LINE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeNumber(OutputStream out, long number) throws IOException {
        out.write(Long.toString(number).getBytes(StandardCharsets.US_ASCII));
    }

    /** Text as a JSON string; the stored text as it is unless it holds a character JSON must escape. */
    private static void writeQuoted(OutputStream out, String text) throws IOException {
        if (text == null || needsEscaping(text)) {
            out.write(quoted(text).getBytes(StandardCharsets.UTF_8));
            return;
        }
        out.write('"');
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.write('"');
    }

    private static boolean needsEscaping(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\' || c < 0x20) {
                return true;
            }
        }
        return false;
    }

    private static void writeRevision(OutputStream out, String revision) throws IOException {
        out.write(revision(revision).getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] asString(byte[] stored) {
        return quoted(new String(stored, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
    }

    private static String revision(String revision) {
        return revision != null && !revision.isEmpty() && revision.chars().allMatch(c -> c >= '0' && c <= '9')
                && revision.length() < 10 && (revision.length() == 1 || revision.charAt(0) != '0')
                ? revision : quoted(revision);
    }

    /** A JSON string literal; ids and names need no escaping unless someone edited the table. */
    private static String quoted(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder json = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }

    private static final byte[] POSITION = ascii("{\"position\":");
    private static final byte[] COMMUNITY_ID = ascii(",\"communityId\":");
    private static final byte[] VERSION = ascii(",\"version\":");
    private static final byte[] EVENT_ID = ascii(",\"eventId\":");
    private static final byte[] NAME = ascii(",\"name\":");
    private static final byte[] REVISION = ascii(",\"revision\":");
    private static final byte[] TIMESTAMP = ascii(",\"timestamp\":");
    private static final byte[] METADATA = ascii(",\"metadata\":");
    private static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PAYLOAD = ",\"payload\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END_OF_LINE = "}\n".getBytes(StandardCharsets.US_ASCII);

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
