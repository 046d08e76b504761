package news.ranking.topology;

import java.util.Map;
import java.util.function.Consumer;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.internals.CacheFlushListener;
import org.apache.kafka.streams.state.internals.CachedStateStore;

/**
 * A state store whose live state is its owner's objects on the heap, written to disk and to the changelog as batches
 * at every commit instead of one record per change: the owner's state that needs a durable key per view (the reader
 * log) or changes with every view (the buckets) costs a hash-map operation per view, and a few large records per
 * commit.
 * <p>
 * It takes part in commits the way Kafka Streams' own record cache does (it is a {@link CachedStateStore}): before
 * every commit of its task, the owner's {@link #beforeCommit} writer puts its pending batch into the RocksDB store
 * underneath, whose changelog records then go out in the same transaction as the input offsets. So what the committed
 * offsets say was processed is always in the committed changelog, and a crash loses nothing and repeats nothing. When
 * the task starts, the owner reads everything back ({@link #all}) and rebuilds its objects. {@code CachedStateStore} is
 * an internal interface of Kafka Streams: {@code CountsStayExactAcrossACrashTest} fails if a new version stops calling
 * it before commits.
 */
final class CommitStore implements StateStore, CachedStateStore<Bytes, byte[]> {

    private final KeyValueStore<Bytes, byte[]> disk;
    private Runnable beforeCommit = () -> {
    };

    private CommitStore(KeyValueStore<Bytes, byte[]> disk) {
        this.disk = disk;
    }

    /** The owner's writer of its pending batch, run before every commit of the task. */
    void beforeCommit(Runnable writer) {
        this.beforeCommit = writer;
    }

    void put(Bytes key, byte[] value) {
        disk.put(key, value);
    }

    void delete(Bytes key) {
        disk.delete(key);
    }

    /** Every record, in key order, to rebuild the owner's state from. */
    void forEach(Consumer<org.apache.kafka.streams.KeyValue<Bytes, byte[]>> action) {
        try (KeyValueIterator<Bytes, byte[]> all = disk.all()) {
            all.forEachRemaining(action);
        }
    }

    /** The records from {@code from} to {@code to}, both inclusive, in key order. */
    void forEachInRange(Bytes from, Bytes to, Consumer<org.apache.kafka.streams.KeyValue<Bytes, byte[]>> action) {
        try (KeyValueIterator<Bytes, byte[]> range = disk.range(from, to)) {
            range.forEachRemaining(action);
        }
    }

    @Override
    public void flushCache() {
        beforeCommit.run();
    }

    @Override
    public void clearCache() {
        // the owner's pending batch dies with its processor when a task is closed without a commit
    }

    @Override
    public boolean setFlushListener(CacheFlushListener<Bytes, byte[]> listener, boolean sendOldValues) {
        return false;
    }

    @Override
    public String name() {
        return disk.name();
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        disk.init(context, root);
    }

    @Override
    public void flush() {
        disk.flush();
    }

    @Override
    public void close() {
        disk.close();
    }

    @Override
    public boolean persistent() {
        return disk.persistent();
    }

    @Override
    public boolean isOpen() {
        return disk.isOpen();
    }

    /** A RocksDB key-value store with a changelog under {@code name}, wrapped. */
    static StoreBuilder<CommitStore> builder(String name) {
        return new Builder(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.Bytes(),
                Serdes.ByteArray()).withCachingDisabled());
    }

    private static final class Builder implements StoreBuilder<CommitStore> {

        private StoreBuilder<KeyValueStore<Bytes, byte[]>> disk;

        Builder(StoreBuilder<KeyValueStore<Bytes, byte[]>> disk) {
            this.disk = disk;
        }

        @Override
        public StoreBuilder<CommitStore> withCachingEnabled() {
            throw new UnsupportedOperationException("a commit store is its own cache");
        }

        @Override
        public StoreBuilder<CommitStore> withCachingDisabled() {
            return this;
        }

        @Override
        public StoreBuilder<CommitStore> withLoggingEnabled(Map<String, String> config) {
            disk = disk.withLoggingEnabled(config);
            return this;
        }

        @Override
        public StoreBuilder<CommitStore> withLoggingDisabled() {
            throw new UnsupportedOperationException("a commit store's state lives in its changelog");
        }

        @Override
        public CommitStore build() {
            return new CommitStore(disk.build());
        }

        @Override
        public Map<String, String> logConfig() {
            return disk.logConfig();
        }

        @Override
        public boolean loggingEnabled() {
            return disk.loggingEnabled();
        }

        @Override
        public String name() {
            return disk.name();
        }
    }
}
