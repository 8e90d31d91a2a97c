package org.communityledger.launcher;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Pid files of the processes a launch started. If a launcher was killed (kill -9) its children live on
 * and hold the ports and the data; the next launch finds them here and stops them first.
 */
final class LeftoverProcesses {

    private LeftoverProcesses() {
    }

    static Path record(LaunchSettings settings, String name, long pid) throws IOException {
        Path dir = runDir(settings);
        Files.createDirectories(dir);
        Path pidFile = dir.resolve(name + ".pid");
        Files.writeString(pidFile, Long.toString(pid));
        return pidFile;
    }

    /** Stops every recorded process that is still alive and still ours (its command line names our data). */
    static void stopAll(LaunchSettings settings) {
        Path dir = runDir(settings);
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> pidFiles = Files.newDirectoryStream(dir, "*.pid")) {
            List<Path> ordered = new ArrayList<>();
            pidFiles.forEach(ordered::add);
            // Services before the broker they write to, as in a normal stop.
            ordered.sort(Comparator.comparing(pidFile -> pidFile.getFileName().toString().startsWith(KafkaBroker.NAME)));
            for (Path pidFile : ordered) {
                stopIfOurs(pidFile, settings);
                Files.deleteIfExists(pidFile);
            }
        } catch (IOException e) {
            throw new LaunchException("cannot read " + dir + ": " + e.getMessage(), e);
        }
        stopOrphanedPostgres(settings);
    }

    private static void stopIfOurs(Path pidFile, LaunchSettings settings) throws IOException {
        long pid;
        try {
            pid = Long.parseLong(Files.readString(pidFile).trim());
        } catch (NumberFormatException e) {
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isPresent() && isOurs(process.get(), settings)) {
            System.out.println("Stopping " + fileStem(pidFile) + " (pid " + pid + ") left over from an earlier run");
            terminate(process.get());
        }
    }

    /** PostgreSQL's postmaster outlives a killed launcher too; its own pid file says where it is. */
    private static void stopOrphanedPostgres(LaunchSettings settings) {
        long pid = EmbeddedDatabase.postmasterPid(settings);
        ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(p -> isOurs(p, settings)).ifPresent(p -> {
            System.out.println("Stopping PostgreSQL (pid " + pid + ") left over from an earlier run");
            terminate(p);
        });
    }

    private static boolean isOurs(ProcessHandle process, LaunchSettings settings) {
        return process.info().commandLine()
                .map(line -> line.contains(settings.dataDir().toString()) || line.contains(settings.home().toString())
                        || line.contains("membership-") || line.contains("kafka.Kafka"))
                .orElse(false);
    }

    private static void terminate(ProcessHandle process) {
        process.destroy();
        try {
            process.onExit().get(Duration.ofSeconds(30).toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
        }
    }

    private static Path runDir(LaunchSettings settings) {
        return settings.dataDir().resolve("run");
    }

    private static String fileStem(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.lastIndexOf('.'));
    }
}
