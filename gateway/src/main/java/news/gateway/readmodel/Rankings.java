package news.gateway.readmodel;

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

    /** Keeps the list unless one computed later is already known; true when it changed something. */
    boolean apply(RankingList list) {
        String key = key(list.list(), list.section());
        RankingList current = lists.get(key);
        if (current != null && current.computedAt().isAfter(list.computedAt())) {
            return false;
        }
        lists.put(key, list);
        return true;
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
