package org.communityledger.query.organization;

import org.communityledger.query.web.UnknownResourceException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** An organisation's memberships, roles, plaques and agreements in all communities. */
@RestController
@RequestMapping(path = "/api/organizations", produces = MediaType.APPLICATION_JSON_VALUE)
class OrganizationQueryController {

    private final OrganizationViews views;

    OrganizationQueryController(OrganizationViews views) {
        this.views = views;
    }

    @GetMapping("/{organizationId}")
    OrganizationView organization(@PathVariable String organizationId) {
        return views.organization(organizationId).orElseThrow(() -> new UnknownResourceException(
                "Organisation " + organizationId + " is not a member of any community in the views (yet)."));
    }
}
