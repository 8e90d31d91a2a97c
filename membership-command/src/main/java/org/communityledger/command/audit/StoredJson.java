package org.communityledger.command.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/** Whether stored bytes are what the service writes: one well-formed JSON value on one line. */
final class StoredJson {

    private static final JsonFactory JSON = new JsonFactory();

    private StoredJson() {
    }

    /**
     * Whether the bytes are one well-formed JSON value (an object, when asked) on one line and nothing else. The
     * service writes payloads and metadata that way; anything else was edited in the table.
     */
    static boolean isOneValue(byte[] bytes, boolean objectOnly) {
        if (bytes == null) {
            return false;
        }
        for (byte b : bytes) {
            if (b == '\n' || b == '\r') {
                // Whitespace JSON allows, but it would split an NDJSON line.
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
}
