package news.ranking.topology;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import news.kit.Sections;
import news.kit.cloudevents.CloudEventHeaders;
import news.ranking.RankingProperties;
import news.ranking.RankingTopics;
import news.ranking.events.EventReader;
import news.ranking.events.InboundEvent;
import news.ranking.events.InboundEvent.ArticleChanged;
import news.ranking.events.InboundEvent.ArticleShared;
import news.ranking.events.InboundEvent.ArticleViewed;
import news.ranking.events.InboundEvent.CommentPosted;
import news.ranking.events.InboundEvent.CommentRemoved;
import news.ranking.events.Read;
import news.ranking.events.Unreadable;
import news.ranking.rules.Candidate;
import news.ranking.rules.ListKey;
import news.ranking.rules.ListKind;
import news.ranking.rules.Times;
import news.ranking.topology.BucketKey.Window;
import news.ranking.topology.Counters.Activity;

/**
 * Stage 1, one instance per input partition (all of an article's events meet here): reads each record, sends what
 * cannot be read to its dead-letter topic, and keeps per article its latest snapshot and its counts in time buckets.
 * <ul>
 *   <li>A human view counts when the same reader has no counted view of the article within the repeat interval
 *       around it (so the reader's last <em>counted</em> view is what the interval is measured from); bots never
 *       count. A redelivered view meets its own first delivery in that log and never counts twice. The log is only
 *       looked up when its {@link ReaderFilter} says it may hold the reader's key near that time.</li>
 *   <li>A view older than the newest view of the partition by more than window + grace is late: dropped, counted.</li>
 *   <li>Shares are deduplicated by {@code ce_id}, comments by {@code commentId}; a removed comment leaves the bucket it
 *       was counted in.</li>
 *   <li>Every emit interval (wall clock) buckets that left their window are subtracted, and every article whose
 *       counts changed is sent to its four list keys. Article changes are sent at once, so an unpublished article
 *       leaves its lists with the next computation.</li>
 * </ul>
 */
final class ActivityProcessor implements Processor<byte[], byte[], String, ActivityOutput> {

    private static final Logger log = LoggerFactory.getLogger(ActivityProcessor.class);
    private static final byte[] SEEN = {1};
    private static final String CLOCK_KEY = "views";
    private static final long DEAD_LETTER_LOG_INTERVAL_MS = 10_000;

    private final EventReader reader;
    private final RankingMetrics metrics;
    private final RecordTracing tracing;
    private final Sections sections;
    private final String consumer;
    private final RankingProperties properties;
    private final long popularNowWindow;
    private final long popularNowBucket;
    private final long repeatInterval;
    private final long readerLogRetention;
    private final long lateAfter;
    private final long mustReadsWindow;
    private final long mustReadsBucket;
    private final long dedupeRetention;
    private final long maxClockSkew;

    private ProcessorContext<String, ActivityOutput> context;
    private KeyValueStore<String, ArticleChanged> articles;
    private KeyValueStore<String, Counters> counters;
    private KeyValueStore<Bytes, BucketCounts> buckets;
    private WindowStore<String, byte[]> readerLog;
    private ReaderFilter readerFilter;
    private WindowStore<String, byte[]> activityLog;
    private KeyValueStore<String, Long> viewClockStore;
    private final Set<String> dirty = new HashSet<>();
    private long viewClock = Long.MIN_VALUE;
    private boolean touched;
    private long deadLettersSinceLog;
    private long lastDeadLetterLog;

    ActivityProcessor(RankingProperties properties, EventReader reader, RankingMetrics metrics, RecordTracing tracing,
                      Sections sections) {
        this.properties = properties;
        this.reader = reader;
        this.metrics = metrics;
        this.tracing = tracing;
        this.sections = sections;
        this.consumer = properties.consumer();
        this.popularNowWindow = properties.popularNow().window().toMillis();
        this.popularNowBucket = properties.popularNow().bucket().toMillis();
        this.repeatInterval = properties.popularNow().repeatViewInterval().toMillis();
        this.readerLogRetention = properties.popularNow().readerLogRetention().toMillis();
        this.lateAfter = properties.popularNow().lateAfter().toMillis();
        this.mustReadsWindow = properties.mustReads().window().toMillis();
        this.mustReadsBucket = properties.mustReads().bucket().toMillis();
        this.dedupeRetention = properties.mustReads().dedupeRetention().toMillis();
        this.maxClockSkew = properties.events().maxClockSkew().toMillis();
    }

    @Override
    public void init(ProcessorContext<String, ActivityOutput> context) {
        this.context = context;
        articles = context.getStateStore(RankingStores.ARTICLES);
        counters = context.getStateStore(RankingStores.COUNTERS);
        buckets = context.getStateStore(RankingStores.BUCKETS);
        readerLog = context.getStateStore(RankingStores.READER_LOG);
        activityLog = context.getStateStore(RankingStores.ACTIVITY_LOG);
        viewClockStore = context.getStateStore(RankingStores.VIEW_CLOCK);
        Long clock = viewClockStore.get(CLOCK_KEY);
        viewClock = clock == null ? Long.MIN_VALUE : clock;
        // After a restart or a move, what was emitted last is not known: emit every article with counts once more.
        try (KeyValueIterator<String, Counters> all = counters.all()) {
            all.forEachRemaining(entry -> dirty.add(entry.key));
        }
        readerFilter = new ReaderFilter(repeatInterval);
        try (KeyValueIterator<Windowed<String>, byte[]> all = readerLog.all()) {
            all.forEachRemaining(entry -> readerFilter.put(entry.key.key(), entry.key.window().start()));
        }
        context.schedule(properties.emitInterval(), PunctuationType.WALL_CLOCK_TIME, this::tick);
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        RecordMetadata where = context.recordMetadata().orElseThrow();
        tracing.process(record.headers(), where.topic(), where.partition(), where.offset(),
                () -> process(record, where));
    }

    private void process(Record<byte[], byte[]> record, RecordMetadata where) {
        metrics.consumed(where.topic());
        Read read = reader.read(where.topic(), record.key(), record.value(), record.headers());
        if (!read.ok()) {
            deadLetter(record, where, read.unreadable());
            return;
        }
        long now = context.currentSystemTimeMs();
        InboundEvent event = read.event();
        Unreadable future = inTheFuture(event, now);
        if (future != null) {
            deadLetter(record, where, future);
        } else if (event instanceof ArticleChanged article) {
            onArticle(article, record.timestamp());
        } else if (event instanceof ArticleViewed view) {
            onView(view, now);
        } else if (event instanceof ArticleShared share) {
            onShare(share, now);
        } else if (event instanceof CommentPosted comment) {
            onCommentPosted(comment, now);
        } else if (event instanceof CommentRemoved removal) {
            onCommentRemoved(removal);
        }
    }

    private void onArticle(ArticleChanged changed, long timestamp) {
        ArticleChanged previous = articles.get(changed.articleId());
        if (previous != null && changed.version() <= previous.version()) {
            return;
        }
        String section = sections.canonical(changed.section()).orElse(changed.section());
        ArticleChanged current = new ArticleChanged(changed.articleId(), changed.title(), section, changed.published(),
                changed.publishedAt(), changed.editorPick(), changed.editorPickedAt(), changed.version());
        articles.put(current.articleId(), current);
        if (previous != null && !previous.section().equals(current.section())) {
            forwardToLists(current.articleId(), previous.section(), false, ListUpdate.remove(current.articleId()),
                    timestamp);
        }
        if (current.published()) {
            emit(current, timestamp);
        } else {
            forwardToLists(current.articleId(), current.section(), true, ListUpdate.remove(current.articleId()),
                    timestamp);
        }
        dirty.remove(current.articleId());
    }

    private void onView(ArticleViewed view, long now) {
        if (view.bot()) {
            return;
        }
        if (viewClock != Long.MIN_VALUE && view.viewedAt() < viewClock - lateAfter) {
            metrics.lateView();
            return;
        }
        if (view.viewedAt() > viewClock) {
            viewClock = view.viewedAt();
            viewClockStore.put(CLOCK_KEY, viewClock);
        }
        String reader = view.articleId() + "|" + view.readerHash();
        long from = view.viewedAt() - repeatInterval + 1;
        long to = view.viewedAt() + repeatInterval - 1;
        if (readerFilter.mightContain(reader, from, to)) {
            try (WindowStoreIterator<byte[]> near = readerLog.fetch(reader, from, to)) {
                if (near.hasNext()) {
                    return;
                }
            }
        }
        readerLog.put(reader, SEEN, view.viewedAt());
        readerFilter.put(reader, view.viewedAt());
        count(view.articleId(), Activity.VIEW, view.viewedAt(), now);
    }

    private void onShare(ArticleShared share, long now) {
        String key = "s:" + share.ceId();
        if (!seen(key, share.sharedAt()) && count(share.articleId(), Activity.SHARE, share.sharedAt(), now)) {
            activityLog.put(key, SEEN, share.sharedAt());
        }
    }

    private void onCommentPosted(CommentPosted comment, long now) {
        String key = "c:" + comment.commentId();
        if (!seen(key, comment.postedAt()) && count(comment.articleId(), Activity.COMMENT, comment.postedAt(), now)) {
            activityLog.put(key, SEEN, comment.postedAt());
        }
    }

    private void onCommentRemoved(CommentRemoved removal) {
        String key = "c:" + removal.commentId();
        List<Long> postedAt = new ArrayList<>(1);
        try (WindowStoreIterator<byte[]> found = activityLog.fetch(key, removal.removedAt() - dedupeRetention,
                removal.removedAt() + maxClockSkew)) {
            found.forEachRemaining(entry -> postedAt.add(entry.key));
        }
        for (long time : postedAt) {
            activityLog.put(key, null, time);
            Bytes bucketKey = new BucketKey(Window.MUST_READS, bucketStart(time, mustReadsBucket),
                    removal.articleId()).bytes();
            BucketCounts bucket = buckets.get(bucketKey);
            if (bucket != null && bucket.comments() > 0) {
                saveBucket(bucketKey, bucket.plus(Activity.COMMENT, -1));
                Counters current = counters.get(removal.articleId());
                if (current != null) {
                    saveCounters(removal.articleId(), current.minus(BucketCounts.ZERO, new BucketCounts(0, 1, 0)));
                }
                dirty.add(removal.articleId());
            }
        }
    }

    /**
     * Adds one view, share or comment to the buckets of the windows it still falls in (by wall clock) and to the
     * article's counts. Returns whether it counts for Must-Reads.
     */
    private boolean count(String articleId, Activity activity, long eventTime, long now) {
        long popularNow = 0;
        if (activity == Activity.VIEW) {
            long start = bucketStart(eventTime, popularNowBucket);
            if (start >= bucketStart(now, popularNowBucket) - popularNowWindow) {
                addToBucket(new BucketKey(Window.POPULAR_NOW, start, articleId), activity);
                popularNow = 1;
            }
        }
        long mustReads = 0;
        long start = bucketStart(eventTime, mustReadsBucket);
        if (start >= bucketStart(now, mustReadsBucket) - mustReadsWindow) {
            addToBucket(new BucketKey(Window.MUST_READS, start, articleId), activity);
            mustReads = 1;
        }
        if (popularNow == 0 && mustReads == 0) {
            return false;
        }
        Counters current = counters.get(articleId);
        Counters next = (current == null ? Counters.ZERO : current).plus(activity, popularNow, mustReads);
        saveCounters(articleId, popularNow == 1 ? next.withPendingView(eventTime) : next);
        dirty.add(articleId);
        return mustReads == 1;
    }

    private void tick(long now) {
        if (!touched) {
            touchConfiguredLists(now);
            touched = true;
        }
        expire(now);
        if (viewClock != Long.MIN_VALUE) {
            readerFilter.forgetBefore(viewClock - readerLogRetention);
        }
        for (String articleId : dirty) {
            ArticleChanged article = articles.get(articleId);
            if (article != null && article.published()) {
                emit(article, now);
            }
        }
        dirty.clear();
    }

    /** Subtracts and deletes the buckets that left their window as of {@code now}. */
    private void expire(long now) {
        Map<String, BucketCounts[]> expired = new HashMap<>();
        collectExpired(Window.POPULAR_NOW, bucketStart(now, popularNowBucket) - popularNowWindow, expired, 0);
        collectExpired(Window.MUST_READS, bucketStart(now, mustReadsBucket) - mustReadsWindow, expired, 1);
        expired.forEach((articleId, gone) -> {
            Counters current = counters.get(articleId);
            if (current != null) {
                saveCounters(articleId, current.minus(gone[0], gone[1]));
                dirty.add(articleId);
            }
        });
    }

    private void collectExpired(Window window, long cutoff, Map<String, BucketCounts[]> expired, int slot) {
        List<KeyValue<Bytes, BucketCounts>> gone = new ArrayList<>();
        try (KeyValueIterator<Bytes, BucketCounts> range = buckets.range(BucketKey.first(window),
                BucketKey.before(window, cutoff))) {
            range.forEachRemaining(gone::add);
        }
        for (KeyValue<Bytes, BucketCounts> bucket : gone) {
            buckets.delete(bucket.key);
            BucketCounts[] sums = expired.computeIfAbsent(BucketKey.of(bucket.key).articleId(),
                    id -> new BucketCounts[] {BucketCounts.ZERO, BucketCounts.ZERO});
            sums[slot] = sums[slot].add(bucket.value);
        }
    }

    /** Sends a published article with its current counts to its four list keys. */
    private void emit(ArticleChanged article, long timestamp) {
        Counters current = counters.get(article.articleId());
        Counters counts = current == null ? Counters.ZERO : current;
        Candidate candidate = new Candidate(article.articleId(), article.title(), article.section(),
                article.publishedAt(), article.editorPick(), article.editorPickedAt(), counts.popularNowViews(),
                counts.views(), counts.comments(), counts.shares(), counts.pendingViewAt());
        forwardToLists(article.articleId(), article.section(), true, ListUpdate.upsert(candidate), timestamp);
        if (counts.pendingViewAt() != 0) {
            saveCounters(article.articleId(), counts.emitted());
        }
    }

    private void forwardToLists(String articleId, String section, boolean andAll, ListUpdate update, long timestamp) {
        for (ListKind kind : ListKind.values()) {
            forward(ListKey.of(kind, section), update, timestamp);
            if (andAll) {
                forward(ListKey.of(kind, ListKey.ALL), update, timestamp);
            }
        }
    }

    private void touchConfiguredLists(long timestamp) {
        List<String> keys = new ArrayList<>(sections.sections());
        keys.add(ListKey.ALL);
        for (ListKind kind : ListKind.values()) {
            for (String section : keys) {
                forward(ListKey.of(kind, section), ListUpdate.touch(), timestamp);
            }
        }
    }

    private void forward(ListKey key, ListUpdate update, long timestamp) {
        context.forward(new Record<>(key.value(), update, timestamp, new RecordHeaders()));
    }

    private boolean seen(String key, long time) {
        try (WindowStoreIterator<byte[]> found = activityLog.fetch(key, time, time)) {
            return found.hasNext();
        }
    }

    private void addToBucket(BucketKey key, Activity activity) {
        Bytes bytes = key.bytes();
        BucketCounts current = buckets.get(bytes);
        saveBucket(bytes, (current == null ? BucketCounts.ZERO : current).plus(activity, 1));
    }

    private void saveBucket(Bytes key, BucketCounts counts) {
        if (counts.isEmpty()) {
            buckets.delete(key);
        } else {
            buckets.put(key, counts);
        }
    }

    private void saveCounters(String articleId, Counters next) {
        if (next.isEmpty()) {
            counters.delete(articleId);
        } else {
            counters.put(articleId, next);
        }
    }

    private Unreadable inTheFuture(InboundEvent event, long now) {
        String field;
        long time;
        if (event instanceof ArticleViewed view) {
            field = "viewedAt";
            time = view.viewedAt();
        } else if (event instanceof ArticleShared share) {
            field = "sharedAt";
            time = share.sharedAt();
        } else if (event instanceof CommentPosted comment) {
            field = "postedAt";
            time = comment.postedAt();
        } else {
            return null;
        }
        if (time <= now + maxClockSkew) {
            return null;
        }
        return new Unreadable(Unreadable.Category.FUTURE_TIME, "$." + field + ": lies " + (time - now) / 1000
                + " s in the future, more than the allowed clock skew of " + properties.events().maxClockSkew());
    }

    private void deadLetter(Record<byte[], byte[]> record, RecordMetadata where, Unreadable unreadable) {
        Headers headers = new RecordHeaders(record.headers().toArray());
        CloudEventHeaders.put(headers, CloudEventHeaders.DLQ_REASON, unreadable.reason());
        CloudEventHeaders.put(headers, CloudEventHeaders.DLQ_ORIGINAL_TOPIC, where.topic());
        CloudEventHeaders.put(headers, CloudEventHeaders.DLQ_ORIGINAL_PARTITION, Integer.toString(where.partition()));
        CloudEventHeaders.put(headers, CloudEventHeaders.DLQ_ORIGINAL_OFFSET, Long.toString(where.offset()));
        CloudEventHeaders.put(headers, CloudEventHeaders.DLQ_CONSUMER, consumer);
        context.forward(new Record<>(null, new DeadLetter(where.topic(), where.partition(), record.key(),
                record.value()), record.timestamp(), headers));
        metrics.deadLettered(where.topic(), unreadable.category().tag());
        deadLettersSinceLog++;
        long now = System.currentTimeMillis();
        if (now - lastDeadLetterLog >= DEAD_LETTER_LOG_INTERVAL_MS) {
            log.warn("Sent {} unreadable record(s) to dead-letter topics; latest {}-{}@{} to {}: {}",
                    deadLettersSinceLog, where.topic(), where.partition(), where.offset(),
                    RankingTopics.deadLetterTopic(where.topic()), unreadable.reason());
            deadLettersSinceLog = 0;
            lastDeadLetterLog = now;
        }
    }

    private static long bucketStart(long time, long bucket) {
        return Times.floor(time, bucket);
    }
}
