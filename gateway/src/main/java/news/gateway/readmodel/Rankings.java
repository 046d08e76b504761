package news.gateway.readmodel;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import news.kit.Sections;

/**
 * The current Popular Now and Must-Reads lists, one per list name and section ({@code all} included), exactly as
 * ranking-service last published them on {@code news.rankings}. One thread writes, any thread reads.
 */
public class Rankings {

    public static final String POPULAR_NOW = "popular-now";
    public static final String MUST_READS = "must-reads";
    public static final String ALL = "all";

    private final Map<String, RankingList> lists = new ConcurrentHashMap<>();
    private volatile Instant newest;

    /** Keeps the list unless one computed later is already known; true when it changed something. */
    boolean apply(RankingList list) {
        String key = key(list.list(), list.section());
        RankingList current = lists.get(key);
        if (current != null && current.computedAt().isAfter(list.computedAt())) {
            return false;
        }
        lists.put(key, list);
        if (newest == null || list.computedAt().isAfter(newest)) {
            newest = list.computedAt();
        }
        return true;
    }

    /**
     * When the newest list known was computed; null before the first. ranking-service publishes Popular Now within a
     * second of every view that changes it, so while readers view, this stays seconds old: minutes mean the lists
     * have stopped (ranking-service down or stuck, or this gateway no longer reading {@code news.rankings}).
     */
    public Instant newestComputedAt() {
        return newest;
    }

    public Optional<RankingList> list(String list, String section) {
        return Optional.ofNullable(lists.get(key(list, section)));
    }

    public int size() {
        return lists.size();
    }

    private static String key(String list, String section) {
        return list + "|" + Sections.slug(section);
    }
}
