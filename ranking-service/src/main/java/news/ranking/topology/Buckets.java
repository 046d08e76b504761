package news.ranking.topology;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;

import org.apache.kafka.common.utils.Bytes;

import news.ranking.rules.ListKind;
import news.ranking.rules.Times;

/**
 * The counts of one list kind per time bucket and article, with the articles' sums over the live buckets. The sums
 * and the buckets in use (touched within the last {@link #HOT_MILLIS} or two buckets) are on the heap; every changed
 * part of a bucket is written to the {@link CommitStore} at every commit, and a bucket no longer in use leaves the
 * heap and is read back from disk when it is needed again (a late event, a removal, its expiry). A bucket is a row of
 * articles; rows are written in chunks of {@link #ARTICLES_PER_RECORD} articles, so a busy bucket is rewritten in
 * part. When the task starts, every record is read once to rebuild the sums.
 * <p>
 * Record key: {@code [list slug length][list slug][bucket start, 8 bytes][chunk, 4 bytes]}. Value, format
 * {@link StateFormat#CURRENT}: {@code [format][article count, 4][per article: id length 1, id, one 8-byte count per
 * measure of the list]}.
 */
final class Buckets {

    static final int ARTICLES_PER_RECORD = 2048;
    static final long HOT_MILLIS = 120_000;

    private final ListKind kind;
    private final String storeName;
    private final CommitStore store;
    private final long bucket;
    private final long window;
    private final int measures;
    private final NavigableMap<Long, Row> rows = new TreeMap<>();
    private final NavigableSet<Long> starts = new TreeSet<>();
    private final Map<String, long[]> sums = new HashMap<>();
    private long now;

    Buckets(ListKind kind, String storeName, CommitStore store) {
        this.kind = kind;
        this.storeName = storeName;
        this.store = store;
        this.bucket = kind.bucket().toMillis();
        this.window = kind.window().toMillis();
        this.measures = kind.measures().size();
    }

    /**
     * Adds {@code delta} of the list's measure at {@code position} for the article at {@code time}, if that bucket is
     * still in the window at {@code now}; a removal never takes a count below zero. Whether anything changed.
     */
    boolean add(String articleId, int position, long time, long now, int delta) {
        this.now = now;
        long start = time - Math.floorMod(time, bucket);
        if (start < now - Math.floorMod(now, bucket) - window) {
            return false;
        }
        Row row = row(start, delta > 0);
        if (row == null) {
            return false;
        }
        row.touchedAt = now;
        long[] counts = delta > 0 ? row.counts(articleId, measures) : row.existing(articleId);
        if (counts == null || counts[position] + delta < 0) {
            return false;
        }
        counts[position] += delta;
        sums.computeIfAbsent(articleId, id -> new long[measures])[position] += delta;
        return true;
    }

    /** When the oldest bucket leaves the window: the first bucket boundary after its start + window (none: never). */
    long nextExpiry() {
        if (starts.isEmpty()) {
            return Long.MAX_VALUE;
        }
        return Times.floor(starts.first() + window, bucket) + bucket;
    }

    /** Subtracts and forgets the buckets that left the window at {@code now}; calls {@code changed} per article. */
    void expire(long now, java.util.function.Consumer<String> changed) {
        this.now = now;
        NavigableSet<Long> gone = starts.headSet(now - Math.floorMod(now, bucket) - window, false);
        for (long start : gone) {
            Row row = row(start, false);
            row.forEach((articleId, counts) -> {
                long[] sum = sums.get(articleId);
                for (int i = 0; i < measures; i++) {
                    sum[i] -= counts[i];
                }
                if (isZero(sum)) {
                    sums.remove(articleId);
                }
                changed.accept(articleId);
            });
            for (int chunk = 0; chunk * ARTICLES_PER_RECORD < Math.max(1, row.order.size()); chunk++) {
                store.delete(key(start, chunk));
            }
            rows.remove(start);
        }
        gone.clear();
    }

    /** The row of a bucket: on the heap, read back from disk, or (when {@code create}) a new one. */
    private Row row(long start, boolean create) {
        Row row = rows.get(start);
        if (row != null) {
            return row;
        }
        if (starts.contains(start)) {
            Row loaded = new Row();
            store.forEachInRange(key(start, 0), key(start, Integer.MAX_VALUE),
                    record -> read(record.value, loaded, false));
            loaded.dirty.clear();
            rows.put(start, loaded);
            return loaded;
        }
        if (!create) {
            return null;
        }
        Row created = new Row();
        rows.put(start, created);
        starts.add(start);
        return created;
    }

    /** The article's counts over the live buckets (zeros when it has none). */
    long[] sums(String articleId) {
        long[] sum = sums.get(articleId);
        return sum == null ? new long[measures] : sum.clone();
    }

    void forEachArticle(BiConsumer<String, long[]> action) {
        sums.forEach(action);
    }

    /** Writes the changed chunks of every bucket, then lets the buckets no longer in use leave the heap. */
    void writePending() {
        long hotSince = now - Math.max(HOT_MILLIS, 2 * bucket);
        for (Iterator<Map.Entry<Long, Row>> it = rows.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Long, Row> entry = it.next();
            Row row = entry.getValue();
            for (int chunk = row.dirty.nextSetBit(0); chunk >= 0; chunk = row.dirty.nextSetBit(chunk + 1)) {
                store.put(key(entry.getKey(), chunk), row.value(chunk, measures));
            }
            row.dirty.clear();
            if (row.touchedAt < hotSince) {
                it.remove();
            }
        }
    }

    /** Reads one record of this list back; false when it is another list's. */
    boolean restore(byte[] key, byte[] value) {
        String slug = new String(key, 1, key[0], StandardCharsets.UTF_8);
        if (!slug.equals(kind.slug())) {
            return false;
        }
        ByteBuffer k = ByteBuffer.wrap(key, 1 + key[0], 12);
        starts.add(k.getLong());
        read(value, null, true);
        return true;
    }

    /** Reads one chunk into {@code row} (when not null) and, when {@code sum}, into the sums. */
    private void read(byte[] value, Row row, boolean sum) {
        ByteBuffer v = ByteBuffer.wrap(value);
        StateFormat.check(v.get(), storeName);
        for (int n = v.getInt(); n > 0; n--) {
            byte[] id = new byte[v.get()];
            v.get(id);
            String articleId = new String(id, StandardCharsets.UTF_8);
            long[] counts = row == null ? new long[measures] : row.counts(articleId, measures);
            long[] total = sum ? sums.computeIfAbsent(articleId, a -> new long[measures]) : null;
            for (int i = 0; i < measures; i++) {
                counts[i] = v.getLong();
                if (total != null) {
                    total[i] += counts[i];
                }
            }
        }
    }

    private Bytes key(long start, int chunk) {
        byte[] slug = kind.slug().getBytes(StandardCharsets.UTF_8);
        return Bytes.wrap(ByteBuffer.allocate(1 + slug.length + 12).put((byte) slug.length).put(slug).putLong(start)
                .putInt(chunk).array());
    }

    private static boolean isZero(long[] counts) {
        for (long count : counts) {
            if (count != 0) {
                return false;
            }
        }
        return true;
    }

    /** One bucket: its articles in the order they first counted here (so an article keeps its chunk). */
    private static final class Row {
        final List<String> order = new ArrayList<>();
        final Map<String, Slot> counts = new HashMap<>();
        final BitSet dirty = new BitSet();
        long touchedAt;

        /** The article's counts here, added when absent, and marks its chunk to be written. */
        long[] counts(String articleId, int measures) {
            Slot slot = counts.get(articleId);
            if (slot == null) {
                slot = new Slot(order.size(), new long[measures]);
                counts.put(articleId, slot);
                order.add(articleId);
            }
            dirty.set(slot.position / ARTICLES_PER_RECORD);
            return slot.counts;
        }

        /** The article's counts here, or null; marks its chunk to be written. */
        long[] existing(String articleId) {
            Slot slot = counts.get(articleId);
            if (slot == null) {
                return null;
            }
            dirty.set(slot.position / ARTICLES_PER_RECORD);
            return slot.counts;
        }

        void forEach(BiConsumer<String, long[]> action) {
            counts.forEach((id, slot) -> action.accept(id, slot.counts));
        }

        byte[] value(int chunk, int measures) {
            List<String> ids = order.subList(chunk * ARTICLES_PER_RECORD,
                    Math.min(order.size(), (chunk + 1) * ARTICLES_PER_RECORD));
            int size = 1 + 4;
            List<byte[]> encoded = new ArrayList<>(ids.size());
            for (String id : ids) {
                byte[] bytes = id.getBytes(StandardCharsets.UTF_8);
                encoded.add(bytes);
                size += 1 + bytes.length + 8 * measures;
            }
            ByteBuffer value = ByteBuffer.allocate(size).put(StateFormat.CURRENT).putInt(ids.size());
            for (int i = 0; i < ids.size(); i++) {
                value.put((byte) encoded.get(i).length).put(encoded.get(i));
                for (long count : counts.get(ids.get(i)).counts) {
                    value.putLong(count);
                }
            }
            return value.array();
        }
    }

    private record Slot(int position, long[] counts) {
    }
}
