package org.communityledger.command.transparency;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Optional;
import org.communityledger.proofs.note.NoteSigner;
import org.communityledger.proofs.note.NoteVerifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * The ledger's Ed25519 signing key, from configuration: it signs the transparency log's checkpoints and every
 * record the publisher sends. Without one the log still grows and proofs are still answered, but there are no
 * checkpoints and records go out unsigned: every instance of the command service must sign with the same key,
 * so none is ever made up here.
 */
@Component
public class SigningKey {

    private static final Logger log = LoggerFactory.getLogger(SigningKey.class);

    private final Optional<NoteSigner> signer;

    SigningKey(TransparencyProperties properties) {
        this.signer = load(properties);
        signer.ifPresentOrElse(
                key -> log.info("Checkpoints are signed by {}", key.verifier().encoded()),
                () -> log.warn("No signing key is configured (ledger.transparency.signing-key or signing-key-file): "
                        + "the transparency log grows, but no checkpoint is signed and records go out unsigned"));
    }

    private static Optional<NoteSigner> load(TransparencyProperties properties) {
        if (properties.signingKey() != null && !properties.signingKey().isBlank()) {
            return Optional.of(NoteSigner.parse(properties.signingKey().strip()));
        }
        if (properties.signingKeyFile() != null) {
            try {
                return Optional.of(NoteSigner.parse(Files.readString(properties.signingKeyFile()).strip()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the checkpoint signing key file "
                        + properties.signingKeyFile(), e);
            }
        }
        return Optional.empty();
    }

    boolean configured() {
        return signer.isPresent();
    }

    /** The key, when one is configured. */
    public Optional<NoteSigner> key() {
        return signer;
    }

    /** The signer, or a 503 problem when none is configured. */
    NoteSigner signer() {
        return signer.orElseThrow(NoSigningKey::new);
    }

    /** The public half, as the note verifier key auditors are given. */
    NoteVerifier verifier() {
        return signer().verifier();
    }

    /** Answered as 503: this deployment has no signing key. */
    static final class NoSigningKey extends ErrorResponseException {
        NoSigningKey() {
            super(HttpStatus.SERVICE_UNAVAILABLE);
            getBody().setTitle("No signing key");
            getBody().setDetail("this deployment has no checkpoint signing key configured "
                    + "(ledger.transparency.signing-key or signing-key-file)");
        }
    }
}
