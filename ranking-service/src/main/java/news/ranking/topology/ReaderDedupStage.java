package news.ranking.topology;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

import news.ranking.RankingProperties;
import news.ranking.events.InboundEvent;
import news.ranking.rules.Activity;
import news.ranking.rules.ListKinds;
import news.ranking.rules.Measure;

/**
 * Stage 1b, reader de-duplication: decides, for every measure counted once per reader, whether a reader's view or
 * share counts ({@link ReaderLog}: no counted one of the same reader and article within the interval around it, and
 * not late), and passes on {@link Flow.Counted} for those that do. Bot views never count. Shares go on as events too,
 * for the measures that count them by id; everything else passes through. State: the reader log.
 */
final class ReaderDedupStage implements Processor<String, Flow, String, Flow> {

    private final RankingProperties properties;
    private final RankingMetrics metrics;
    private final List<Measure> byReader = new ArrayList<>();
    private final List<Integer> measureIndex = new ArrayList<>();
    private int[] viewMeasures;
    private int[] shareMeasures;
    private ProcessorContext<String, Flow> context;
    private ReaderLog log;
    private final Flow.Cases<Void> cases;
    private Record<String, Flow> current;
    private Pace pace;

    ReaderDedupStage(RankingProperties properties, ListKinds kinds, RankingMetrics metrics) {
        this.properties = properties;
        this.metrics = metrics;
        List<Integer> views = new ArrayList<>();
        List<Integer> shares = new ArrayList<>();
        for (int i = 0; i < kinds.measures().size(); i++) {
            Measure measure = kinds.measures().get(i);
            if (measure.byReader()) {
                (measure.activity() == Activity.VIEW ? views : shares).add(byReader.size());
                byReader.add(measure);
                measureIndex.add(i);
            }
        }
        viewMeasures = views.stream().mapToInt(Integer::intValue).toArray();
        shareMeasures = shares.stream().mapToInt(Integer::intValue).toArray();
        InboundEvent.Cases<Void> events = new InboundEvent.Cases<>(article -> pass(), this::view, this::share,
                comment -> pass(), removal -> pass());
        cases = new Flow.Cases<>(event -> event.event().accept(events), counted -> pass(), counts -> pass());
    }

    @Override
    public void init(ProcessorContext<String, Flow> context) {
        this.context = context;
        log = new ReaderLog(RankingStores.READER_LOG, context.getStateStore(RankingStores.READER_LOG), byReader);
        // what the log can forget moves only with the activity's own clock: without activity nothing is due
        pace = new Pace(context, properties.emitInterval(), Duration.ZERO, now -> {
            log.forget();
            return Long.MAX_VALUE;
        });
    }

    @Override
    public void process(Record<String, Flow> record) {
        pace.touched();
        current = record;
        record.value().accept(cases);
    }

    private Void view(InboundEvent.ArticleViewed view) {
        if (view.bot()) {
            return null;
        }
        for (int measure : viewMeasures) {
            see(measure, view.articleId(), view.readerHash(), view.viewedAt(), true);
        }
        return null;
    }

    private Void share(InboundEvent.ArticleShared share) {
        for (int measure : shareMeasures) {
            see(measure, share.articleId(), share.readerHash(), share.sharedAt(), false);
        }
        return pass();
    }

    private void see(int measure, String articleId, String readerHash, long time, boolean view) {
        switch (log.see(measure, articleId, readerHash, time)) {
            case COUNTED -> context.forward(current.withValue(new Flow.Counted(articleId, measureIndex.get(measure),
                    time, 1)));
            case LATE -> {
                if (view) {
                    metrics.lateView();
                }
            }
            case REPEAT -> {
            }
        }
    }

    private Void pass() {
        context.forward(current);
        return null;
    }
}
