package org.communityledger.command.dispatch;

/** An id the command service made for the command (a plaque's, an agreement's), answered with the result. */
public record CreatedId(String name, String value) {

    public static final String PLAQUE = "plaqueId";
    public static final String AGREEMENT = "agreementId";
}
