package org.communityledger.launcher.operator.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.communityledger.client.CommandServiceClient;
import org.communityledger.client.QueryServiceClient;
import org.communityledger.launcher.operator.CapturedTerminal;
import org.communityledger.launcher.operator.CommandLine;
import org.communityledger.launcher.operator.ExitCode;
import org.communityledger.launcher.operator.TestServices;
import org.communityledger.launcher.operator.UsageException;
import org.communityledger.proofs.chain.ChainHash;
import org.communityledger.proofs.chain.ChainedEvent;
import org.communityledger.proofs.chain.HashVersion;
import org.communityledger.proofs.note.Checkpoint;
import org.communityledger.proofs.note.NoteSigner;
import org.communityledger.proofs.tree.MerkleHashes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportVerificationTest {

    private static final NoteSigner LOG_KEY = NoteSigner.generate("community-ledger.test");

    @TempDir
    Path directory;

    private final CapturedTerminal terminal = CapturedTerminal.plain();
    private final List<String> lines = new ArrayList<>();
    private final List<byte[]> leaves = new ArrayList<>();

    /** Three events of two communities, sealed under v2 as the command service seals them. */
    @BeforeEach
    void sealThreeEvents() {
        Map<String, String> heads = new HashMap<>();
        String[][] events = {{"community-a", "1"}, {"community-b", "1"}, {"community-a", "2"}};
        for (int i = 0; i < events.length; i++) {
            String community = events[i][0];
            long version = Long.parseLong(events[i][1]);
            long position = i + 1;
            String payload = "{\"memberId\":\"m-" + position + "\"}";
            String prevHash = heads.getOrDefault(community, ChainHash.GENESIS);
            String timestamp = "2025-10-19T02:30:0" + position + ".123Z";
            String hash = ChainHash.v2(new ChainedEvent(HashVersion.V2, "event-" + position, community, version,
                    position, "MemberJoined", "1", timestamp, "alice", "correlation-" + position, null, prevHash,
                    payload.getBytes(StandardCharsets.UTF_8)));
            heads.put(community, hash);
            leaves.add(HexFormat.of().parseHex(hash));
            lines.add("{\"position\":" + position + ",\"communityId\":\"" + community + "\",\"version\":" + version
                    + ",\"eventId\":\"event-" + position + "\",\"name\":\"MemberJoined\",\"revision\":1,"
                    + "\"timestamp\":\"" + timestamp + "\",\"metadata\":{\"principal\":\"alice\",\"correlationId\":"
                    + "\"correlation-" + position + "\",\"prevHash\":\"" + prevHash + "\",\"hash\":\"" + hash
                    + "\",\"hashVersion\":\"ledger-chain-v2\"},\"payload\":" + payload + "}");
        }
    }

    private String file(String name, String content) throws IOException {
        return Files.writeString(directory.resolve(name), content, StandardCharsets.UTF_8).toString();
    }

    private String export() throws IOException {
        return file("ledger.ndjson", String.join("\n", lines) + "\n");
    }

    private String checkpoint(int size) throws IOException {
        return file("checkpoint-" + size, new Checkpoint(LOG_KEY.name(), size,
                MerkleHashes.root(leaves.subList(0, size))).sign(LOG_KEY).format());
    }

    /** Runs {@code ./ledger verify} with services that fail at any use: the offline check must not use them. */
    private int verify(String... arguments) {
        VerifyCommand verify = new VerifyCommand();
        QueryServiceClient noQuery = new QueryServiceClient(null, null, null, null, null, null, null, null, null,
                null);
        CommandServiceClient noCommand = new CommandServiceClient(null, null, null, null, null, null, null);
        return verify.run(CommandLine.parse(List.of(arguments), verify.syntax()), TestServices.of(noQuery, noCommand),
                terminal.terminal());
    }

    @Test
    void aValidExportAndCheckpointExitZeroAndSayWhatHeld() throws IOException {
        String export = export();

        int exit = verify("--export", export, "--checkpoint", checkpoint(3), "--key", LOG_KEY.verifier().encoded(),
                "--previous-checkpoint", checkpoint(2));

        assertThat(exit).isEqualTo(ExitCode.OK);
        String keyName = String.format("community-ledger.test+%08x", LOG_KEY.keyId());
        assertThat(terminal.out()).isEqualTo("Verifying " + export + " offline: no service is asked.\n"
                + "OK      export: 3 events in 2 communities; every hash recomputed, every link and position followed\n"
                + "        tree: 3 leaves, root " + Base64.getEncoder().encodeToString(MerkleHashes.root(leaves)) + "\n"
                + "OK      checkpoint: community-ledger.test size 3, signed by " + keyName
                + "; its root is that of the export's first 3 events\n"
                + "OK      previous checkpoint: size 2, signed by " + keyName + "; the export extends it\n"
                + "Valid: every check held.\n");
    }

    @Test
    void theKeyMayBeAFileHoldingIt() throws IOException {
        String key = file("ledger.vkey", LOG_KEY.verifier().encoded() + "\n");

        assertThat(verify("--export", export(), "--checkpoint", checkpoint(3), "--key", key)).isEqualTo(ExitCode.OK);
    }

    @Test
    void anEditedEventExitsOneNamingItsLine() throws IOException {
        lines.set(2, lines.get(2).replace("\"principal\":\"alice\"", "\"principal\":\"mallory\""));

        int exit = verify("--export", export());

        assertThat(exit).isEqualTo(ExitCode.ATTENTION);
        assertThat(terminal.out())
                .contains("FAILED  export: 3 events in 2 communities; problems below\n")
                .contains("PROBLEM line 3 (position 3, community community-a, version 2): HASH_MISMATCH: its content"
                        + " gives the ledger-chain-v2 hash ")
                .endsWith("1 problem: the export does not verify.\n");
    }

    @Test
    void aTruncatedExportPassesAloneWithAWarningButFailsAgainstTheCheckpoint() throws IOException {
        String checkpoint = checkpoint(3);
        lines.remove(2);
        String export = export();

        assertThat(verify("--export", export)).isEqualTo(ExitCode.OK);
        assertThat(terminal.out()).contains("Note: without a checkpoint, an export cut at a line boundary verifies as"
                + " a shorter log");
        assertThat(verify("--export", export, "--checkpoint", checkpoint, "--key", LOG_KEY.verifier().encoded()))
                .isEqualTo(ExitCode.ATTENTION);
        assertThat(terminal.out()).contains("PROBLEM checkpoint: CHECKPOINT_BEYOND_EXPORT: it counts 3 events, the"
                + " export holds 2: the export is truncated, or events were removed\n");
    }

    @Test
    void aCheckpointSignedByAnotherKeyExitsOne() throws IOException {
        NoteSigner other = NoteSigner.generate("community-ledger.test");

        int exit = verify("--export", export(), "--checkpoint", checkpoint(3), "--key", other.verifier().encoded());

        assertThat(exit).isEqualTo(ExitCode.ATTENTION);
        assertThat(terminal.out()).contains("PROBLEM checkpoint: CHECKPOINT_NOT_SIGNED_BY_KEY: it has no signature by "
                + String.format("community-ledger.test+%08x", other.keyId()));
    }

    @Test
    void aCheckpointWithoutTheKeyIsAUsageError() throws IOException {
        String export = export();
        String checkpoint = checkpoint(3);

        assertThatThrownBy(() -> verify("--export", export, "--checkpoint", checkpoint))
                .isInstanceOf(UsageException.class).hasMessageContaining("add --key VKEY");
        assertThatThrownBy(() -> verify("--export", export, "--previous-checkpoint", checkpoint))
                .isInstanceOf(UsageException.class).hasMessageContaining("add --key VKEY");
        assertThatThrownBy(() -> verify("--export", export, "--key", LOG_KEY.verifier().encoded()))
                .isInstanceOf(UsageException.class).hasMessage("--key checks a checkpoint: add --checkpoint FILE");
    }

    @Test
    void aMissingFileOrAKeyThatIsNoneIsAUsageError() throws IOException {
        String export = export();
        String checkpoint = checkpoint(3);

        assertThatThrownBy(() -> verify("--export", directory.resolve("absent.ndjson").toString()))
                .isInstanceOf(UsageException.class).hasMessageStartingWith("--export: no such file: ");
        String key = LOG_KEY.verifier().encoded();
        assertThatThrownBy(() -> verify("--export", export, "--checkpoint", "absent", "--key", key))
                .isInstanceOf(UsageException.class).hasMessage("--checkpoint: no such file: absent");
        assertThatThrownBy(() -> verify("--export", export, "--checkpoint", checkpoint, "--key", "ledger.vkey"))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith("--key is neither a verifier key <name>+<hex id>+<base64 key> nor a file");
    }

    @Test
    void checkpointOptionsWithoutAnExportOrIdsWithOneAreUsageErrors() throws IOException {
        String export = export();

        assertThatThrownBy(() -> verify("--checkpoint", "checkpoint-3", "--key", LOG_KEY.verifier().encoded()))
                .isInstanceOf(UsageException.class).hasMessage("--checkpoint goes with --export FILE");
        assertThatThrownBy(() -> verify("--export", export, "community-a"))
                .isInstanceOf(UsageException.class)
                .hasMessage("--export checks the whole export, not the communities named: community-a");
    }
}
