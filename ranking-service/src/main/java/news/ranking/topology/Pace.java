package news.ranking.topology;

import java.time.Duration;
import java.util.function.LongUnaryOperator;

import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessorContext;

/**
 * When a stage looks at the wall clock. Kafka Streams commits a task after each of its wall-clock punctuations (under
 * exactly-once, a transaction with its markers on every partition it wrote), so stages that looked every emit interval
 * kept an idle service committing several transactions a second. A stage paced by this looks every emit interval
 * while it has work (a record since its last look), and otherwise only when its next time rule falls due: a bucket
 * leaving its window, a list's ageing, a publication held back by the publish interval.
 */
final class Pace {

    /** The longest an idle stage goes without a look, whatever its rules say. */
    static final long LONGEST_MS = Duration.ofHours(1).toMillis();

    private final ProcessorContext<?, ?> context;
    private final long busy;
    private final LongUnaryOperator look;
    private Cancellable schedule;
    private long interval;
    private boolean touched;

    /**
     * Starts at the busy pace: a stage that has just started or moved has its restored state to emit. {@code look}
     * does what is due at the time it is given, and returns when the stage next has something to do if no record
     * arrives: a time, that time (or earlier) for the busy pace, or {@link Long#MAX_VALUE} for not until a record does.
     */
    Pace(ProcessorContext<?, ?> context, Duration busy, LongUnaryOperator look) {
        this.context = context;
        this.busy = busy.toMillis();
        this.look = look;
        schedule(this.busy);
    }

    /** A record arrived: looks every emit interval until the stage has had nothing to do for one. */
    void touched() {
        touched = true;
        if (interval != busy) {
            schedule(busy);
        }
    }

    private void punctuate(long now) {
        long next = look.applyAsLong(now);
        long wanted = touched || next - now <= busy ? busy : Math.min(next - now, LONGEST_MS);
        touched = false;
        if (wanted != interval) {
            schedule(wanted);
        }
    }

    private void schedule(long millis) {
        if (schedule != null) {
            schedule.cancel();
        }
        interval = millis;
        schedule = context.schedule(Duration.ofMillis(millis), PunctuationType.WALL_CLOCK_TIME, this::punctuate);
    }
}
