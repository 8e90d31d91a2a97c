package org.communityledger.command.community;

import jakarta.validation.Valid;
import java.net.URI;
import org.communityledger.command.web.CommandDispatcher;
import org.communityledger.command.web.CommandResult;
import org.communityledger.command.web.RequestFields;
import org.communityledger.events.value.CommunityId;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Commands on communities: translate the request, dispatch, answer version and position. */
@RestController
@RequestMapping(path = "/api/communities", produces = MediaType.APPLICATION_JSON_VALUE)
class CommunityCommandController {

    static final String CORRELATION_HEADER = "X-Correlation-Id";

    private final CommandDispatcher dispatcher;

    CommunityCommandController(CommandDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CommandResult> establish(
            @Valid @RequestBody EstablishCommunityRequest request,
            @RequestHeader(name = CORRELATION_HEADER, required = false) String correlationHeader) {
        CommunityId communityId = CommunityId.newId();
        String correlationId = CommandDispatcher.correlationIdOrNew(correlationHeader);
        CommandResult result = dispatcher.create(communityId, request.toCommand(communityId), correlationId);
        return answer(HttpStatus.CREATED, result, correlationId)
                .location(URI.create("/api/communities/" + communityId.value()))
                .body(result);
    }

    @PostMapping(path = "/{communityId}/members", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CommandResult> join(
            @PathVariable String communityId,
            @Valid @RequestBody JoinMemberRequest request,
            @RequestHeader(name = CORRELATION_HEADER, required = false) String correlationHeader) {
        CommunityId id = RequestFields.communityId(communityId);
        String correlationId = CommandDispatcher.correlationIdOrNew(correlationHeader);
        CommandResult result = dispatcher.update(id, request.toCommand(id), correlationId);
        return answer(HttpStatus.OK, result, correlationId).body(result);
    }

    private static ResponseEntity.BodyBuilder answer(HttpStatus status, CommandResult result, String correlationId) {
        return ResponseEntity.status(status)
                .eTag("\"" + result.version() + "\"")
                .header(CORRELATION_HEADER, correlationId)
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
