package org.communityledger.command.community.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.function.Supplier;
import org.communityledger.command.community.ApproveConstitution;
import org.communityledger.command.community.ApproveOrganizationalList;
import org.communityledger.command.community.AssignRole;
import org.communityledger.command.community.AwardPlaque;
import org.communityledger.command.community.DissolveCommunity;
import org.communityledger.command.community.EstablishCommunity;
import org.communityledger.command.community.JoinMember;
import org.communityledger.command.community.LeaveCommunity;
import org.communityledger.command.community.RevokePlaque;
import org.communityledger.command.community.RevokeRole;
import org.communityledger.command.community.SignAgreement;
import org.communityledger.command.community.TerminateAgreement;
import org.communityledger.command.dispatch.CommandContext;
import org.communityledger.command.dispatch.CommandDispatcher;
import org.communityledger.command.dispatch.CommandResult;
import org.communityledger.command.dispatch.CreatedId;
import org.communityledger.events.value.AgreementId;
import org.communityledger.events.value.CommunityId;
import org.communityledger.events.value.MemberRole;
import org.communityledger.events.value.OrganizationId;
import org.communityledger.events.value.PlaqueId;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Commands on communities. Each endpoint translates its request into a command and hands it to the
 * dispatcher; the answer is the community's new version (also as {@code ETag}) and the event's position.
 */
@Tag(name = "Commands", description = "Change a community: each accepted command is stored as events and answers the community's new version and position")
@RestController
@RequestMapping(path = "/api/communities", produces = MediaType.APPLICATION_JSON_VALUE)
class CommunityCommandController {

    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;

    private final CommandDispatcher dispatcher;

    CommunityCommandController(CommandDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Operation(summary = "Establish a community")
    @PostMapping(consumes = JSON)
    ResponseEntity<CommandResult> establish(@Valid @RequestBody EstablishCommunityRequest request,
                                            CommandContext context) {
        CommunityId newId = CommunityId.newId();
        CommandResult result = dispatcher.execute(context, newId, request, EstablishCommunity.class,
                () -> request.toCommand(newId));
        return answer(HttpStatus.CREATED, result, context)
                .location(URI.create("/api/communities/" + result.communityId()))
                .body(result);
    }

    @Operation(summary = "Approve a version of the constitution")
    @PostMapping(path = "/{communityId}/constitution", consumes = JSON)
    ResponseEntity<CommandResult> approveConstitution(@PathVariable("communityId") CommunityId id,
            @Valid @RequestBody ApproveConstitutionRequest request, CommandContext context) {
        return send(context, id, request, ApproveConstitution.class, () -> request.toCommand(id));
    }

    @Operation(summary = "Approve the organisational list (who holds which position)")
    @PostMapping(path = "/{communityId}/organizational-list", consumes = JSON)
    ResponseEntity<CommandResult> approveOrganizationalList(@PathVariable("communityId") CommunityId id,
            @Valid @RequestBody ApproveOrganizationalListRequest request, CommandContext context) {
        return send(context, id, request, ApproveOrganizationalList.class, () -> request.toCommand(id));
    }

    @Operation(summary = "Join an organisation to the community")
    @PostMapping(path = "/{communityId}/members", consumes = JSON)
    ResponseEntity<CommandResult> join(@PathVariable("communityId") CommunityId id,
            @Valid @RequestBody JoinMemberRequest request, CommandContext context) {
        return send(context, id, request, JoinMember.class, () -> request.toCommand(id));
    }

    @Operation(summary = "Record that a member leaves")
    @PostMapping(path = "/{communityId}/members/{organizationId}/leave", consumes = JSON)
    ResponseEntity<CommandResult> leave(@PathVariable("communityId") CommunityId id,
            @PathVariable("organizationId") OrganizationId member, @Valid @RequestBody LeaveCommunityRequest request,
            CommandContext context) {
        return send(context, id, request, LeaveCommunity.class, () -> request.toCommand(id, member));
    }

    @Operation(summary = "Assign a role to a member (CHAIR_UNIT may be transferred)")
    @PostMapping(path = "/{communityId}/members/{organizationId}/roles", consumes = JSON)
    ResponseEntity<CommandResult> assignRole(@PathVariable("communityId") CommunityId id,
            @PathVariable("organizationId") OrganizationId member, @Valid @RequestBody AssignRoleRequest request,
            CommandContext context) {
        return send(context, id, request, AssignRole.class, () -> request.toCommand(id, member));
    }

    @Operation(summary = "Revoke a role from a member")
    @DeleteMapping(path = "/{communityId}/members/{organizationId}/roles/{role}")
    ResponseEntity<CommandResult> revokeRole(@PathVariable("communityId") CommunityId id,
            @PathVariable("organizationId") OrganizationId member, @PathVariable("role") MemberRole role,
            CommandContext context) {
        return send(context, id, null, RevokeRole.class, () -> new RevokeRole(id, member, role));
    }

    @Operation(summary = "Award a plaque to a member")
    @PostMapping(path = "/{communityId}/plaques", consumes = JSON)
    ResponseEntity<CommandResult> awardPlaque(@PathVariable("communityId") CommunityId id,
            @Valid @RequestBody AwardPlaqueRequest request, CommandContext context) {
        PlaqueId plaqueId = PlaqueId.newId();
        return ok(dispatcher.execute(context, id, request, AwardPlaque.class, () -> request.toCommand(id, plaqueId),
                new CreatedId(CreatedId.PLAQUE, plaqueId.value())), context);
    }

    @Operation(summary = "Revoke a plaque")
    @PostMapping(path = "/{communityId}/plaques/{plaqueId}/revoke", consumes = JSON)
    ResponseEntity<CommandResult> revokePlaque(@PathVariable("communityId") CommunityId id,
            @PathVariable("plaqueId") PlaqueId plaque, @Valid @RequestBody RevokePlaqueRequest request,
            CommandContext context) {
        return send(context, id, request, RevokePlaque.class, () -> request.toCommand(id, plaque));
    }

    @Operation(summary = "Sign an agreement between members")
    @PostMapping(path = "/{communityId}/agreements", consumes = JSON)
    ResponseEntity<CommandResult> signAgreement(@PathVariable("communityId") CommunityId id,
            @Valid @RequestBody SignAgreementRequest request, CommandContext context) {
        AgreementId agreementId = AgreementId.newId();
        return ok(dispatcher.execute(context, id, request, SignAgreement.class,
                () -> request.toCommand(id, agreementId),
                new CreatedId(CreatedId.AGREEMENT, agreementId.value())), context);
    }

    @Operation(summary = "Terminate an agreement")
    @PostMapping(path = "/{communityId}/agreements/{agreementId}/terminate", consumes = JSON)
    ResponseEntity<CommandResult> terminateAgreement(@PathVariable("communityId") CommunityId id,
            @PathVariable("agreementId") AgreementId agreement, @Valid @RequestBody TerminateAgreementRequest request,
            CommandContext context) {
        return send(context, id, request, TerminateAgreement.class, () -> request.toCommand(id, agreement));
    }

    @Operation(summary = "Dissolve the community")
    @PostMapping(path = "/{communityId}/dissolve", consumes = JSON)
    ResponseEntity<CommandResult> dissolve(@PathVariable("communityId") CommunityId id,
            @Valid @RequestBody DissolveCommunityRequest request, CommandContext context) {
        return send(context, id, request, DissolveCommunity.class, () -> request.toCommand(id));
    }

    /** Runs a command that makes no new id and answers 200 with the community's new version. */
    private <C> ResponseEntity<CommandResult> send(CommandContext context, CommunityId id, Object request,
                                                   Class<C> type, Supplier<? extends C> command) {
        return ok(dispatcher.execute(context, id, request, type, command), context);
    }

    private static ResponseEntity<CommandResult> ok(CommandResult result, CommandContext context) {
        return answer(HttpStatus.OK, result, context).body(result);
    }

    private static ResponseEntity.BodyBuilder answer(HttpStatus status, CommandResult result, CommandContext context) {
        return ResponseEntity.status(status)
                .eTag("\"" + result.version() + "\"")
                .header("X-Correlation-Id", context.correlationId())
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
