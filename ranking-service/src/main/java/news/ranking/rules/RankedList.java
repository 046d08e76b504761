package news.ranking.rules;

import java.util.List;

/**
 * A computed list: the payload of {@code news.ranking.updated} and the body of the query API, best first.
 *
 * @param window     ISO-8601 duration the scores count over ({@code PT60M}, {@code P7D})
 * @param computedAt when the list was computed, RFC 3339 UTC with milliseconds
 */
public record RankedList(String list, String section, String window, String computedAt, List<RankedEntry> entries) {

    public RankedList {
        entries = List.copyOf(entries);
    }

    /** The first {@code limit} entries, which are the list a smaller limit would have produced. */
    public RankedList limitedTo(int limit) {
        return entries.size() <= limit ? this
                : new RankedList(list, section, window, computedAt, entries.subList(0, limit));
    }

    public boolean sameEntries(RankedList other) {
        return other != null && entries.equals(other.entries);
    }
}
