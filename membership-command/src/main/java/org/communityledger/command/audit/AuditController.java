package org.communityledger.command.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import org.communityledger.events.value.CommunityId;
import org.communityledger.platform.problem.InvalidFieldException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The auditors' API: read-only history, time travel, and the checks of the tamper-evident ledger. */
@Tag(name = "Audit", description = "Read and check the stored history (AUDITOR role)")
@RestController
@Validated
@RequestMapping(path = "/api/audit", produces = MediaType.APPLICATION_JSON_VALUE)
class AuditController {

    static final int MAX_LIMIT = 1000;
    /** On a whole export: the transparency log's size when it began, the number of its lines that are leaves. */
    static final String TREE_SIZE_HEADER = "Ledger-Tree-Size";

    private final StoredEvents storedEvents;
    private final ChainVerifier verifier;
    private final Digests digests;
    private final TimeTravel timeTravel;
    private final NdjsonExport export;
    private final AuditProperties properties;

    AuditController(StoredEvents storedEvents, ChainVerifier verifier, Digests digests, TimeTravel timeTravel,
                    NdjsonExport export, AuditProperties properties) {
        this.properties = properties;
        this.storedEvents = storedEvents;
        this.verifier = verifier;
        this.digests = digests;
        this.timeTravel = timeTravel;
        this.export = export;
    }

    /** A community's events in version order; {@code afterVersion} pages through them. */
    @Operation(summary = "A community's stored events in version order, with their seals", operationId = "communityEvents")
    @GetMapping("/communities/{communityId}/events")
    AuditPage communityEvents(@PathVariable CommunityId communityId,
                              @RequestParam(defaultValue = "0") @Min(0) long afterVersion,
                              @RequestParam(defaultValue = "100") @Min(1) @Max(MAX_LIMIT) int limit) {
        String id = known(communityId);
        List<AuditEvent> items = storedEvents.ofCommunity(id, afterVersion, limit).stream().map(AuditEvent::of).toList();
        Long next = items.size() < limit ? null : items.get(items.size() - 1).version();
        return new AuditPage(items, next, storedEvents.countOfCommunity(id));
    }

    /**
     * Every event in position order after a position: follow the whole ledger without gaps or repeats. The
     * newest few seconds are held back while a hole below them may still be filled by a committing command.
     */
    @Operation(summary = "Every stored event in position order, after a position", operationId = "events")
    @GetMapping("/events")
    AuditPage feed(@RequestParam(defaultValue = "0") @Min(0) long after,
                   @RequestParam(defaultValue = "100") @Min(1) @Max(MAX_LIMIT) int limit) {
        long safe = storedEvents.safePosition(properties.settle());
        List<AuditEvent> items = storedEvents.after(after, safe, limit).stream().map(AuditEvent::of).toList();
        Long next = items.isEmpty() ? null : items.get(items.size() - 1).position();
        return new AuditPage(items, next, storedEvents.countUpTo(Long.MAX_VALUE));
    }

    /** The community as it was at a version, or at an instant (ISO-8601). */
    @Operation(summary = "A community's state at a version or an instant, replayed from its events", operationId = "communityState")
    @GetMapping("/communities/{communityId}/state")
    HistoricalState state(@PathVariable CommunityId communityId,
                          @RequestParam(required = false) @Min(1) Long version,
                          @RequestParam(required = false) String asOf) {
        String id = known(communityId);
        if ((version == null) == (asOf == null)) {
            throw new InvalidFieldException(version == null ? "asOf" : "version",
                    "give exactly one of version or asOf");
        }
        return (version != null ? timeTravel.atVersion(id, version) : timeTravel.asOf(id, instant(asOf)))
                .orElseThrow(() -> new AuditNotFoundException("Community " + id + " did not exist yet at "
                        + (version != null ? "version " + version : asOf) + "."));
    }

    @Operation(summary = "Recompute a community's hash chain and name the first event that does not fit", operationId = "verifyCommunity")
    @GetMapping("/communities/{communityId}/verify")
    ChainVerifier.Verification verify(@PathVariable CommunityId communityId) {
        return verifier.verify(known(communityId), Long.MAX_VALUE);
    }

    @Operation(summary = "A digest of every community's chain head at a position", operationId = "digest")
    @GetMapping("/digest")
    Digest digest() {
        return digests.current();
    }

    @Operation(summary = "Check a kept digest against the log", operationId = "verifyDigest")
    @PostMapping(path = "/digest/verify", consumes = MediaType.APPLICATION_JSON_VALUE)
    Digests.DigestVerification verifyDigest(@RequestBody Digest earlier) {
        if (earlier.merkleRoot() == null || !earlier.merkleRoot().matches("[0-9a-f]{64}")) {
            throw new InvalidFieldException("merkleRoot", "must be the 64 hexadecimal characters of a digest");
        }
        return digests.verify(earlier);
    }

    /** The log as NDJSON, streamed: all of it, one community's, or a range of positions. */
    @Operation(summary = "The log as NDJSON, one stored event per line, for the offline verifier", operationId = "export")
    @GetMapping(path = "/export", produces = "application/x-ndjson")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) CommunityId communityId,
                                                 @RequestParam(defaultValue = "0") @Min(0) long after,
                                                 @RequestParam(required = false) @Min(0) Long upTo) {
        String id = communityId == null ? null : communityId.value();
        long last = upTo == null ? Long.MAX_VALUE : upTo;
        StreamingResponseBody body = out -> export.write(id, after, last, out);
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
        if (id == null && after == 0) {
            // Settled events come first in position order, so a whole export begins with the transparency log's
            // leaves, in order: its first Ledger-Tree-Size lines are the tree (and any checkpoint up to it).
            answer.header(TREE_SIZE_HEADER, Long.toString(storedEvents.sealedLog().treeSize()));
        }
        return answer
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"ledger.ndjson\"")
                .contentType(MediaType.parseMediaType("application/x-ndjson"))
                .body(body);
    }

    private String known(CommunityId communityId) {
        String id = communityId.value();
        if (storedEvents.countOfCommunity(id) == 0) {
            throw new AuditNotFoundException("There is no community " + id + ".");
        }
        return id;
    }

    private static Instant instant(String asOf) {
        try {
            return Instant.parse(asOf);
        } catch (RuntimeException e) {
            throw new InvalidFieldException("asOf", "must be an ISO-8601 instant such as 2025-10-19T08:00:00Z");
        }
    }
}
