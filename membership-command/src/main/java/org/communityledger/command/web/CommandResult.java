package org.communityledger.command.web;

/**
 * What every accepted command answers.
 *
 * @param version  the community's version after the command: the number of events in its history
 * @param position the global position of the command's last event; queries accept it as {@code minPosition}
 */
public record CommandResult(String communityId, long version, long position) {
}
