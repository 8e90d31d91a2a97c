package org.communityledger.query.projection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Base64;
import java.util.Optional;
import org.communityledger.events.wire.EventHeaders;
import org.communityledger.events.wire.RecordSignature;
import org.communityledger.events.wire.WireFormat;
import org.communityledger.proofs.batch.BatchSignature;
import org.communityledger.proofs.batch.BatchVerifier;
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

    /**
     * Verified batch roots remembered: a publisher batch is at most a few hundred records, and the records of a
     * batch arrive close together on each partition, so a few thousand roots cover every batch in flight.
     */
    private static final int REMEMBERED_BATCHES = 4096;

    private final Optional<NoteVerifier> verifier;
    private final BatchVerifier batches;

    RecordSignatures(RecordSignatureProperties properties) {
        this.verifier = load(properties);
        this.batches = verifier.map(key -> new BatchVerifier(key, REMEMBERED_BATCHES)).orElse(null);
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

    /**
     * Accepts a record signed by the ledger's key, either with its batch's signature and its inclusion path
     * ({@link EventHeaders#BATCH_SIGNATURE}, what the publisher sends) or with a signature of its own
     * ({@link EventHeaders#SIGNATURE}, what it sent before batch signing, still on the topic for rebuilds).
     *
     * @throws ForgedRecordException when a key is configured and the record is not signed by it
     */
    void check(WireFormat.WireRecord record) {
        if (verifier.isEmpty()) {
            return;
        }
        String batchHeader = record.headers().get(EventHeaders.BATCH_SIGNATURE);
        if (batchHeader != null) {
            checkBatchSignature(record, batchHeader);
            return;
        }
        String header = record.headers().get(EventHeaders.SIGNATURE);
        if (header == null) {
            throw new ForgedRecordException("forged: the record carries no signature");
        }
        checkRecordSignature(record, header, verifier.get());
    }

    private void checkBatchSignature(WireFormat.WireRecord record, String header) {
        BatchSignature signature;
        try {
            signature = BatchSignature.decode(Base64.getDecoder().decode(header));
        } catch (IllegalArgumentException e) {
            throw new ForgedRecordException("forged: the batch signature header is malformed (" + e.getMessage() + ")");
        }
        batches.refusal(RecordSignature.signedBytes(record.key(), record.value(), record.headers()), signature)
                .ifPresent(reason -> {
                    throw new ForgedRecordException("forged: " + reason);
                });
    }

    private static void checkRecordSignature(WireFormat.WireRecord record, String header, NoteVerifier key) {
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
