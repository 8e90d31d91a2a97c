package org.communityledger.query.repair;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.communityledger.query.projection.Quarantine;
import org.communityledger.query.projection.QuarantineWatch;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The communities whose views wait for a missing or parked event, oldest first. */
@Tag(name = "Operations", description = "Repair and rebuild the views (ADMIN role)")
@RestController
@RequestMapping(path = "/api/admin/quarantine", produces = MediaType.APPLICATION_JSON_VALUE)
class QuarantineController {

    private final QuarantineWatch watch;

    QuarantineController(QuarantineWatch watch) {
        this.watch = watch;
    }

    record Quarantined(List<Quarantine> items) {
    }

    @Operation(summary = "Communities whose views are held back until a parked record is mended")
    @GetMapping
    Quarantined quarantined() {
        return new Quarantined(watch.current());
    }
}
