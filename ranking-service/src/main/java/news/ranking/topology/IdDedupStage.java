package news.ranking.topology;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

import news.ranking.RankingProperties;
import news.ranking.events.InboundEvent;
import news.ranking.rules.Activity;
import news.ranking.rules.ListKinds;
import news.ranking.rules.Measure;

/**
 * Stage 1c, de-duplication by id: a share counts once per {@code ce_id} and a comment once per {@code commentId} for
 * the measures that count them by id; a removed comment becomes {@link Flow.Counted} of -1 at the time it was counted
 * (a second removal, or one of an unknown or forgotten comment, changes nothing), and its id stays remembered as
 * removed, so that its posted event delivered once more does not count it again. State: the ids seen, at their event
 * time, for {@code news.ranking.dedupe-retention}; the value is the format byte, followed by {@code 1} for a removed
 * comment.
 */
final class IdDedupStage implements Processor<String, Flow, String, Flow> {

    private static final byte[] SEEN = {StateFormat.CURRENT};
    private static final byte[] REMOVED = {StateFormat.CURRENT, 1};

    private final int[] shareMeasures;
    private final int[] commentMeasures;
    private final long dedupeRetention;
    private final long maxClockSkew;
    private ProcessorContext<String, Flow> context;
    private WindowStore<String, byte[]> ids;
    private final Flow.Cases<Void> cases;
    private Record<String, Flow> current;

    IdDedupStage(RankingProperties properties, ListKinds kinds) {
        List<Integer> shares = new ArrayList<>();
        List<Integer> comments = new ArrayList<>();
        for (int i = 0; i < kinds.measures().size(); i++) {
            Measure measure = kinds.measures().get(i);
            if (!measure.byReader()) {
                (measure.activity() == Activity.SHARE ? shares : comments).add(i);
            }
        }
        shareMeasures = shares.stream().mapToInt(Integer::intValue).toArray();
        commentMeasures = comments.stream().mapToInt(Integer::intValue).toArray();
        dedupeRetention = properties.dedupeRetention().toMillis();
        maxClockSkew = properties.events().maxClockSkew().toMillis();
        InboundEvent.Cases<Void> events = new InboundEvent.Cases<>(article -> pass(),
                view -> null, // views count once per reader, in the stage before
                share -> firstTime("s:" + share.ceId(), share.articleId(), share.sharedAt(), shareMeasures),
                comment -> firstTime("c:" + comment.commentId(), comment.articleId(), comment.postedAt(),
                        commentMeasures),
                this::commentRemoved);
        cases = new Flow.Cases<>(event -> event.event().accept(events), counted -> pass(), counts -> pass());
    }

    @Override
    public void init(ProcessorContext<String, Flow> context) {
        this.context = context;
        ids = context.getStateStore(RankingStores.ACTIVITY_LOG);
    }

    @Override
    public void process(Record<String, Flow> record) {
        current = record;
        record.value().accept(cases);
    }

    private Void commentRemoved(InboundEvent.CommentRemoved removal) {
        String key = "c:" + removal.commentId();
        List<Long> postedAt = new ArrayList<>(1);
        try (WindowStoreIterator<byte[]> found = ids.fetch(key, removal.removedAt() - dedupeRetention,
                removal.removedAt() + maxClockSkew)) {
            found.forEachRemaining(entry -> {
                if (!removed(entry.value)) {
                    postedAt.add(entry.key);
                }
            });
        }
        for (long time : postedAt) {
            ids.put(key, REMOVED, time);
            for (int measure : commentMeasures) {
                context.forward(current.withValue(new Flow.Counted(removal.articleId(), measure, time, -1)));
            }
        }
        return null;
    }

    private Void firstTime(String key, String articleId, long time, int[] measures) {
        if (measures.length == 0) {
            return null;
        }
        try (WindowStoreIterator<byte[]> found = ids.fetch(key, time, time)) {
            if (found.hasNext()) {
                return null;
            }
        }
        ids.put(key, SEEN, time);
        for (int measure : measures) {
            context.forward(current.withValue(new Flow.Counted(articleId, measure, time, 1)));
        }
        return null;
    }

    private static boolean removed(byte[] value) {
        return value.length > 1 && value[1] == 1;
    }

    private Void pass() {
        context.forward(current);
        return null;
    }
}
