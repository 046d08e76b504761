package news.gateway.page;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import news.gateway.readmodel.Headline;

/**
 * The page rules for headline lists, in plain Java: the current article never appears in its own page's lists; a
 * headline appears in at most one list of the page while there are enough candidates, lists taking their pick in
 * priority order; a list short of unique candidates is then topped up from its own candidates even if another list
 * shows them too, keeping its own order; no list repeats a headline; every list has at most {@code size} entries.
 */
final class PageLists {

    private PageLists() {
    }

    /**
     * @param candidates each list's candidates, best first, in priority order (the map's order)
     * @param current    the article the page shows, or null for the home page
     * @return the same lists, in the same order, at most {@code size} headlines each
     */
    static Map<String, List<Headline>> compose(Map<String, List<Headline>> candidates, String current, int size) {
        Set<String> taken = new HashSet<>();
        if (current != null) {
            taken.add(current);
        }
        Map<String, List<Headline>> lists = new LinkedHashMap<>();
        for (Map.Entry<String, List<Headline>> list : candidates.entrySet()) {
            List<Headline> picked = new ArrayList<>(size);
            for (Headline headline : list.getValue()) {
                if (picked.size() == size) {
                    break;
                }
                if (taken.add(headline.id())) {
                    picked.add(headline);
                }
            }
            lists.put(list.getKey(), picked);
        }
        for (Map.Entry<String, List<Headline>> list : candidates.entrySet()) {
            List<Headline> picked = lists.get(list.getKey());
            if (picked.size() == size) {
                continue;
            }
            Set<String> chosen = new HashSet<>();
            picked.forEach(h -> chosen.add(h.id()));
            for (Headline headline : list.getValue()) {
                if (chosen.size() == size) {
                    break;
                }
                if (!headline.id().equals(current)) {
                    chosen.add(headline.id());
                }
            }
            List<Headline> toppedUp = new ArrayList<>(size);
            Set<String> shown = new HashSet<>();
            for (Headline headline : list.getValue()) {
                if (chosen.contains(headline.id()) && shown.add(headline.id())) {
                    toppedUp.add(headline);
                }
            }
            lists.put(list.getKey(), toppedUp);
        }
        return lists;
    }
}
