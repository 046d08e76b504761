package news.ranking.topology;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import news.kit.cloudevents.CloudEventHeaders;
import news.ranking.RankingProperties;
import news.ranking.rules.Candidate;
import news.ranking.rules.ListCandidates;
import news.ranking.rules.ListKey;
import news.ranking.rules.ListKind;
import news.ranking.rules.ListKinds;
import news.ranking.rules.RankedList;
import news.ranking.rules.Times;
import news.contracts.ContractNames;

/**
 * Stage 2, one instance per partition of the list-update topic (a list key always lands on the same one): keeps the
 * candidates of its list keys, recomputes a list when its candidates changed (a list whose score ages also every
 * recompute interval of its kind; with no updates the stage looks at the clock only then, {@link Pace}), stores it
 * where the query API reads it, and publishes it to {@code news.rankings} when its entries changed, at most once per
 * publish interval per key.
 */
final class ListProcessor implements Processor<String, ListUpdate, String, byte[]> {

    static final String TYPE = ContractNames.RANKING_UPDATED;
    static final String DATA_SCHEMA = ContractNames.DATA_SCHEMAS.get(TYPE);

    private final RankingProperties properties;
    private final ListKinds kinds;
    private final RankingMetrics metrics;
    private final String topic;
    private final String freshnessKey;
    private final long publishInterval;
    private final long alignment;

    private ProcessorContext<String, byte[]> context;
    private KeyValueStore<String, Candidate> candidates;
    private KeyValueStore<String, StoredList> lists;
    private final Map<String, ListCandidates> index = new HashMap<>();
    private final Set<String> dirty = new HashSet<>();
    private final Map<String, Long> lastComputed = new HashMap<>();
    private final List<Long> pendingViews = new ArrayList<>();
    private Pace pace;

    ListProcessor(RankingProperties properties, ListKinds kinds, RankingMetrics metrics, String topic) {
        this.properties = properties;
        this.kinds = kinds;
        this.metrics = metrics;
        this.topic = topic;
        this.freshnessKey = properties.freshnessList() == null ? null
                : properties.freshnessList() + "|" + ListKey.ALL;
        this.publishInterval = properties.publishInterval().toMillis();
        this.alignment = kinds.all().stream().mapToLong(kind -> kind.bucket().toMillis()).min().orElse(1000);
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
        candidates = context.getStateStore(RankingStores.CANDIDATES);
        lists = context.getStateStore(RankingStores.LISTS);
        try (KeyValueIterator<String, Candidate> all = candidates.all()) {
            all.forEachRemaining(entry -> {
                String listKey = entry.key.substring(0, entry.key.lastIndexOf('|'));
                kinds.parse(listKey).ifPresent(key -> candidatesOf(key).upsert(entry.value));
            });
        }
        try (KeyValueIterator<String, StoredList> all = lists.all()) {
            all.forEachRemaining(entry -> kinds.parse(entry.key).ifPresent(this::candidatesOf));
        }
        dirty.addAll(index.keySet());
        // half an interval after the counting stage emits: its counts have been committed and fetched by then
        pace = new Pace(context, properties.emitInterval(), properties.emitInterval().dividedBy(2), this::tick);
    }

    @Override
    public void process(Record<String, ListUpdate> record) {
        pace.touched();
        ListKey key = kinds.parse(record.key()).orElse(null);
        ListUpdate update = record.value();
        if (key == null || update == null) {
            return;
        }
        ListCandidates list = candidatesOf(key);
        if (!update.onlyTouches()) {
            String storeKey = key.value() + "|" + update.articleId();
            Candidate candidate = update.candidate();
            if (candidate == null) {
                candidates.delete(storeKey);
                list.remove(update.articleId());
            } else {
                candidates.put(storeKey, candidate);
                list.upsert(candidate);
                if (candidate.pendingAt() != 0 && key.value().equals(freshnessKey)) {
                    pendingViews.add(candidate.pendingAt());
                }
            }
        }
        dirty.add(key.value());
    }

    /**
     * Recomputes and publishes what is due; the next look is due when a held-back publication or an ageing list's
     * recomputation is.
     */
    private long tick(long now) {
        long computedAt = Times.floor(now, alignment);
        long next = Long.MAX_VALUE;
        for (ListCandidates list : index.values()) {
            String key = list.key().value();
            StoredList stored = lists.get(key);
            ListKind kind = list.key().kind();
            boolean due = dirty.contains(key) || stored == null || kind.ages()
                    && now - lastComputed.getOrDefault(key, Long.MIN_VALUE / 2) >= kind.recomputeInterval().toMillis();
            if (due) {
                RankedList ranked = list.rank(properties.maxListSize(), computedAt);
                stored = stored == null ? new StoredList(ranked, false, 0) : stored.recomputed(ranked);
                lists.put(key, stored);
                lastComputed.put(key, now);
                dirty.remove(key);
                if (key.equals(freshnessKey)) {
                    pendingViews.forEach(viewedAt -> metrics.freshness(now - viewedAt));
                    pendingViews.clear();
                }
            }
            if (!stored.published()) {
                if (now - stored.publishedAt() >= publishInterval) {
                    publish(key, stored.list(), now);
                    lists.put(key, stored.publishedAt(now));
                } else {
                    next = Math.min(next, stored.publishedAt() + publishInterval);
                }
            }
            if (kind.ages()) {
                next = Math.min(next, lastComputed.get(key) + kind.recomputeInterval().toMillis());
            }
        }
        return next;
    }

    private void publish(String key, RankedList list, long now) {
        byte[] payload = RankingSerdes.JSON.writeValueAsBytes(list);
        Headers headers = new RecordHeaders();
        CloudEventHeaders.put(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        CloudEventHeaders.put(headers, CloudEventHeaders.ID, eventId(key, payload));
        CloudEventHeaders.put(headers, CloudEventHeaders.TYPE, TYPE);
        CloudEventHeaders.put(headers, CloudEventHeaders.SOURCE, properties.source());
        CloudEventHeaders.put(headers, CloudEventHeaders.TIME, list.computedAt());
        CloudEventHeaders.put(headers, CloudEventHeaders.SUBJECT, key);
        CloudEventHeaders.put(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.APPLICATION_JSON);
        CloudEventHeaders.put(headers, CloudEventHeaders.DATA_SCHEMA, DATA_SCHEMA);
        context.forward(new Record<>(key, payload, now, headers));
        metrics.published(list.list());
        metrics.publishedEvent(topic, TYPE);
    }

    /**
     * The same list content gets the same id: a publication repeated after a crash is recognisably the same event,
     * and two different contents never share one.
     */
    private static String eventId(String key, byte[] payload) {
        byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
        return UUID.nameUUIDFromBytes(ByteBuffer.allocate(keyBytes.length + 1 + payload.length)
                .put(keyBytes).put((byte) 0).put(payload).array()).toString();
    }

    private ListCandidates candidatesOf(ListKey key) {
        return index.computeIfAbsent(key.value(), k -> new ListCandidates(key));
    }
}
