package org.communityledger.command.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;

/**
 * Writes events as NDJSON, one audit event per line, straight from the store's cursor to the response:
 * memory stays constant however long the log is. Metadata and payload are copied as the stored JSON bytes
 * (the chain hash covers the payload's exact bytes) once checked to be one JSON value each; text fields are
 * escaped, so even tampered rows give well-formed lines, one per event.
 */
@Component
class NdjsonExport {

    private static final int BUFFER = 1 << 16;
    private static final JsonFactory JSON = new JsonFactory();

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
            String head = "{\"position\":" + event.position()
                    + ",\"communityId\":" + quoted(event.communityId())
                    + ",\"version\":" + event.version()
                    + ",\"eventId\":" + quoted(event.eventId())
                    + ",\"name\":" + quoted(event.name())
                    + ",\"revision\":" + revision(event.revision())
                    + ",\"timestamp\":" + quoted(event.timestamp())
                    + ",\"metadata\":";
            out.write(head.getBytes(StandardCharsets.UTF_8));
            byte[] metaData = event.metaData() == null ? EMPTY_OBJECT : event.metaData();
            out.write(isJson(metaData, true) ? metaData : asString(metaData));
            out.write(PAYLOAD);
            out.write(isJson(event.payload(), false) ? event.payload() : asString(event.payload()));
            out.write(END_OF_LINE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whether the stored bytes are one well-formed JSON value (an object, when asked) on one line and nothing
     * else: only then are they copied raw. Anything else (an edited row) is written as a JSON string of its text, so
     * crafted metadata can never end the line early or forge fields of its own.
     */
    private static boolean isJson(byte[] bytes, boolean objectOnly) {
        for (byte b : bytes) {
            if (b == '\n' || b == '\r') {
                // Whitespace JSON allows, but it would split the line.
                return false;
            }
        }
        try (JsonParser parser = JSON.createParser(bytes)) {
            JsonToken first = parser.nextToken();
            if (first == null || (objectOnly && first != JsonToken.START_OBJECT)) {
                return false;
            }
            parser.skipChildren();
            return parser.nextToken() == null;
        } catch (IOException e) {
            return false;
        }
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
    static String quoted(String text) {
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

    private static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PAYLOAD = ",\"payload\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END_OF_LINE = "}\n".getBytes(StandardCharsets.US_ASCII);
}
