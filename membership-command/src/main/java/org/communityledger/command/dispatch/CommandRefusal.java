package org.communityledger.command.dispatch;

/**
 * A failure by which the command side refuses a command, saying how the command metrics count it. The refusals
 * live with the rules that raise them; this way the dispatcher knows their kind without depending on them.
 */
public interface CommandRefusal {

    CommandOutcome outcome();
}
