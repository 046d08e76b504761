package news.ranking.topology;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import org.apache.kafka.common.utils.Bytes;

import news.ranking.rules.Measure;
import news.ranking.rules.ReaderRepeat;
import news.ranking.rules.Times;

/**
 * The counted activity of every reader, per measure counted once per reader (views: within 30 minutes; shares for
 * Must-Reads: in the same UTC day), in segments of that interval on the heap ({@link ReaderTable}; aligned to the epoch,
 * so a one-day segment is a UTC day); and the newest activity time of the measure on the partition, against which
 * lateness is measured. New entries are written to the {@link CommitStore} as one batch per measure and segment
 * at every commit, and read back whole when the task starts. A segment is forgotten, on the heap and on disk, once no
 * activity that is not late can look into it.
 * <p>
 * Record key: {@code [measure name length][measure name][segment start, 8 bytes][batch sequence, 8 bytes]}. Value,
 * format {@link StateFormat#CURRENT}: {@code [format][clock, 8 bytes][article count, 4][per article: number 4, id
 * length 1, id][entry count, 4][per entry: article number 4, reader hash 32, time 8]}.
 */
final class ReaderLog {

    /** Entries per record: a batch of a busy second is split into records of at most ~180 KB. */
    static final int ENTRIES_PER_RECORD = 4096;
    private static final int ENTRY_BYTES = 4 + 32 + 8;

    enum Verdict { COUNTED, REPEAT, LATE }

    private final String storeName;
    private final CommitStore store;
    private final ArticleIds articles = new ArticleIds();
    private final PerMeasure[] measures;
    private long sequence;

    /** {@code measures}: the measures counted once per reader, by the index the stage uses for them. */
    ReaderLog(String storeName, CommitStore store, List<Measure> measures) {
        this.storeName = storeName;
        this.store = store;
        this.measures = measures.stream().map(PerMeasure::new).toArray(PerMeasure[]::new);
        store.forEach(record -> restore(record.key.get(), record.value));
        store.beforeCommit(this::writePending);
    }

    /**
     * Judges one activity of {@code measure} (an index of the constructor's list) and records it when it counts. The
     * reader hash is 64 lower-case hex digits (the reader checked it).
     */
    Verdict see(int measure, String articleId, String readerHash, long time) {
        PerMeasure m = measures[measure];
        if (m.clock != Long.MIN_VALUE && time < m.clock - m.lateAfter) {
            return Verdict.LATE;
        }
        if (time > m.clock) {
            m.clock = time;
            m.clockMoved = true;
        }
        int article = articles.number(articleId);
        long h0 = HexFormat.fromHexDigitsToLong(readerHash, 0, 16);
        long h1 = HexFormat.fromHexDigitsToLong(readerHash, 16, 32);
        long h2 = HexFormat.fromHexDigitsToLong(readerHash, 32, 48);
        long h3 = HexFormat.fromHexDigitsToLong(readerHash, 48, 64);
        long from = switch (m.repeat) {
            case WITHIN_INTERVAL -> time - m.interval + 1;
            case SAME_PERIOD -> Times.floor(time, m.interval);
        };
        long to = switch (m.repeat) {
            case WITHIN_INTERVAL -> time + m.interval - 1;
            case SAME_PERIOD -> from + m.interval - 1;
        };
        for (Segment segment : m.segments.subMap(Times.floor(from, m.interval), true, Times.floor(to, m.interval), true)
                .values()) {
            long counted = segment.table.find(article, h0, h1, h2, h3);
            if (counted != ReaderTable.ABSENT && counted >= from && counted <= to) {
                return Verdict.REPEAT;
            }
        }
        Segment segment = m.segment(Times.floor(time, m.interval));
        segment.table.put(article, h0, h1, h2, h3, time);
        segment.pending(article, h0, h1, h2, h3, time);
        return Verdict.COUNTED;
    }

    /** Drops the segments no activity that is not late can look into any more, from the heap and from disk. */
    void forget() {
        for (PerMeasure m : measures) {
            if (m.clock == Long.MIN_VALUE) {
                continue;
            }
            NavigableMap<Long, Segment> old = m.segments.headMap(Times.floor(m.clock - m.retention, m.interval), false);
            for (Map.Entry<Long, Segment> segment : old.entrySet()) {
                for (long written : segment.getValue().written) {
                    store.delete(key(m.name, segment.getKey(), written));
                }
            }
            old.clear();
        }
    }

    /** Entries held on the heap, for tests and metrics. */
    long size() {
        long size = 0;
        for (PerMeasure m : measures) {
            for (Segment segment : m.segments.values()) {
                size += segment.table.size();
            }
        }
        return size;
    }

    /** Writes every pending entry, and each moved clock, to the store: run before every commit. */
    private void writePending() {
        for (PerMeasure m : measures) {
            boolean clockWritten = false;
            for (Map.Entry<Long, Segment> entry : m.segments.entrySet()) {
                Segment segment = entry.getValue();
                int pending = segment.pendingCount();
                for (int from = 0; from < pending; from += ENTRIES_PER_RECORD) {
                    long seq = ++sequence;
                    store.put(key(m.name, entry.getKey(), seq), value(m, segment, from,
                            Math.min(pending, from + ENTRIES_PER_RECORD)));
                    segment.written.add(seq);
                    clockWritten = true;
                }
                segment.clearPending();
            }
            if (m.clockMoved && !clockWritten) {
                Segment current = m.segment(Times.floor(m.clock, m.interval));
                long seq = ++sequence;
                store.put(key(m.name, Times.floor(m.clock, m.interval), seq), value(m, current, 0, 0));
                current.written.add(seq);
            }
            m.clockMoved = false;
        }
    }

    private byte[] value(PerMeasure m, Segment segment, int from, int to) {
        Map<Integer, byte[]> ids = new HashMap<>();
        ByteBuffer entries = ByteBuffer.allocate((to - from) * ENTRY_BYTES);
        int idBytes = 0;
        for (int i = from; i < to; i++) {
            int article = segment.pendingArticles[i];
            if (!ids.containsKey(article)) {
                byte[] id = articles.id(article).getBytes(StandardCharsets.UTF_8);
                ids.put(article, id);
                idBytes += 5 + id.length;
            }
            entries.putInt(article);
            for (int j = 0; j < 4; j++) {
                entries.putLong(segment.pendingHashes[i * 4 + j]);
            }
            entries.putLong(segment.pendingTimes[i]);
        }
        ByteBuffer value = ByteBuffer.allocate(1 + 8 + 4 + idBytes + 4 + entries.capacity());
        value.put(StateFormat.CURRENT).putLong(m.clock).putInt(ids.size());
        ids.forEach((number, id) -> value.putInt(number).put((byte) id.length).put(id));
        value.putInt(to - from).put(entries.array());
        return value.array();
    }

    private void restore(byte[] key, byte[] value) {
        ByteBuffer k = ByteBuffer.wrap(key);
        String name = new String(key, 1, key[0], StandardCharsets.UTF_8);
        k.position(1 + key[0]);
        long start = k.getLong();
        long seq = k.getLong();
        sequence = Math.max(sequence, seq);
        PerMeasure m = null;
        for (PerMeasure candidate : measures) {
            if (candidate.name.equals(name)) {
                m = candidate;
            }
        }
        if (m == null) {
            store.delete(Bytes.wrap(key)); // a measure no longer counted once per reader
            return;
        }
        ByteBuffer v = ByteBuffer.wrap(value);
        StateFormat.check(v.get(), storeName);
        m.clock = Math.max(m.clock, v.getLong());
        Map<Integer, Integer> numbers = new HashMap<>();
        for (int n = v.getInt(); n > 0; n--) {
            int stored = v.getInt();
            byte[] id = new byte[v.get()];
            v.get(id);
            numbers.put(stored, articles.number(new String(id, StandardCharsets.UTF_8)));
        }
        Segment segment = m.segment(start);
        segment.written.add(seq);
        for (int n = v.getInt(); n > 0; n--) {
            int article = numbers.get(v.getInt());
            segment.table.put(article, v.getLong(), v.getLong(), v.getLong(), v.getLong(), v.getLong());
        }
    }

    private static Bytes key(String measure, long segmentStart, long seq) {
        byte[] name = measure.getBytes(StandardCharsets.UTF_8);
        return Bytes.wrap(ByteBuffer.allocate(1 + name.length + 16).put((byte) name.length).put(name)
                .putLong(segmentStart).putLong(seq).array());
    }

    private static final class PerMeasure {
        final String name;
        final long interval;
        final ReaderRepeat repeat;
        final long lateAfter;
        final long retention;
        final NavigableMap<Long, Segment> segments = new TreeMap<>();
        long clock = Long.MIN_VALUE;
        boolean clockMoved;

        PerMeasure(Measure measure) {
            this.name = measure.name();
            this.interval = measure.oncePerReader().toMillis();
            this.repeat = measure.repeat();
            this.lateAfter = measure.lateAfter().toMillis();
            this.retention = measure.readerLogRetention().toMillis();
        }

        Segment segment(long start) {
            return segments.computeIfAbsent(start, s -> new Segment());
        }
    }

    /** One segment's table, its entries not yet written, and the sequence numbers of its records on disk. */
    private static final class Segment {
        final ReaderTable table = new ReaderTable();
        final List<Long> written = new ArrayList<>();
        int[] pendingArticles = new int[64];
        long[] pendingHashes = new long[64 * 4];
        long[] pendingTimes = new long[64];
        int pending;

        void pending(int article, long h0, long h1, long h2, long h3, long time) {
            if (pending == pendingArticles.length) {
                pendingArticles = java.util.Arrays.copyOf(pendingArticles, pending * 2);
                pendingHashes = java.util.Arrays.copyOf(pendingHashes, pending * 8);
                pendingTimes = java.util.Arrays.copyOf(pendingTimes, pending * 2);
            }
            pendingArticles[pending] = article;
            pendingHashes[pending * 4] = h0;
            pendingHashes[pending * 4 + 1] = h1;
            pendingHashes[pending * 4 + 2] = h2;
            pendingHashes[pending * 4 + 3] = h3;
            pendingTimes[pending] = time;
            pending++;
        }

        int pendingCount() {
            return pending;
        }

        void clearPending() {
            pending = 0;
        }
    }
}
