package news.ranking.topology;

import java.util.Map;

import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * One block cache and one memtable budget for every RocksDB store of the JVM (Kafka Streams' bounded-memory recipe).
 * The per-article stage has several stores per task, and window stores one RocksDB per segment: left at RocksDB's
 * defaults each would take its own cache and memtables, and the service's off-heap memory would grow with the
 * partition count. Size: {@code news.ranking.rocksdb.memory-bytes} in the Streams configuration (default 64 MiB, a
 * quarter of it for memtables).
 */
public final class BoundedMemoryRocksDbConfig implements RocksDBConfigSetter {

    public static final String MEMORY_BYTES = "news.ranking.rocksdb.memory-bytes";
    private static final long DEFAULT_MEMORY_BYTES = 64L * 1024 * 1024;

    private static Cache cache;
    private static WriteBufferManager writeBufferManager;

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(shared(configs));
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setWriteBufferManager(writeBufferManager);
        options.setMaxWriteBufferNumber(2);
        options.setWriteBufferSize(4L * 1024 * 1024);
        options.setTableFormatConfig(table);
    }

    @Override
    public void close(String storeName, Options options) {
        // the cache and the write buffer manager are shared by every store and live as long as the JVM
    }

    private static synchronized Cache shared(Map<String, Object> configs) {
        if (cache == null) {
            Object configured = configs.get(MEMORY_BYTES);
            long bytes = configured == null ? DEFAULT_MEMORY_BYTES : Long.parseLong(configured.toString());
            cache = new LRUCache(bytes, -1, false, 0.1);
            writeBufferManager = new WriteBufferManager(bytes / 4, cache);
        }
        return cache;
    }
}
