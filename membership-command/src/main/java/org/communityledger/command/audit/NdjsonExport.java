package org.communityledger.command.audit;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;

/**
 * Writes events as NDJSON, one audit event per line, straight from the store's cursor to the response:
 * memory stays constant however long the log is.
 */
@Component
class NdjsonExport {

    private static final JsonFactory JSON = new JsonFactory();

    private final StoredEvents storedEvents;

    NdjsonExport(StoredEvents storedEvents) {
        this.storedEvents = storedEvents;
    }

    void write(String communityId, long afterPosition, long upToPosition, OutputStream out) throws IOException {
        try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            json.setRootValueSeparator(null);
            storedEvents.streamAll(communityId, afterPosition, upToPosition, event -> writeLine(json, event));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void writeLine(JsonGenerator json, StoredEvent event) {
        try {
            json.writeStartObject();
            json.writeNumberField("position", event.position());
            json.writeStringField("communityId", event.communityId());
            json.writeNumberField("version", event.version());
            json.writeStringField("eventId", event.eventId());
            json.writeStringField("name", event.name());
            json.writeNumberField("revision", Integer.parseInt(event.revision()));
            json.writeStringField("timestamp", event.timestamp());
            json.writeFieldName("metadata");
            json.writeRawValue(event.metaData() == null ? "{}" : new String(event.metaData(), StandardCharsets.UTF_8));
            json.writeFieldName("payload");
            json.writeRawValue(new String(event.payload(), StandardCharsets.UTF_8));
            json.writeEndObject();
            json.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
