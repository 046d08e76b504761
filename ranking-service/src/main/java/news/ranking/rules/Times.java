package news.ranking.rules;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How times and windows are written in payloads: RFC 3339 UTC with milliseconds, ISO-8601 durations. */
public final class Times {

    private static final DateTimeFormatter RFC_3339_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Times() {
    }

    public static String format(long epochMillis) {
        return RFC_3339_MILLIS.format(Instant.ofEpochMilli(epochMillis));
    }

    /** Whole days as {@code P7D}, whole minutes as {@code PT60M}, anything else as {@link Duration#toString()}. */
    public static String window(Duration window) {
        if (window.toMillis() % Duration.ofDays(1).toMillis() == 0) {
            return "P" + window.toDays() + "D";
        }
        if (window.toMillis() % Duration.ofMinutes(1).toMillis() == 0) {
            return "PT" + window.toMinutes() + "M";
        }
        return window.toString();
    }

    /** The start of the bucket of {@code bucketMillis} that holds {@code epochMillis}. */
    public static long floor(long epochMillis, long bucketMillis) {
        return Math.floorDiv(epochMillis, bucketMillis) * bucketMillis;
    }
}
