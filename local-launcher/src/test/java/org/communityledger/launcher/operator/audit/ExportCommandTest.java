package org.communityledger.launcher.operator.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.communityledger.client.CommandServiceClient;
import org.communityledger.client.audit.ExportApi;
import org.communityledger.launcher.operator.CapturedTerminal;
import org.communityledger.launcher.operator.CommandLine;
import org.communityledger.launcher.operator.ExitCode;
import org.communityledger.launcher.operator.TestServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportCommandTest {

    private static final String NDJSON = "{\"position\":1,\"name\":\"CommunityEstablished\"}\n"
            + "{\"position\":2,\"name\":\"MemberJoined\",\"payload\":{\"name\":\"南方影视集团\"}}\n";

    @TempDir
    Path directory;

    private final CapturedTerminal terminal = CapturedTerminal.plain();
    private final List<String> asked = new ArrayList<>();

    private int run(InputStream answer, String... arguments) {
        ExportApi export = (communityId, after, upTo) -> {
            asked.add(communityId + " " + after + " " + upTo);
            return answer;
        };
        ExportCommand command = new ExportCommand();
        return command.run(CommandLine.parse(List.of(arguments), command.syntax()),
                TestServices.of(null, new CommandServiceClient(null, null, null, null, export, null, null)),
                terminal.terminal());
    }

    private static InputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void writesToStandardOutputAndCountsOnStandardError() {
        int exit = run(bytes(NDJSON), "--community", "c-1");

        assertThat(exit).isEqualTo(ExitCode.OK);
        assertThat(asked).containsExactly("c-1 null null");
        assertThat(terminal.out()).isEqualTo(NDJSON);
        assertThat(terminal.err()).isEqualTo("Exported 2 events (" + NDJSON.getBytes(StandardCharsets.UTF_8).length
                + " bytes).\n");
    }

    @Test
    void writesAFileWhole() throws IOException {
        Path file = directory.resolve("ledger.ndjson");
        Files.writeString(file, "an older export");

        int exit = run(bytes(NDJSON), "--out", file.toString());

        assertThat(exit).isEqualTo(ExitCode.OK);
        assertThat(Files.readString(file)).isEqualTo(NDJSON);
        assertThat(terminal.out()).isEmpty();
        assertThat(terminal.err()).startsWith("Exported 2 events").endsWith(" to " + file + ".\n");
        assertThat(directory.resolve("ledger.ndjson.part")).doesNotExist();
    }

    @Test
    void anExportThatBreaksOffLeavesNoFileThatCouldPassForWhole() {
        Path file = directory.resolve("ledger.ndjson");
        InputStream breaksOff = new SequenceInputStream(bytes(NDJSON), new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        });

        int exit = run(breaksOff, "--out", file.toString());

        assertThat(exit).isEqualTo(ExitCode.ATTENTION);
        assertThat(file).doesNotExist();
        assertThat(directory.resolve("ledger.ndjson.part")).doesNotExist();
        assertThat(terminal.err()).contains("broke off: connection reset").contains(file + " was not written");
    }
}
