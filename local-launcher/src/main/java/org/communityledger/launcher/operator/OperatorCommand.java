package org.communityledger.launcher.operator;

/** One of the operator's commands, such as {@code ./ledger status} or {@code ./ledger dlt replay}. */
public interface OperatorCommand {

    /** The words that name it after {@code ./ledger}: "status", "dlt list". */
    String name();

    /** Its arguments as the usage text shows them: "[--community ID] [--all]". */
    String arguments();

    /** What it does, in one line. */
    String summary();

    /** The options and arguments it takes besides the connection's. */
    Syntax syntax();

    /** Runs it and answers the exit code ({@link ExitCode}). */
    int run(ParsedArguments arguments, Services services, Terminal terminal);
}
