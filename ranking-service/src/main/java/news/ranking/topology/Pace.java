package news.ranking.topology;

import java.time.Duration;
import java.util.function.LongUnaryOperator;

import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessorContext;

import news.ranking.rules.Times;

/**
 * When a stage looks at the wall clock. Kafka Streams commits a task after each of its wall-clock punctuations (under
 * exactly-once, a transaction with its markers on every partition it wrote), so stages that looked every emit interval
 * kept an idle service committing several transactions a second. A stage paced by this looks every emit interval
 * while it has work (a record since its last look), and otherwise only when its next time rule falls due: a bucket
 * leaving its window, a list's ageing, a publication held back by the publish interval.
 *
 * <p>Busy looks fall on the wall-clock times {@code phase + k * busy}, whenever the stage became busy, so that stages
 * feeding each other look in a fixed order: the lists half an interval after the counts they read were emitted, once
 * those counts have been committed and fetched (looking at the same moment instead makes every update wait a whole
 * interval; looking at a moment set by the first record makes the wait differ from run to run).
 */
final class Pace {

    /** The longest an idle stage goes without a look, whatever its rules say. */
    static final long LONGEST_MS = Duration.ofHours(1).toMillis();

    private final ProcessorContext<?, ?> context;
    private final long busy;
    private final long phase;
    private final LongUnaryOperator look;
    private Cancellable schedule;
    private boolean busyPace;
    private boolean touched;

    /**
     * Starts at the busy pace: a stage that has just started or moved has its restored state to emit. {@code look}
     * does what is due at the time it is given, and returns when the stage next has something to do if no record
     * arrives: a time, that time (or earlier) for the busy pace, or {@link Long#MAX_VALUE} for not until a record does.
     * {@code phase} places the busy looks within the interval (zero: on its multiples since the epoch).
     */
    Pace(ProcessorContext<?, ?> context, Duration busy, Duration phase, LongUnaryOperator look) {
        this.context = context;
        this.busy = busy.toMillis();
        this.phase = phase.toMillis();
        this.look = look;
        scheduleBusy(context.currentSystemTimeMs());
    }

    /** A record arrived: looks every emit interval until the stage has had nothing to do for one. */
    void touched() {
        touched = true;
        if (!busyPace) {
            scheduleBusy(context.currentSystemTimeMs());
        }
    }

    private void punctuate(long now) {
        long next = look.applyAsLong(now);
        if (touched || next - now <= busy) {
            scheduleBusy(now);
        } else {
            busyPace = false;
            schedule(Math.min(next - now, LONGEST_MS));
        }
        touched = false;
    }

    /** The next busy look, on the first of this pace's times after {@code now}. */
    private void scheduleBusy(long now) {
        busyPace = true;
        schedule(Times.floor(now - phase, busy) + busy + phase - now);
    }

    private void schedule(long millis) {
        if (schedule != null) {
            schedule.cancel();
        }
        schedule = context.schedule(Duration.ofMillis(millis), PunctuationType.WALL_CLOCK_TIME, this::punctuate);
    }
}
