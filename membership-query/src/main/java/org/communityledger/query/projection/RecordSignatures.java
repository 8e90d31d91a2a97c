package org.communityledger.query.projection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Optional;
import org.communityledger.events.wire.EventHeaders;
import org.communityledger.events.wire.RecordSignature;
import org.communityledger.events.wire.WireFormat;
import org.communityledger.proofs.note.NoteVerifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Checks that a record was signed by the ledger's key. Anyone who reaches Kafka can produce a record with a
 * plausible version and recompute an unkeyed hash; only the publisher holds the private key. Without a verifier
 * key configured every record is believed, which start-up logs as a warning.
 */
@Component
class RecordSignatures {

    private static final Logger log = LoggerFactory.getLogger(RecordSignatures.class);

    private final Optional<NoteVerifier> verifier;

    RecordSignatures(RecordSignatureProperties properties) {
        this.verifier = load(properties);
        verifier.ifPresentOrElse(key -> log.info("Only records signed by {} are applied", key.encoded()),
                () -> log.warn("No verifier key is configured (ledger.events.verifier-key or verifier-key-file): "
                        + "records are applied without checking who published them"));
    }

    private static Optional<NoteVerifier> load(RecordSignatureProperties properties) {
        if (properties.verifierKey() != null && !properties.verifierKey().isBlank()) {
            return Optional.of(NoteVerifier.parse(properties.verifierKey().strip()));
        }
        if (properties.verifierKeyFile() != null) {
            try {
                return Optional.of(NoteVerifier.parse(Files.readString(properties.verifierKeyFile()).strip()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the verifier key file " + properties.verifierKeyFile(), e);
            }
        }
        return Optional.empty();
    }

    /** @throws ForgedRecordException when a key is configured and the record is not signed by it */
    void check(WireFormat.WireRecord record) {
        if (verifier.isEmpty()) {
            return;
        }
        NoteVerifier key = verifier.get();
        String header = record.headers().get(EventHeaders.SIGNATURE);
        if (header == null) {
            throw new ForgedRecordException("forged: the record carries no signature");
        }
        RecordSignature.Signed signed;
        try {
            signed = RecordSignature.readHeader(header);
        } catch (IllegalArgumentException e) {
            throw new ForgedRecordException("forged: the signature header is malformed (" + e.getMessage() + ")");
        }
        if (signed.keyId() != key.keyId()) {
            throw new ForgedRecordException("forged: the record is not signed by " + key.name() + "+"
                    + String.format("%08x", key.keyId()));
        }
        if (!key.verify(RecordSignature.signedBytes(record.key(), record.value(), record.headers()),
                signed.signature())) {
            throw new ForgedRecordException("forged: the signature does not match the record");
        }
    }
}
