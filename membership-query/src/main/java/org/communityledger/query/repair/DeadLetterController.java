package org.communityledger.query.repair;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.util.List;
import org.communityledger.query.projection.DeadLetter;
import org.communityledger.query.projection.DeadLetterReplay;
import org.communityledger.query.projection.DeadLetterStore;
import org.communityledger.query.projection.UnknownDeadLetterException;
import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The records the projection parked: listed, replayed once their cause is fixed, or discarded with a reason. */
@Tag(name = "Operations")
@RestController
@Validated
@RequestMapping(path = "/api/admin/dead-letters", produces = MediaType.APPLICATION_JSON_VALUE)
class DeadLetterController {

    private final DeadLetterStore deadLetters;
    private final DeadLetterReplay replay;

    DeadLetterController(DeadLetterStore deadLetters, DeadLetterReplay replay) {
        this.deadLetters = deadLetters;
        this.replay = replay;
    }

    /** Newest first. */
    record DeadLetters(List<DeadLetter> items) {
    }

    /** Which parked records to replay: those of one community, or all when none is named. */
    record ReplayRequest(@Size(max = 64) String communityId) {
    }

    record DiscardRequest(@NotBlank @Size(max = 1000) String reason) {
    }

    @Operation(summary = "Parked records, newest first")
    @GetMapping
    DeadLetters list(@RequestParam(required = false) @Pattern(regexp = "PARKED|REPLAYED|DISCARDED") String status,
                     @RequestParam(required = false) @Size(max = 64) String communityId,
                     @RequestParam(defaultValue = "200") @Min(1) @Max(1000) int limit) {
        return new DeadLetters(deadLetters.list(status, communityId, limit));
    }

    @Operation(summary = "One parked record with its reason")
    @GetMapping("/{id}")
    DeadLetter deadLetter(@PathVariable @Min(1) long id) {
        return replay.find(id).orElseThrow(() -> new UnknownDeadLetterException(id));
    }

    @Operation(summary = "Apply one parked record again", operationId = "replayDeadLetter")
    @PostMapping("/{id}/replay")
    DeadLetterReplay.Replayed replay(@PathVariable @Min(1) long id, Principal principal) {
        return replay.replay(id, principal.getName());
    }

    @Operation(summary = "Apply every parked record of a community again, in order", operationId = "replayDeadLetters")
    @PostMapping(path = "/replay", consumes = MediaType.APPLICATION_JSON_VALUE)
    DeadLetterReplay.Replays replayAll(@Valid @RequestBody ReplayRequest request, Principal principal) {
        return replay.replayAll(request.communityId(), principal.getName());
    }

    @Operation(summary = "Discard a parked record, with a reason", operationId = "discardDeadLetter")
    @PostMapping(path = "/{id}/discard", consumes = MediaType.APPLICATION_JSON_VALUE)
    DeadLetter discard(@PathVariable @Min(1) long id, @Valid @RequestBody DiscardRequest request,
                       Principal principal) {
        return replay.discard(id, request.reason(), principal.getName());
    }
}
