package org.communityledger.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordingLoadTest {

    @Test
    void a_command_still_retried_when_the_load_stops_is_a_finding() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        // Nothing listens: every attempt fails and is retried, far longer than the load is given to finish.
        RecordingLoad load = new RecordingLoad("http://127.0.0.1:" + closedPort, List.of("c1"), "t", 1,
                Duration.ZERO).start();
        // The first send can take a while (the HTTP client's first use loads its classes): the load is stopped
        // only once the command is on its way, or the client would find the load stopped before it began.
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (load.unsettled().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        Thread.sleep(300);
        load.finish(Duration.ofMillis(300));

        assertThat(load.acks()).isEmpty();
        assertThat(load.abandoned()).isZero();
        assertThat(load.unsettled()).containsExactly("t-1");
        assertThat(load.findings()).anySatisfy(finding -> assertThat(finding).contains("still unacknowledged"));
    }
}
