package org.communityledger.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.communityledger.proofs.note.NoteSigner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointKeyTest {

    @TempDir
    Path dataDir;

    @Test
    void the_key_is_made_once_readable_by_its_owner_only_and_kept_across_starts() throws Exception {
        Path file = CheckpointKey.ensure(dataDir);
        String first = Files.readString(file).strip();
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(NoteSigner.parse(first).name()).isEqualTo(CheckpointKey.NAME);

        assertThat(CheckpointKey.ensure(dataDir)).isEqualTo(file);
        assertThat(Files.readString(file).strip()).isEqualTo(first);
    }
}
