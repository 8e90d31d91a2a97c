package org.communityledger.query.organization;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import jakarta.validation.constraints.Min;
import org.communityledger.query.live.FreshnessGate;
import org.communityledger.query.web.UnknownResourceException;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** An organisation's memberships, roles, plaques and agreements in all communities. */
@Tag(name = "Organisations", description = "An organisation across communities")
@RestController
@Validated
@RequestMapping(path = "/api/organizations", produces = MediaType.APPLICATION_JSON_VALUE)
class OrganizationQueryController {

    private final OrganizationViews views;
    private final FreshnessGate freshness;

    OrganizationQueryController(OrganizationViews views, FreshnessGate freshness) {
        this.views = views;
        this.freshness = freshness;
    }

    @Operation(summary = "An organisation and its memberships in every community")
    @GetMapping("/{organizationId}")
    OrganizationView organization(@PathVariable String organizationId,
                                  @RequestParam(required = false) @Min(0) Long minPosition,
                                  Principal principal) {
        freshness.awaitApplied(minPosition, principal.getName());
        return views.organization(organizationId, freshness.latestPosition()).orElseThrow(() -> new UnknownResourceException(
                "Organisation " + organizationId + " is not a member of any community in the views (yet)."));
    }
}
