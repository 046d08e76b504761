package news.ranking.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

import com.google.common.hash.BloomFilter;
import com.google.common.hash.Funnels;

import news.ranking.rules.Times;

/**
 * The keys ({@code articleId|readerHash}) the reader log of one task holds, as Bloom filters per segment of view time:
 * a key the filters of the segments around a view have never been given is certainly not in the log there, so the
 * first view of an article by a reader, nearly every view, is counted without a range look-up of the log on disk
 * (which cost a fifth of a view's processing). A key they may have been given is looked up in the log as before, so
 * counts stay exact; a false positive (about 1 %) only costs that look-up.
 * <p>
 * Every key put into the log is put here, and the processor rebuilds the filters from the log whenever its task
 * starts (after a restore, a move or a revival), so the filters never miss a key of the log. A segment is dropped
 * once every view that could still look into it would be late. A segment that receives more keys than one filter
 * holds at its error rate gets another filter, so a burst raises no error rate.
 */
final class ReaderFilter {

    static final int KEYS_PER_FILTER = 1 << 18;
    private static final double FALSE_POSITIVES = 0.01;

    private final long segment;
    private final NavigableMap<Long, List<Filter>> segments = new TreeMap<>();

    /** {@code segment}: the span of view time one set of filters covers, e.g. the repeat-view interval. */
    ReaderFilter(long segment) {
        this.segment = segment;
    }

    /** Whether the log may hold {@code key} at a time from {@code from} to {@code to}, both inclusive. */
    boolean mightContain(String key, long from, long to) {
        for (List<Filter> filters : segments.subMap(Times.floor(from, segment), true, Times.floor(to, segment), true)
                .values()) {
            for (Filter filter : filters) {
                if (filter.bloom.mightContain(key)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Records that the log holds {@code key} at {@code time}. */
    void put(String key, long time) {
        List<Filter> filters = segments.computeIfAbsent(Times.floor(time, segment), start -> new ArrayList<>(1));
        Filter last = filters.isEmpty() ? null : filters.get(filters.size() - 1);
        if (last == null || last.keys >= KEYS_PER_FILTER) {
            last = new Filter();
            filters.add(last);
        }
        if (last.bloom.put(key)) {
            last.keys++;
        }
    }

    /** Forgets the segments that end at or before {@code time}: no view that is not late looks into them. */
    void forgetBefore(long time) {
        segments.headMap(Times.floor(time, segment), false).clear();
    }

    /** Filters held (each about 300 KiB), for tests. */
    int filters() {
        return segments.values().stream().mapToInt(List::size).sum();
    }

    private static final class Filter {
        private final BloomFilter<CharSequence> bloom =
                BloomFilter.create(Funnels.unencodedCharsFunnel(), KEYS_PER_FILTER, FALSE_POSITIVES);
        private int keys;
    }
}
