package news.ranking.topology;

import news.ranking.rules.RankedList;

/**
 * A list as the lists store keeps it: the latest computation (what the query API answers), whether that content has
 * been published to {@code news.rankings}, and when the key was last published (wall clock, epoch ms).
 */
public record StoredList(RankedList list, boolean published, long publishedAt) {

    StoredList recomputed(RankedList next) {
        return new StoredList(next, published && list.sameEntries(next), publishedAt);
    }

    StoredList publishedAt(long when) {
        return new StoredList(list, true, when);
    }
}
