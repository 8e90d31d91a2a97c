package org.communityledger.query.rebuild;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.security.Principal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Rebuilding the views from the start of the log, and watching it happen. */
@Tag(name = "Operations")
@RestController
@RequestMapping(path = "/api/admin/projections", produces = MediaType.APPLICATION_JSON_VALUE)
class RebuildController {

    private static final Logger log = LoggerFactory.getLogger(RebuildController.class);

    private final ProjectionRebuilder rebuilder;

    RebuildController(ProjectionRebuilder rebuilder) {
        this.rebuilder = rebuilder;
    }

    /**
     * A rebuild is asked for with a JSON object, {@code {}} at least. A web page can make a browser post a form
     * (or text/plain) to any address, with the HTTP Basic credentials the browser remembers for it; JSON cannot be
     * posted across origins without a CORS preflight, which this service refuses unless configured otherwise.
     *
     * @param reason why, for the log beside who asked; optional
     */
    record RebuildRequest(@Size(max = 500) String reason) {
    }

    @Operation(summary = "Rebuild the views from the topic's first offset, then switch readers over")
    @PostMapping(path = "/rebuild", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> rebuild(@Valid @RequestBody RebuildRequest request, Principal principal) {
        if (!rebuilder.start()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                    "A rebuild is already running; follow it at /api/admin/projections/status.");
            problem.setType(URI.create("urn:community-ledger:problem:rebuild-running"));
            problem.setTitle("Rebuild already running");
            return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
        }
        // Control characters out: a reason must not be able to forge lines of a plain-text log.
        log.info("Projection rebuild started by {}{}", principal.getName(),
                request.reason() == null ? "" : ": " + request.reason().replaceAll("\\p{Cntrl}", " "));
        return ResponseEntity.accepted().location(URI.create("/api/admin/projections/status"))
                .body(rebuilder.status());
    }

    @Operation(summary = "The rebuild's state and progress", operationId = "rebuildStatus")
    @GetMapping("/status")
    RebuildStatus status() {
        return rebuilder.status();
    }
}
