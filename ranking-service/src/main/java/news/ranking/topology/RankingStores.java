package news.ranking.topology;

import java.time.Duration;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

import news.ranking.events.InboundEvent.ArticleChanged;
import news.ranking.rules.Candidate;

/**
 * The state stores, named once. Every store has a changelog topic ({@code <application.id>-<name>-changelog}), so
 * state survives a crash and moves with its task to another instance; every value starts with its format version
 * ({@link StateFormat}).
 */
public final class RankingStores {

    /** Latest snapshot (highest version) of every article, by article id: the fan-out stage. */
    public static final String ARTICLES = "ranking-articles";
    /** The buckets of every list, by list, bucket start and chunk of articles: the counting stage ({@link Buckets}). */
    public static final String BUCKETS = "ranking-buckets";
    /** Counted activity per measure counted once per reader, in batches: reader de-duplication ({@link ReaderLog}). */
    public static final String READER_LOG = "ranking-reader-log";
    /** Shares by {@code s:ce_id} and comments by {@code c:commentId} at their event time: de-duplication by id. */
    public static final String ACTIVITY_LOG = "ranking-activity-log";
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

    static StoreBuilder<CommitStore> buckets() {
        return CommitStore.builder(BUCKETS);
    }

    static StoreBuilder<CommitStore> readerLog() {
        return CommitStore.builder(READER_LOG);
    }

    static StoreBuilder<WindowStore<String, byte[]>> activityLog(Duration dedupeRetention) {
        return Stores.windowStoreBuilder(Stores.persistentWindowStore(ACTIVITY_LOG, dedupeRetention, ONE_MILLI, false),
                Serdes.String(), Serdes.ByteArray()).withCachingEnabled();
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
