package org.communityledger.query.rebuild;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Rebuilding the views from the start of the log, and watching it happen. */
@RestController
@RequestMapping(path = "/api/admin/projections", produces = MediaType.APPLICATION_JSON_VALUE)
class RebuildController {

    private final ProjectionRebuilder rebuilder;

    RebuildController(ProjectionRebuilder rebuilder) {
        this.rebuilder = rebuilder;
    }

    @PostMapping("/rebuild")
    ResponseEntity<?> rebuild() {
        if (!rebuilder.start()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                    "A rebuild is already running; follow it at /api/admin/projections/status.");
            problem.setType(URI.create("urn:community-ledger:problem:rebuild-running"));
            problem.setTitle("Rebuild already running");
            return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
        }
        return ResponseEntity.accepted().location(URI.create("/api/admin/projections/status"))
                .body(rebuilder.status());
    }

    @GetMapping("/status")
    RebuildStatus status() {
        return rebuilder.status();
    }
}
