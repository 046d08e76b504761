package news.ranking.topology;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import news.kit.Sections;
import news.ranking.RankingProperties;
import news.ranking.events.InboundEvent;
import news.ranking.events.InboundEvent.ArticleChanged;
import news.ranking.rules.Candidate;
import news.ranking.rules.ListKey;
import news.ranking.rules.ListKind;
import news.ranking.rules.ListKinds;

/**
 * Stage 1e, fan-out to the lists: keeps the latest snapshot of every article (highest version wins) and sends a
 * published article with its counts to the list keys of its section and of {@code all} for every list whose counts
 * changed; an article change goes to all its lists at once (an unpublished or moved article leaves its lists with the
 * next computation). The first tick announces every configured list key, so every list is computed even while empty.
 * State: the article snapshots.
 */
final class FanOutStage implements Processor<String, Flow, String, ListUpdate> {

    private final RankingProperties properties;
    private final Sections sections;
    private final List<ListKind> kinds;
    private final Map<String, Flow.Counts> counts = new HashMap<>();
    private ProcessorContext<String, ListUpdate> context;
    private KeyValueStore<String, ArticleChanged> articles;
    private Cancellable announcement;
    private long timestamp;
    private final InboundEvent.Cases<Void> events = new InboundEvent.Cases<>(this::article,
            view -> null, share -> null, comment -> null, removal -> null); // activity is counted by the stages before
    private final Flow.Cases<Void> cases = new Flow.Cases<>(event -> event.event().accept(events), counted -> null,
            this::counts);

    FanOutStage(RankingProperties properties, ListKinds kinds, Sections sections) {
        this.properties = properties;
        this.kinds = kinds.all();
        this.sections = sections;
    }

    @Override
    public void init(ProcessorContext<String, ListUpdate> context) {
        this.context = context;
        articles = context.getStateStore(RankingStores.ARTICLES);
        announcement = context.schedule(properties.emitInterval(), PunctuationType.WALL_CLOCK_TIME, this::announce);
    }

    @Override
    public void process(Record<String, Flow> record) {
        timestamp = record.timestamp();
        record.value().accept(cases);
    }

    private Void counts(Flow.Counts changed) {
        if (isZero(changed.counts())) {
            counts.remove(changed.articleId());
        } else {
            counts.put(changed.articleId(), changed);
        }
        ArticleChanged article = articles.get(changed.articleId());
        if (article != null && article.published()) {
            for (int l = 0; l < kinds.size(); l++) {
                if (changed.changed()[l]) {
                    toLists(kinds.get(l), article.section(), true, ListUpdate.upsert(candidate(article, l, changed.pendingAt()[l])));
                }
            }
        }
        return null;
    }

    private Void article(ArticleChanged changed) {
        ArticleChanged previous = articles.get(changed.articleId());
        if (previous != null && changed.version() <= previous.version()) {
            return null;
        }
        String section = sections.canonical(changed.section()).orElse(changed.section());
        ArticleChanged current = new ArticleChanged(changed.articleId(), changed.title(), section, changed.published(),
                changed.publishedAt(), changed.editorPick(), changed.editorPickedAt(), changed.version());
        articles.put(current.articleId(), current);
        for (int l = 0; l < kinds.size(); l++) {
            ListKind kind = kinds.get(l);
            if (previous != null && !previous.section().equals(current.section())) {
                toLists(kind, previous.section(), false, ListUpdate.remove(current.articleId()));
            }
            toLists(kind, current.section(), true, current.published() ? ListUpdate.upsert(candidate(current, l, 0))
                    : ListUpdate.remove(current.articleId()));
        }
        return null;
    }

    /** {@code pendingAt}: the oldest activity this emission is the first to reflect (0: none). */
    private Candidate candidate(ArticleChanged article, int list, long pendingAt) {
        Flow.Counts known = counts.get(article.articleId());
        long[] listCounts = known == null ? new long[kinds.get(list).measures().size()] : known.counts()[list];
        return new Candidate(article.articleId(), article.title(), article.section(), article.publishedAt(),
                article.editorPick(), article.editorPickedAt(), listCounts, pendingAt);
    }

    private void toLists(ListKind kind, String section, boolean andAll, ListUpdate update) {
        forward(ListKey.of(kind, section), update);
        if (andAll) {
            forward(ListKey.of(kind, ListKey.ALL), update);
        }
    }

    private void announce(long now) {
        List<String> keys = new ArrayList<>(sections.sections());
        keys.add(ListKey.ALL);
        timestamp = now;
        for (ListKind kind : kinds) {
            for (String section : keys) {
                forward(ListKey.of(kind, section), ListUpdate.touch());
            }
        }
        announcement.cancel();
    }

    private static boolean isZero(long[][] counts) {
        for (long[] list : counts) {
            for (long count : list) {
                if (count != 0) {
                    return false;
                }
            }
        }
        return true;
    }

    private void forward(ListKey key, ListUpdate update) {
        context.forward(new Record<>(key.value(), update, timestamp, new RecordHeaders()));
    }
}
