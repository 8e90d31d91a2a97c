package org.communityledger.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.communityledger.proofs.note.NoteSigner;

/**
 * The local system's signing key (checkpoints, and every record the publisher sends): made once under the data
 * directory, readable by its owner only, and kept across restarts so that checkpoints signed yesterday still
 * verify with today's verifier key.
 */
public final class CheckpointKey {

    /** The key's name, which is also the transparency log's origin line in every checkpoint. */
    static final String NAME = "localhost/community-ledger";

    private CheckpointKey() {
    }

    /** The key under this data directory (made now if there is none). */
    public static NoteSigner load(Path dataDir) {
        try {
            return NoteSigner.parse(Files.readString(ensure(dataDir), StandardCharsets.US_ASCII).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the checkpoint signing key under " + dataDir, e);
        }
    }

    /** Its public half, the note verifier key the query service checks records with. */
    public static String verifierKey(Path dataDir) {
        return load(dataDir).verifier().encoded();
    }

    /** The key file under this data directory, made now if there is none. */
    public static Path ensure(Path dataDir) {
        Path file = dataDir.resolve("keys").resolve("checkpoint-signing.key");
        if (Files.exists(file)) {
            return file;
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, NoteSigner.generate(NAME).encoded() + "\n", StandardCharsets.US_ASCII,
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the data directory's own permissions are what protect it.
            }
        } catch (FileAlreadyExistsException raced) {
            // Another launcher made it first: theirs is the key.
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the checkpoint signing key " + file, e);
        }
        return file;
    }
}
