package org.communityledger.client.stream;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;

/**
 * Reads a {@code text/event-stream} as the WHATWG HTML standard (§ 9.2.6) defines it: fields up to a blank line
 * make an event; {@code data} lines accumulate; a line starting with a colon is a comment (the service's
 * heartbeats); one space after the colon is not part of the value; an event without data is not dispatched.
 */
public final class ServerSentEvents {

    private ServerSentEvents() {
    }

    /**
     * Hands each event to {@code handler} until the stream ends or the handler answers false, then closes the
     * stream.
     *
     * @param lastEventId the id in effect before the first event (what the connection resumed from), or null
     * @return the last event id in effect when reading stopped, to resume from
     * @throws IOException when the connection breaks, as it does when the service goes away
     */
    public static String read(InputStream stream, String lastEventId, Predicate<ServerSentEvent> handler)
            throws IOException {
        String id = lastEventId;
        String type = null;
        StringBuilder data = null;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isEmpty()) {
                    if (data != null) {
                        ServerSentEvent event = new ServerSentEvent(id, type == null ? "message" : type,
                                data.toString());
                        if (!handler.test(event)) {
                            return id;
                        }
                    }
                    type = null;
                    data = null;
                    continue;
                }
                if (line.startsWith(":")) {
                    continue;
                }
                int colon = line.indexOf(':');
                String field = colon < 0 ? line : line.substring(0, colon);
                String value = colon < 0 ? "" : line.substring(colon + 1);
                if (value.startsWith(" ")) {
                    value = value.substring(1);
                }
                switch (field) {
                    case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                    case "event" -> type = value;
                    // An id with a NUL is ignored by the standard: no server could be resumed from it.
                    case "id" -> id = value.indexOf('\0') >= 0 ? id : value;
                    default -> {
                        // retry and unknown fields: the caller decides when to reconnect
                    }
                }
            }
        }
        return id;
    }
}
