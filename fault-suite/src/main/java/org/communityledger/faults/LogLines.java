package org.communityledger.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.communityledger.launcher.LocalSystem;

/**
 * Counts what a part of the system wrote to its log. The logs grow over the whole run, so a scenario counts
 * before and after its fault and uses the difference. The services log one JSON object per line (a stack
 * trace inside it), so a line is one entry either way; a message's text appears in its JSON as written, as
 * long as the text matched holds no quote, backslash or control character.
 */
final class LogLines {

    private LogLines() {
    }

    /** Lines of the part's log that contain {@code text}; 0 while the log does not exist. */
    static long containing(Drill drill, LocalSystem.Part part, String text) throws IOException {
        Path log = drill.system().logFile(part);
        if (!Files.exists(log)) {
            return 0;
        }
        // Bytes that are not UTF-8 (a process may write anything) must not end the count.
        try (Stream<String> lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines()) {
            return lines.filter(line -> line.contains(text)).count();
        }
    }
}
