package news.ranking.rules;

import java.time.Duration;
import java.util.Objects;

/**
 * One thing the lists count, by name ({@code news.ranking.measures.<name>}): an activity, and how it is kept from
 * counting twice.
 * <ul>
 *   <li>{@code oncePerReader} set: a reader's activity on an article counts when that reader has no counted activity of
 *       this measure on the article that makes it a {@code repeat}: by default within that interval around it (views:
 *       30 minutes; the interval runs from the last <em>counted</em> one), or with {@link ReaderRepeat#SAME_PERIOD} in
 *       the same period of that length (shares for Must-Reads: one per reader, article and UTC day). A redelivered
 *       event meets its own first delivery, so it never counts twice. Activity older than the newest of its kind on
 *       the partition by more than {@code lateAfter} is late: dropped.</li>
 *   <li>not set: every event counts once, recognised by its own id ({@code ce_id} of a share, {@code commentId} of a
 *       comment; a removed comment stops counting). Views have no id of their own, so they need a reader rule.</li>
 * </ul>
 */
public record Measure(String name, Activity activity, Duration oncePerReader, ReaderRepeat repeat,
                      Duration lateAfter) {

    public Measure {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(activity, "activity");
        if (oncePerReader != null) {
            repeat = repeat == null ? ReaderRepeat.WITHIN_INTERVAL : repeat;
            require(!oncePerReader.isNegative() && !oncePerReader.isZero(), name, "once-per-reader must be positive");
            require(activity != Activity.COMMENT, name, "comments carry no reader: count them by their id");
            require(lateAfter != null && !lateAfter.isNegative(), name,
                    "late-after is needed with once-per-reader: it bounds what the reader log keeps");
        } else {
            require(repeat == null, name, "repeat needs once-per-reader: the interval or period it applies to");
            require(activity != Activity.VIEW, name, "views have no id of their own: give them once-per-reader");
        }
    }

    public boolean byReader() {
        return oncePerReader != null;
    }

    /** How long a reader's counted activity is remembered: every activity that is not late still sees its neighbours. */
    public Duration readerLogRetention() {
        return lateAfter.plus(oncePerReader).plusMinutes(1);
    }

    private static void require(boolean condition, String name, String message) {
        if (!condition) {
            throw new IllegalArgumentException("news.ranking.measures." + name + ": " + message);
        }
    }
}
