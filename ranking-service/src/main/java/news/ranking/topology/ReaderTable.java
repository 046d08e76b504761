package news.ranking.topology;

/**
 * The counted activity of one segment of time, by article and reader: an open-addressing hash table of primitive
 * arrays (a reader hash is 32 bytes, kept whole as four longs, so two readers never share an entry; no object per
 * entry). Within a segment as long as the repeat interval, a reader and article have at most one counted time, since
 * two counted ones are at least that interval apart.
 */
final class ReaderTable {

    static final long ABSENT = Long.MIN_VALUE;
    private static final int INITIAL = 1 << 10;

    private long[] hashes = new long[INITIAL * 4];
    private int[] articles = new int[INITIAL];
    private long[] times = new long[INITIAL];
    private int size;

    /** The counted time of {@code article} and the reader, or {@link #ABSENT}. */
    long find(int article, long h0, long h1, long h2, long h3) {
        int mask = articles.length - 1;
        for (int slot = slot(article, h0, mask); ; slot = (slot + 1) & mask) {
            int stored = articles[slot];
            if (stored == 0) {
                return ABSENT;
            }
            if (stored == article + 1 && hashes[slot * 4] == h0 && hashes[slot * 4 + 1] == h1
                    && hashes[slot * 4 + 2] == h2 && hashes[slot * 4 + 3] == h3) {
                return times[slot];
            }
        }
    }

    /** Records a counted time; the caller has checked that the reader has none here. */
    void put(int article, long h0, long h1, long h2, long h3, long time) {
        if ((size + 1) * 4 > articles.length * 3) {
            grow();
        }
        insert(article, h0, h1, h2, h3, time);
        size++;
    }

    int size() {
        return size;
    }

    private void insert(int article, long h0, long h1, long h2, long h3, long time) {
        int mask = articles.length - 1;
        int slot = slot(article, h0, mask);
        while (articles[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        articles[slot] = article + 1;
        hashes[slot * 4] = h0;
        hashes[slot * 4 + 1] = h1;
        hashes[slot * 4 + 2] = h2;
        hashes[slot * 4 + 3] = h3;
        times[slot] = time;
    }

    private void grow() {
        long[] oldHashes = hashes;
        int[] oldArticles = articles;
        long[] oldTimes = times;
        int capacity = oldArticles.length * 2;
        hashes = new long[capacity * 4];
        articles = new int[capacity];
        times = new long[capacity];
        for (int slot = 0; slot < oldArticles.length; slot++) {
            if (oldArticles[slot] != 0) {
                insert(oldArticles[slot] - 1, oldHashes[slot * 4], oldHashes[slot * 4 + 1], oldHashes[slot * 4 + 2],
                        oldHashes[slot * 4 + 3], oldTimes[slot]);
            }
        }
    }

    private static int slot(int article, long h0, int mask) {
        long h = h0 ^ (article * 0x9E3779B97F4A7C15L);
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return (int) h & mask;
    }

    @Override
    public String toString() {
        return "ReaderTable[" + size + " of " + articles.length + "]";
    }
}
