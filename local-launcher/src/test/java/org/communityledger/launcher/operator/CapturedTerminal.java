package org.communityledger.launcher.operator;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** A terminal whose output a test reads back. */
public final class CapturedTerminal {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Terminal terminal;

    private CapturedTerminal(boolean interactive) {
        terminal = new Terminal(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), interactive);
    }

    /** Output to a log or a pipe. */
    public static CapturedTerminal plain() {
        return new CapturedTerminal(false);
    }

    /** Output to a terminal, where progress is redrawn in place. */
    public static CapturedTerminal interactive() {
        return new CapturedTerminal(true);
    }

    public Terminal terminal() {
        return terminal;
    }

    public String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    public String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
