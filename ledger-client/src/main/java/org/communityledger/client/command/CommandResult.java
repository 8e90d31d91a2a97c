package org.communityledger.client.command;

/**
 * What an accepted command answers.
 *
 * @param version     the community's version after the command: the number of its events
 * @param position    the global position of the command's last event; a query naming it as {@code minPosition}
 *                    is answered only once the views include the command
 * @param plaqueId    the new plaque's id, for an award; null otherwise
 * @param agreementId the new agreement's id, for a signature; null otherwise
 */
public record CommandResult(String communityId, long version, long position, String plaqueId, String agreementId) {
}
