package org.communityledger.query.live;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The newest changes the views applied, so that a page shows what happened lately before the stream brings
 * what happens next (it resumes after the newest one's position with {@code Last-Event-ID}).
 */
@Tag(name = "Live changes", description = "Server-sent events of every change the views apply")
@RestController
@Validated
class RecentChangesController {

    static final int MAX_LIMIT = 200;

    private final ChangeLog changeLog;

    RecentChangesController(ChangeLog changeLog) {
        this.changeLog = changeLog;
    }

    @Operation(summary = "The newest changes the views applied, newest first")
    @GetMapping(path = "/api/changes", produces = MediaType.APPLICATION_JSON_VALUE)
    List<RecentChange> recent(@RequestParam(defaultValue = "50") @Min(1) @Max(MAX_LIMIT) int limit) {
        return changeLog.newest(limit).stream().map(RecentChange::of).toList();
    }
}
