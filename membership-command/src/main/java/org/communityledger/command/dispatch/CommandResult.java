package org.communityledger.command.dispatch;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What every accepted command answers.
 *
 * @param version     the community's version after the command: the number of events in its history
 * @param position    the global position of the command's last event; queries accept it as {@code minPosition}
 * @param plaqueId    the new plaque's id, when a plaque was awarded
 * @param agreementId the new agreement's id, when an agreement was signed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CommandResult(
        @Schema(example = "c6b93fc9-2d1d-4018-91b3-a4ac57262e0e") String communityId,
        @Schema(description = "The community's version after the command: the number of events in its history; "
                + "the ETag repeats it", example = "66") long version,
        @Schema(description = "Global position of the command's last event; queries accept it as minPosition",
                example = "128") long position,
        @Schema(description = "The new plaque's id; only when a plaque was awarded",
                example = "b9d0596c-e0b1-4ec5-b932-5a84cc97cb89") String plaqueId,
        @Schema(description = "The new agreement's id; only when an agreement was signed",
                example = "39df126e-6ab3-466b-bf38-077be27d1282") String agreementId) {

    static CommandResult of(String communityId, long version, long position, CreatedId created) {
        String plaqueId = created != null && CreatedId.PLAQUE.equals(created.name()) ? created.value() : null;
        String agreementId = created != null && CreatedId.AGREEMENT.equals(created.name()) ? created.value() : null;
        return new CommandResult(communityId, version, position, plaqueId, agreementId);
    }
}
