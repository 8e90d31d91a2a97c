package org.communityledger.launcher.operator;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.OptionalDouble;

/** How the operator's commands write numbers, times and durations, the same way everywhere. */
public final class Formats {

    /** What a value that could not be read prints as. */
    public static final String UNKNOWN = "?";

    private Formats() {
    }

    /** 12,345 */
    public static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** A count read from a metric (gauges are doubles), or "?". */
    public static String count(OptionalDouble value) {
        return value.isPresent() ? count(Math.round(value.getAsDouble())) : UNKNOWN;
    }

    /** Seconds with one decimal from a metric, or "?". */
    public static String seconds(OptionalDouble value) {
        return value.isPresent() ? String.format(Locale.ROOT, "%.1f", value.getAsDouble()) : UNKNOWN;
    }

    /** 2026-11-30T09:15:02Z: to the second, in UTC as the services write it. */
    public static String instant(Instant instant) {
        return instant == null ? "-" : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** How long something took: 0.8 s under a minute, else as {@link #duration(long)}. */
    public static String elapsed(Duration duration) {
        if (duration.toSeconds() < 60) {
            return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
        }
        return duration(duration.toSeconds());
    }

    /** 8 s, 3 min 05 s, 1 h 02 min. */
    public static String duration(long seconds) {
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", seconds / 3600, seconds % 3600 / 60);
    }
}
