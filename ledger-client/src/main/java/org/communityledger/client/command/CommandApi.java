package org.communityledger.client.command;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.DeleteExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * The commands of the command service; for the role ADMIN. Each answers the community's new version and the
 * global position of its last event, or throws a {@link org.communityledger.client.LedgerProblemException}: 400
 * for a refused field, 404 for an unknown community, member, plaque or agreement, 409 for a rule of the
 * community, 412 when {@link CommandOptions#expectedVersion()} is stale.
 *
 * <p>{@link CommandOptions} carries the optional headers: {@code Idempotency-Key} (a retry answers the first
 * result and records nothing new), {@code If-Match} and {@code X-Correlation-Id}.
 */
@HttpExchange(url = "/api/communities", accept = {"application/json", "application/problem+json"},
        contentType = "application/json")
public interface CommandApi {

    /** Establishes a community (201); the answer carries its new id. */
    @PostExchange
    CommandResult establish(@RequestBody EstablishCommunity body, CommandOptions options);

    @PostExchange("/{communityId}/constitution")
    CommandResult approveConstitution(@PathVariable("communityId") String communityId,
                                      @RequestBody ApproveConstitution body, CommandOptions options);

    @PostExchange("/{communityId}/organizational-list")
    CommandResult approveOrganizationalList(@PathVariable("communityId") String communityId,
                                            @RequestBody ApproveOrganizationalList body, CommandOptions options);

    @PostExchange("/{communityId}/members")
    CommandResult join(@PathVariable("communityId") String communityId, @RequestBody JoinMember body,
                       CommandOptions options);

    /** The member leaves, and with it every role it held. */
    @PostExchange("/{communityId}/members/{organizationId}/leave")
    CommandResult leave(@PathVariable("communityId") String communityId,
                        @PathVariable("organizationId") String organizationId, @RequestBody LeaveCommunity body,
                        CommandOptions options);

    @PostExchange("/{communityId}/members/{organizationId}/roles")
    CommandResult assignRole(@PathVariable("communityId") String communityId,
                             @PathVariable("organizationId") String organizationId, @RequestBody AssignRole body,
                             CommandOptions options);

    @DeleteExchange("/{communityId}/members/{organizationId}/roles/{role}")
    CommandResult revokeRole(@PathVariable("communityId") String communityId,
                             @PathVariable("organizationId") String organizationId,
                             @PathVariable("role") String role, CommandOptions options);

    /** Awards a plaque; the answer carries its new {@code plaqueId}. */
    @PostExchange("/{communityId}/plaques")
    CommandResult awardPlaque(@PathVariable("communityId") String communityId, @RequestBody AwardPlaque body,
                              CommandOptions options);

    @PostExchange("/{communityId}/plaques/{plaqueId}/revoke")
    CommandResult revokePlaque(@PathVariable("communityId") String communityId,
                               @PathVariable("plaqueId") String plaqueId, @RequestBody RevokePlaque body,
                               CommandOptions options);

    /** Signs an agreement between two or more members; the answer carries its new {@code agreementId}. */
    @PostExchange("/{communityId}/agreements")
    CommandResult signAgreement(@PathVariable("communityId") String communityId, @RequestBody SignAgreement body,
                                CommandOptions options);

    @PostExchange("/{communityId}/agreements/{agreementId}/terminate")
    CommandResult terminateAgreement(@PathVariable("communityId") String communityId,
                                     @PathVariable("agreementId") String agreementId,
                                     @RequestBody TerminateAgreement body, CommandOptions options);

    /** Dissolves the community: it accepts no further command. */
    @PostExchange("/{communityId}/dissolve")
    CommandResult dissolve(@PathVariable("communityId") String communityId, @RequestBody DissolveCommunity body,
                           CommandOptions options);
}
