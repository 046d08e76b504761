package news.ranking.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.MockProcessorContext.CapturedPunctuator;
import org.junit.jupiter.api.Test;

/**
 * A stage looks at the clock every emit interval while records arrive, and otherwise only when its next rule falls due:
 * Kafka Streams commits (a transaction, under exactly-once) after every wall-clock punctuation, so an idle stage that
 * kept the busy pace kept the service committing several transactions a second with nothing to do. Busy looks fall on
 * fixed times within the interval, so that the list stage looks after the counting stage's emissions have reached it.
 */
class PaceTest {

    private static final Duration EMIT = Duration.ofMillis(250);

    private final MockProcessorContext<Object, Object> context = contextAt(0);
    private final AtomicLong nextDue = new AtomicLong(Long.MAX_VALUE);
    private final AtomicLong looks = new AtomicLong();
    private final Pace pace = new Pace(context, EMIT, Duration.ZERO, now -> {
        looks.incrementAndGet();
        return nextDue.get();
    });

    @Test
    void aStageStartsAtTheBusyPaceAndSlowsToItsNextRuleWhenNothingArrives() {
        assertThat(active().getInterval()).isEqualTo(EMIT);
        assertThat(active().getType()).isEqualTo(PunctuationType.WALL_CLOCK_TIME);

        nextDue.set(1_000 + 60_000);
        look(1_000);

        assertThat(looks).hasValue(1);
        assertThat(active().getInterval()).isEqualTo(Duration.ofSeconds(60));
        assertThat(context.scheduledPunctuators()).filteredOn(p -> !p.cancelled()).hasSize(1);
    }

    @Test
    void aRecordBringsBackTheBusyPaceAndKeepsItForTheLookAfter() {
        nextDue.set(Long.MAX_VALUE);
        look(1_000);
        assertThat(active().getInterval()).isEqualTo(Duration.ofMillis(Pace.LONGEST_MS));

        pace.touched();
        assertThat(active().getInterval()).isEqualTo(EMIT);

        look(1_250); // a record arrived since the last look: the stage may get more
        assertThat(active().getInterval()).isEqualTo(EMIT);

        look(1_500); // none since: idle
        assertThat(active().getInterval()).isEqualTo(Duration.ofMillis(Pace.LONGEST_MS));
    }

    @Test
    void workDueWithinAnEmitIntervalKeepsTheBusyPace() {
        nextDue.set(1_100);
        look(1_000);
        assertThat(active().getInterval()).isEqualTo(EMIT);

        nextDue.set(900); // overdue, for example a publication held back
        look(1_250);
        assertThat(active().getInterval()).isEqualTo(EMIT);

        nextDue.set(1_500 + 2_000);
        look(1_500);
        assertThat(active().getInterval()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void busyLooksFallOnThePhaseWithinTheIntervalWhateverTheTimeTheStageBecameBusy() {
        MockProcessorContext<Object, Object> lists = contextAt(10_040);
        Pace half = new Pace(lists, EMIT, EMIT.dividedBy(2), now -> Long.MAX_VALUE);
        assertThat(active(lists).getInterval()).isEqualTo(Duration.ofMillis(85)); // at 10,125

        half.touched();
        look(lists, 10_127); // two milliseconds late: the next look is still at 10,375
        assertThat(active(lists).getInterval()).isEqualTo(Duration.ofMillis(248));

        look(lists, 10_375); // nothing arrived: idle
        assertThat(active(lists).getInterval()).isEqualTo(Duration.ofMillis(Pace.LONGEST_MS));

        lists.setCurrentSystemTimeMs(12_310);
        half.touched(); // busy again: at 12,375, not 250 ms after the record
        assertThat(active(lists).getInterval()).isEqualTo(Duration.ofMillis(65));
    }

    private static MockProcessorContext<Object, Object> contextAt(long systemTimeMs) {
        MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
        context.setCurrentSystemTimeMs(systemTimeMs);
        return context;
    }

    private void look(long now) {
        look(context, now);
    }

    private static void look(MockProcessorContext<Object, Object> context, long now) {
        active(context).getPunctuator().punctuate(now);
    }

    private CapturedPunctuator active() {
        return active(context);
    }

    private static CapturedPunctuator active(MockProcessorContext<Object, Object> context) {
        List<CapturedPunctuator> active = context.scheduledPunctuators().stream().filter(p -> !p.cancelled()).toList();
        assertThat(active).hasSize(1);
        return active.get(0);
    }
}
