package news.ranking.topology;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

import news.ranking.RankingProperties;
import news.ranking.rules.ListKind;
import news.ranking.rules.ListKinds;

/**
 * Stage 1d, counting in buckets, and their expiry: every counted activity goes into the time bucket of each list that
 * counts its measure, if that bucket is still in the list's window by the wall clock ({@link Buckets}); every emit
 * interval (wall clock) the buckets that left their windows are subtracted, and each article whose counts changed goes
 * on once as {@link Flow.Counts}; with no activity the stage looks again only when the next bucket leaves ({@link
 * Pace}). Expiry belongs here because it is a change of this stage's state, the buckets, like
 * counting. Article events pass through. State: the buckets of every list.
 */
final class CountingStage implements Processor<String, Flow, String, Flow> {

    private final RankingProperties properties;
    private final List<ListKind> kinds;
    /** For each measure, per list: the measure's position among the list's measures, or -1. */
    private final int[][] positions;
    private final Map<String, Pending> pending = new HashMap<>();
    private ProcessorContext<String, Flow> context;
    private Buckets[] buckets;
    private final Flow.Cases<Void> cases = new Flow.Cases<>(event -> pass(), this::count, counts -> pass());
    private Record<String, Flow> current;
    private Pace pace;

    CountingStage(RankingProperties properties, ListKinds kinds) {
        this.properties = properties;
        this.kinds = kinds.all();
        positions = new int[kinds.measures().size()][this.kinds.size()];
        for (int m = 0; m < positions.length; m++) {
            for (int l = 0; l < this.kinds.size(); l++) {
                positions[m][l] = this.kinds.get(l).measures().indexOf(kinds.measures().get(m).name());
            }
        }
    }

    @Override
    public void init(ProcessorContext<String, Flow> context) {
        this.context = context;
        CommitStore store = context.getStateStore(RankingStores.BUCKETS);
        buckets = kinds.stream().map(kind -> new Buckets(kind, RankingStores.BUCKETS, store)).toArray(Buckets[]::new);
        store.forEach(record -> {
            boolean known = false;
            for (Buckets list : buckets) {
                known |= list.restore(record.key.get(), record.value);
            }
            if (!known) {
                store.delete(record.key); // a list no longer configured
            }
        });
        store.beforeCommit(() -> {
            for (Buckets list : buckets) {
                list.writePending();
            }
        });
        // After a restart or a move, what was emitted last is not known: every article with counts goes on once more.
        for (int l = 0; l < buckets.length; l++) {
            int list = l;
            buckets[l].forEachArticle((articleId, sums) -> pending(articleId).changed[list] = true);
        }
        pace = new Pace(context, properties.emitInterval(), Duration.ZERO, this::tick);
    }

    @Override
    public void process(Record<String, Flow> record) {
        pace.touched();
        current = record;
        record.value().accept(cases);
    }

    private Void count(Flow.Counted counted) {
        long now = context.currentSystemTimeMs();
        int[] lists = positions[counted.measure()];
        for (int l = 0; l < lists.length; l++) {
            if (lists[l] >= 0 && buckets[l].add(counted.articleId(), lists[l], counted.time(), now, counted.delta())) {
                Pending p = pending(counted.articleId());
                p.changed[l] = true;
                if (counted.delta() > 0) {
                    p.pendingAt[l] = p.pendingAt[l] == 0 ? counted.time() : Math.min(p.pendingAt[l], counted.time());
                }
            }
        }
        return null;
    }

    private Void pass() {
        context.forward(current);
        return null;
    }

    /** Expires and emits; the next look is due when the oldest bucket of any list leaves its window. */
    private long tick(long now) {
        long next = Long.MAX_VALUE;
        for (int l = 0; l < buckets.length; l++) {
            int list = l;
            buckets[l].expire(now, articleId -> pending(articleId).changed[list] = true);
            next = Math.min(next, buckets[l].nextExpiry());
        }
        for (Map.Entry<String, Pending> entry : pending.entrySet()) {
            long[][] counts = new long[buckets.length][];
            for (int l = 0; l < buckets.length; l++) {
                counts[l] = buckets[l].sums(entry.getKey());
            }
            Pending p = entry.getValue();
            context.forward(new Record<>(entry.getKey(), new Flow.Counts(entry.getKey(), counts, p.changed, p.pendingAt),
                    now));
        }
        pending.clear();
        return next;
    }

    private Pending pending(String articleId) {
        return pending.computeIfAbsent(articleId, id -> new Pending(buckets.length));
    }

    /** What changed for one article since the last emission. */
    private static final class Pending {
        final boolean[] changed;
        final long[] pendingAt;

        Pending(int lists) {
            changed = new boolean[lists];
            pendingAt = new long[lists];
        }

        @Override
        public String toString() {
            return Arrays.toString(changed);
        }
    }
}
