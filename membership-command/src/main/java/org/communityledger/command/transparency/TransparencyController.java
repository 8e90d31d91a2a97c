package org.communityledger.command.transparency;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Min;
import org.communityledger.command.transparency.TransparencyLog.ConsistencyProof;
import org.communityledger.command.transparency.TransparencyLog.InclusionProof;
import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The transparency log for auditors, in the standard formats: C2SP signed-note checkpoints with an Ed25519
 * note verifier key, and RFC 9162 inclusion and consistency proofs with base64 hashes.
 */
@Tag(name = "Transparency log", description = "RFC 9162 proofs and C2SP checkpoints over the whole event log (AUDITOR role)")
@RestController
@Validated
@RequestMapping("/api/audit")
class TransparencyController {

    private final TransparencyLog transparencyLog;
    private final SigningKey signer;
    private final CheckpointCheck check;

    TransparencyController(TransparencyLog transparencyLog, SigningKey signer, CheckpointCheck check) {
        this.transparencyLog = transparencyLog;
        this.signer = signer;
        this.check = check;
    }

    /** The signed checkpoint of the tree as it is now. */
    @Operation(summary = "The signed checkpoint of the current tree (C2SP tlog-checkpoint)", operationId = "checkpoint")
    @GetMapping(path = "/checkpoint", produces = MediaType.TEXT_PLAIN_VALUE)
    String checkpoint() {
        return transparencyLog.checkpoint().note();
    }

    /** The note verifier key that checks checkpoints: {@code <name>+<hex key id>+<base64(0x01 ‖ key)>}. */
    @Operation(summary = "The checkpoint signer's note verifier key", operationId = "verifierKey")
    @GetMapping(path = "/verifier-key", produces = MediaType.TEXT_PLAIN_VALUE)
    String verifierKey() {
        return signer.verifier().encoded() + "\n";
    }

    /** That the event at a position is leaf {@code leafIndex} of the tree of {@code treeSize} leaves. */
    @Operation(summary = "Prove that an event is a leaf of a tree of a given size (RFC 9162)", operationId = "inclusionProof")
    @GetMapping(path = "/proofs/inclusion", produces = MediaType.APPLICATION_JSON_VALUE)
    InclusionProof inclusion(@RequestParam @Min(1) long position, @RequestParam(required = false) @Min(1) Long treeSize) {
        return transparencyLog.inclusion(position, treeSize);
    }

    /** That the tree of {@code to} leaves extends the tree of {@code from} leaves. */
    @Operation(summary = "Prove that a larger tree extends a smaller one (RFC 9162)", operationId = "consistencyProof")
    @GetMapping(path = "/proofs/consistency", produces = MediaType.APPLICATION_JSON_VALUE)
    ConsistencyProof consistency(@RequestParam @Min(1) long from, @RequestParam(required = false) @Min(1) Long to) {
        return transparencyLog.consistency(from, to);
    }

    /**
     * Checks a checkpoint an auditor kept against the log as it is now, recomputed from the stored events: its
     * signature, and that the first {@code size} events, hashed again from their content, give its root.
     */
    @Operation(summary = "Check a kept checkpoint against the log, hashed again from its content", operationId = "verifyCheckpoint")
    @PostMapping(path = "/checkpoint/verify", consumes = MediaType.TEXT_PLAIN_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    CheckpointCheck.Result verify(@RequestBody String keptCheckpoint) {
        return check.check(keptCheckpoint);
    }
}
