package org.communityledger.launcher.operator;

import java.io.PrintStream;

/**
 * Where a command writes: results on {@code out}, messages on {@code err}, and whether {@code out} is a
 * terminal (then progress is redrawn in place; in a log or a pipe it is printed as plain lines).
 */
public record Terminal(PrintStream out, PrintStream err, boolean interactive) {

    /**
     * {@code ./ledger} tells whether standard output is a terminal ({@code [ -t 1 ]}) through the property
     * {@code ledger.stdout.terminal}: from Java 22 on, {@code System.console()} is no longer null when output
     * is redirected, so only a JVM started otherwise falls back to it.
     */
    public static Terminal system() {
        String told = System.getProperty("ledger.stdout.terminal");
        boolean interactive = told != null ? Boolean.parseBoolean(told) : System.console() != null;
        return new Terminal(System.out, System.err, interactive);
    }
}
