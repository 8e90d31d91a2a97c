package org.communityledger.client.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerSentEventsTest {

    private final List<ServerSentEvent> events = new ArrayList<>();

    @Test
    void readsTheLedgersEventsAndSkipsHeartbeats() throws IOException {
        String last = read("""
                :heartbeat

                id:41
                event:ready
                data:{"position":41}

                id: 42
                event: change
                data: {"position":42}

                """, null);

        assertThat(events).containsExactly(new ServerSentEvent("41", "ready", "{\"position\":41}"),
                new ServerSentEvent("42", "change", "{\"position\":42}"));
        assertThat(last).isEqualTo("42");
    }

    @Test
    void joinsDataLinesAndKeepsTheLastIdForEventsWithoutOne() throws IOException {
        read("""
                id:7
                data:first line
                data:second line

                data:no id of its own

                """, "3");

        assertThat(events).containsExactly(new ServerSentEvent("7", "message", "first line\nsecond line"),
                new ServerSentEvent("7", "message", "no id of its own"));
    }

    @Test
    void anEventWithoutDataOrWithoutItsBlankLineIsNotDispatched() throws IOException {
        String last = read("""
                id:8
                event:change

                id:9
                data:cut off by the end of the stream
                """, "7");

        assertThat(events).isEmpty();
        assertThat(last).isEqualTo("9");
    }

    @Test
    void stopsWhenTheHandlerSaysSo() throws IOException {
        String body = "id:1\ndata:a\n\nid:2\ndata:b\n\n";
        String last = ServerSentEvents.read(stream(body), null, event -> {
            events.add(event);
            return false;
        });

        assertThat(events).hasSize(1);
        assertThat(last).isEqualTo("1");
    }

    private String read(String body, String lastEventId) throws IOException {
        return ServerSentEvents.read(stream(body), lastEventId, events::add);
    }

    private static ByteArrayInputStream stream(String body) {
        return new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
    }
}
