package org.communityledger.launcher.operator;

/** What the operator's commands exit with, so that scripts and monitors can act on it (docs/operations.md lists them). */
public final class ExitCode {

    /** Done; for {@code status}: everything UP, nothing parked or quarantined. */
    public static final int OK = 0;
    /** Something needs the operator: a refusal, a failed rebuild, a broken chain, a component not UP... */
    public static final int ATTENTION = 1;
    /** A service could not be reached. */
    public static final int UNREACHABLE = 2;
    /** The command line was wrong (sysexits' EX_USAGE, apart from the codes above). */
    public static final int USAGE = 64;

    private ExitCode() {
    }
}
