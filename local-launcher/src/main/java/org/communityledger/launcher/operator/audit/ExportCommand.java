package org.communityledger.launcher.operator.audit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.communityledger.launcher.operator.ExitCode;
import org.communityledger.launcher.operator.Formats;
import org.communityledger.launcher.operator.OperatorCommand;
import org.communityledger.launcher.operator.ParsedArguments;
import org.communityledger.launcher.operator.Services;
import org.communityledger.launcher.operator.Syntax;
import org.communityledger.launcher.operator.Terminal;

/**
 * {@code ./ledger export [--out FILE] [--community ID]}: the log as NDJSON, copied as it streams in, to a file
 * or to standard output. A file appears only whole: it is written beside its name and moved into place once
 * the last event has arrived, so a broken-off export never passes for a complete one.
 */
public final class ExportCommand implements OperatorCommand {

    static final String OUT = "--out";
    static final String COMMUNITY = "--community";

    @Override
    public String name() {
        return "export";
    }

    @Override
    public String arguments() {
        return "[--out FILE] [--community ID]";
    }

    @Override
    public String summary() {
        return "the event log as NDJSON, streamed to a file or standard output";
    }

    @Override
    public Syntax syntax() {
        return Syntax.none().withValues(OUT, COMMUNITY);
    }

    @Override
    public int run(ParsedArguments arguments, Services services, Terminal terminal) {
        Optional<Path> file = arguments.value(OUT).map(Path::of);
        try (InputStream export = services.commandAsAuditor().export()
                .export(arguments.value(COMMUNITY).orElse(null), null, null)) {
            CountingCopy copied = file.isPresent() ? toFile(export, file.get()) : toOut(export, terminal);
            terminal.err().println("Exported " + Formats.count(copied.lines()) + " events ("
                    + Formats.count(copied.bytes()) + " bytes)" + file.map(path -> " to " + path).orElse("") + ".");
            return ExitCode.OK;
        } catch (IOException e) {
            terminal.err().println("ledger export: broke off: " + e.getMessage()
                    + file.map(path -> "; " + path + " was not written").orElse(""));
            return ExitCode.ATTENTION;
        }
    }

    private static CountingCopy toOut(InputStream export, Terminal terminal) throws IOException {
        CountingCopy copied = CountingCopy.copy(export, terminal.out());
        terminal.out().flush();
        return copied;
    }

    private static CountingCopy toFile(InputStream export, Path file) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path partial = absolute.resolveSibling(absolute.getFileName() + ".part");
        try {
            CountingCopy copied;
            try (OutputStream out = Files.newOutputStream(partial)) {
                copied = CountingCopy.copy(export, out);
            }
            Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return copied;
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
