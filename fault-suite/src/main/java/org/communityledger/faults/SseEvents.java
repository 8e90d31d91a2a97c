package org.communityledger.faults;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;

/** Reads server-sent events as the ledger's stream writes them: an id, an event name and one data line each. */
final class SseEvents {

    /** One event; {@code data} is null when it had none. */
    record Event(String id, String name, String data) {
    }

    private SseEvents() {
    }

    /**
     * Hands each event with an id to {@code handler} until the stream ends or the handler answers false; a
     * connection that breaks throws, which a caller resuming with {@code Last-Event-ID} must expect.
     */
    static void read(InputStream stream, Predicate<Event> handler) throws IOException {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String id = null;
            String name = null;
            String data = null;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data = line.substring(5);
                } else if (line.isEmpty() && id != null) {
                    if (!handler.test(new Event(id, name, data))) {
                        return;
                    }
                    id = null;
                    name = null;
                    data = null;
                }
            }
        }
    }
}
