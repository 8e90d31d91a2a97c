package org.communityledger.query.community;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.communityledger.query.live.FreshnessGate;
import org.communityledger.query.web.PageOf;
import org.communityledger.query.web.UnknownResourceException;
import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Communities and their members, as projected from the event topic. */
@Tag(name = "Communities", description = "Views of communities and their members")
@RestController
@Validated
@RequestMapping(path = "/api/communities", produces = MediaType.APPLICATION_JSON_VALUE)
class CommunityQueryController {

    static final int MAX_PAGE_SIZE = 200;

    private final CommunityViews views;
    private final FreshnessGate freshness;

    CommunityQueryController(CommunityViews views, FreshnessGate freshness) {
        this.views = views;
        this.freshness = freshness;
    }

    @Operation(summary = "List communities, a page at a time; q finds them by part of the name or id")
    @GetMapping
    PageOf<CommunityView> communities(
            @RequestParam(required = false) @Size(min = 1, max = 100) @Pattern(regexp = "\\P{Cntrl}*",
                    message = "must not contain control characters") String q,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(MAX_PAGE_SIZE) int size,
            @RequestParam(required = false) @Min(0) Long minPosition, Principal principal) {
        freshness.awaitApplied(minPosition, principal.getName());
        long position = freshness.latestPosition();
        return new PageOf<>(views.communities(q, page, size), page, size, views.communityCount(q), position);
    }

    @Operation(summary = "One community: status, member count, chair unit, plaques, agreements")
    @GetMapping("/{communityId}")
    CommunityView community(@PathVariable String communityId,
                            @RequestParam(required = false) @Min(0) Long minPosition, Principal principal) {
        freshness.awaitApplied(minPosition, principal.getName());
        return views.community(communityId).orElseThrow(() -> unknown(communityId));
    }

    @Operation(summary = "A community's members, a page at a time")
    @GetMapping("/{communityId}/members")
    PageOf<MemberView> members(
            @PathVariable String communityId,
            @RequestParam(required = false) @Pattern(regexp = "CN-[A-Z]{2}") String province,
            @RequestParam(required = false) @Pattern(regexp = "[A-Z_]{1,32}") String kind,
            @RequestParam(required = false) @Pattern(regexp = "[A-Z_]{1,32}") String role,
            // No control characters: PostgreSQL cannot compare text with a NUL in it.
            @RequestParam(required = false) @Size(min = 1, max = 100) @Pattern(regexp = "\\P{Cntrl}*",
                    message = "must not contain control characters") String q,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(MAX_PAGE_SIZE) int size,
            @RequestParam(required = false) @Min(0) Long minPosition, Principal principal) {
        freshness.awaitApplied(minPosition, principal.getName());
        long position = freshness.latestPosition();
        if (!views.exists(communityId)) {
            throw unknown(communityId);
        }
        MemberFilter filter = new MemberFilter(province, kind, role, q);
        return new PageOf<>(views.members(communityId, filter, page, size), page, size,
                views.memberCount(communityId, filter), position);
    }

    private static UnknownResourceException unknown(String communityId) {
        return new UnknownResourceException("There is no community " + communityId + " in the views (yet).");
    }
}
