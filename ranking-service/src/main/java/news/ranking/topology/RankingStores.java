package news.ranking.topology;

import java.time.Duration;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

import news.ranking.RankingProperties;
import news.ranking.events.InboundEvent.ArticleChanged;
import news.ranking.rules.Candidate;

/**
 * The state stores, named once. Every store has a changelog topic ({@code <application.id>-<name>-changelog}), so
 * state survives a crash and moves with its task to another instance.
 */
public final class RankingStores {

    /** Latest snapshot (highest version) of every article, by article id. Per-article stage. */
    public static final String ARTICLES = "ranking-articles";
    /** Running counts of every article with activity in a window, by article id. Per-article stage. */
    public static final String COUNTERS = "ranking-counters";
    /** Counts per article and time bucket, in time order; expired buckets are subtracted and deleted. */
    public static final String BUCKETS = "ranking-buckets";
    /** Counted views by {@code articleId|readerHash} at their event time: the repeat-view rule and view dedupe. */
    public static final String READER_LOG = "ranking-reader-log";
    /** Shares by {@code s:ce_id} and comments by {@code c:commentId} at their event time: dedupe and removals. */
    public static final String ACTIVITY_LOG = "ranking-activity-log";
    /** The newest view time seen on the partition, against which lateness is measured. */
    public static final String VIEW_CLOCK = "ranking-view-clock";
    /** Candidates of every list key, by {@code listKey|articleId}. List stage, held in memory. */
    public static final String CANDIDATES = "ranking-candidates";
    /** The computed lists by list key: what the query API answers (interactive queries). */
    public static final String LISTS = "ranking-lists";

    private static final Duration ONE_MILLI = Duration.ofMillis(1);

    private RankingStores() {
    }

    static StoreBuilder<KeyValueStore<String, ArticleChanged>> articles() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ARTICLES), Serdes.String(),
                RankingSerdes.ARTICLE).withCachingEnabled();
    }

    static StoreBuilder<KeyValueStore<String, Counters>> counters() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(COUNTERS), Serdes.String(),
                RankingSerdes.COUNTERS).withCachingEnabled();
    }

    static StoreBuilder<KeyValueStore<Bytes, BucketCounts>> buckets() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(BUCKETS), Serdes.Bytes(),
                RankingSerdes.BUCKET).withCachingEnabled();
    }

    /**
     * Not cached: nearly every key is written once (one reader, one article, one counted view), so the record cache
     * absorbs no repeated writes, and its sorted map made every look-up a range scan of the cache plus the store and
     * every commit a flush of all new keys (a fifth of the stream thread's time in a profile of benchmark (a)).
     */
    static StoreBuilder<WindowStore<String, byte[]>> readerLog(RankingProperties.PopularNow popularNow) {
        return Stores.windowStoreBuilder(Stores.persistentWindowStore(READER_LOG, popularNow.readerLogRetention(),
                ONE_MILLI, false), Serdes.String(), Serdes.ByteArray()).withCachingDisabled();
    }

    static StoreBuilder<WindowStore<String, byte[]>> activityLog(RankingProperties.MustReads mustReads) {
        return Stores.windowStoreBuilder(Stores.persistentWindowStore(ACTIVITY_LOG, mustReads.dedupeRetention(),
                ONE_MILLI, false), Serdes.String(), Serdes.ByteArray()).withCachingEnabled();
    }

    static StoreBuilder<KeyValueStore<String, Long>> viewClock() {
        return Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(VIEW_CLOCK), Serdes.String(), Serdes.Long())
                .withCachingEnabled();
    }

    static StoreBuilder<KeyValueStore<String, Candidate>> candidates() {
        return Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(CANDIDATES), Serdes.String(),
                RankingSerdes.CANDIDATE);
    }

    static StoreBuilder<KeyValueStore<String, StoredList>> lists() {
        return Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(LISTS), Serdes.String(),
                RankingSerdes.STORED_LIST);
    }
}
