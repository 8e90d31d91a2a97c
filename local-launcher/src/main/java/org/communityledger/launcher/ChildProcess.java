package org.communityledger.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A process the launcher started, whose output goes to a log file and whose pid is recorded so that a
 * later launch can stop it if this launcher was killed without cleaning up.
 */
final class ChildProcess {

    private final String name;
    private final Process process;
    private final Path logFile;
    private final Path pidFile;

    private ChildProcess(String name, Process process, Path logFile, Path pidFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.pidFile = pidFile;
    }

    static ChildProcess start(String name, List<String> command, Map<String, String> environment,
                              LaunchSettings settings) {
        try {
            Files.createDirectories(settings.logDir());
            Path logFile = settings.logDir().resolve(name + ".log");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(settings.home().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().putAll(environment);
            Process process = builder.start();
            Path pidFile = LeftoverProcesses.record(settings, name, process.pid());
            return new ChildProcess(name, process, logFile, pidFile);
        } catch (IOException e) {
            throw new LaunchException("could not start " + name + ": " + e.getMessage(), e);
        }
    }

    String name() {
        return name;
    }

    Process process() {
        return process;
    }

    Path logFile() {
        return logFile;
    }

    long pid() {
        return process.pid();
    }

    /**
     * The end of the log, for a failure message: CI keeps the build's output but not the data directory,
     * so the cause of a failed start must be in the exception itself.
     */
    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    /** Kills the process at once (SIGKILL), as a crash would: no shutdown hook, no clean-up of its own. */
    void kill() {
        try {
            if (!process.destroyForcibly().waitFor(30, TimeUnit.SECONDS)) {
                throw new LaunchException(name + " (pid " + process.pid() + ") did not die within 30 s of SIGKILL");
            }
            Files.deleteIfExists(pidFile);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asks the process to stop (SIGTERM) and waits; kills it if it does not stop in time. */
    void stop(Duration grace) {
        try {
            if (process.isAlive()) {
                process.destroy();
                if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                    System.err.println("  " + name + " did not stop within " + grace + "; killing it");
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
            Files.deleteIfExists(pidFile);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
