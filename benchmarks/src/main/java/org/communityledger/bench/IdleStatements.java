package org.communityledger.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a running system asks of PostgreSQL while nobody sends it anything: every statement the server receives
 * (each {@code BEGIN} and {@code COMMIT} and a pool's validation ping included) is counted from PostgreSQL's own
 * statement log, switched on ({@code log_statement = all}) for the window and off again. The bench's own
 * connection is idle during the window, so what is counted is the services' background work.
 */
final class IdleStatements {

    /** A statement's log line: simple protocol ("statement: ") or extended ("execute S_1: "). */
    private static final Pattern STATEMENT = Pattern.compile(" LOG:  (?:statement|execute [^:]*): ?(.*)$");
    /** How many kinds of statement the detail names. */
    private static final int KINDS_NAMED = 8;

    record Result(long statements, double seconds, Map<String, Long> byKind) {
        double perSecond() {
            return statements / seconds;
        }

        String detail() {
            StringJoiner kinds = new StringJoiner("; ");
            byKind.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                    .limit(KINDS_NAMED)
                    .forEach(kind -> kinds.add(kind.getValue() + " × " + kind.getKey()));
            return String.format("%,d statements in %.0f s, counted from PostgreSQL's statement log; most "
                    + "frequent: %s", statements, seconds, kinds.length() == 0 ? "none" : kinds);
        }
    }

    private final RawPostgres postgres;
    private final Path serverLog;

    IdleStatements(RawPostgres postgres, Path serverLog) {
        this.postgres = postgres;
        this.serverLog = serverLog;
    }

    /** Switches the log on, lets {@code settle} pass, counts over {@code window}, and switches it off. */
    Result measure(Duration settle, Duration window) throws SQLException, IOException, InterruptedException {
        logStatements("all");
        try {
            Thread.sleep(settle.toMillis());
            long from = serverLog.toFile().length();
            long start = System.nanoTime();
            Thread.sleep(window.toMillis());
            long to = serverLog.toFile().length();
            double seconds = (System.nanoTime() - start) / 1e9;
            return count(readBetween(from, to), seconds);
        } finally {
            logStatements(null);
        }
    }

    static Result count(String log, double seconds) {
        long statements = 0;
        Map<String, Long> byKind = new TreeMap<>();
        for (String line : log.split("\n")) {
            Matcher statement = STATEMENT.matcher(line);
            if (statement.find()) {
                statements++;
                byKind.merge(kindOf(statement.group(1)), 1L, Long::sum);
            }
        }
        return new Result(statements, seconds, new LinkedHashMap<>(byKind));
    }

    /** The statement's first words, enough to tell the pollers apart; an empty one is a pool's validation ping. */
    private static String kindOf(String text) {
        String words = text.trim().replaceAll("\\s+", " ");
        if (words.isEmpty()) {
            return "(empty: connection check)";
        }
        return words.length() > 60 ? words.substring(0, 60) + "…" : words;
    }

    private void logStatements(String value) throws SQLException {
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement()) {
            statement.execute(value == null ? "alter system reset log_statement"
                    : "alter system set log_statement = '" + value + "'");
            statement.execute("select pg_reload_conf()");
        }
    }

    private String readBetween(long from, long to) throws IOException {
        byte[] bytes = new byte[(int) Math.max(0, Math.min(to - from, Integer.MAX_VALUE - 8))];
        try (RandomAccessFile file = new RandomAccessFile(serverLog.toFile(), "r")) {
            file.seek(from);
            file.readFully(bytes);
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
