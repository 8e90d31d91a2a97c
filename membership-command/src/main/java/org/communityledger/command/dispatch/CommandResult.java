package org.communityledger.command.dispatch;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What every accepted command answers.
 *
 * @param version     the community's version after the command: the number of events in its history
 * @param position    the global position of the command's last event; queries accept it as {@code minPosition}
 * @param plaqueId    the new plaque's id, when a plaque was awarded
 * @param agreementId the new agreement's id, when an agreement was signed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CommandResult(String communityId, long version, long position, String plaqueId, String agreementId) {

    static CommandResult of(String communityId, long version, long position, CreatedId created) {
        String plaqueId = created != null && CreatedId.PLAQUE.equals(created.name()) ? created.value() : null;
        String agreementId = created != null && CreatedId.AGREEMENT.equals(created.name()) ? created.value() : null;
        return new CommandResult(communityId, version, position, plaqueId, agreementId);
    }
}
