package news.ranking.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * The published articles of one list key and the rules that rank them (DESIGN §5):
 * <ul>
 *   <li>Popular Now: articles with counted views, most views first; ties by newer {@code publishedAt}, then
 *       {@code articleId};</li>
 *   <li>Must-Reads: editor picks first, newest pick first (picks of unknown time last); then articles with engagement
 *       by the formula of {@link Scoring}; ties as for Popular Now;</li>
 *   <li>both: when fewer than the list size qualify, the newest published articles fill it, marked fallback.</li>
 * </ul>
 * Kept in memory beside the store that holds the same candidates, so a list is computed without reading the store.
 */
public final class ListCandidates {

    /** Newest published first, then by article id: the fallback order and the final tie-breaker. */
    static final Comparator<Candidate> NEWEST_FIRST = Comparator.comparingLong(Candidate::publishedAt).reversed()
            .thenComparing(Candidate::articleId);

    private static final Comparator<Candidate> MOST_VIEWED_FIRST =
            Comparator.comparingLong(Candidate::popularNowViews).reversed().thenComparing(NEWEST_FIRST);

    private static final Comparator<Candidate> NEWEST_PICK_FIRST = Comparator
            .comparingLong((Candidate c) -> c.editorPickedAt() == 0 ? Long.MIN_VALUE : c.editorPickedAt()).reversed()
            .thenComparing(NEWEST_FIRST);

    private final ListKey key;
    private final Map<String, Candidate> byId = new HashMap<>();
    private final NavigableSet<Candidate> newestFirst = new TreeSet<>(NEWEST_FIRST);
    private final Map<String, Candidate> qualifying = new HashMap<>();

    public ListCandidates(ListKey key) {
        this.key = key;
    }

    public ListKey key() {
        return key;
    }

    public void upsert(Candidate candidate) {
        remove(candidate.articleId());
        byId.put(candidate.articleId(), candidate);
        newestFirst.add(candidate);
        if (qualifies(candidate)) {
            qualifying.put(candidate.articleId(), candidate);
        }
    }

    public void remove(String articleId) {
        Candidate old = byId.remove(articleId);
        if (old != null) {
            newestFirst.remove(old);
            qualifying.remove(articleId);
        }
    }

    /** The list as of {@code computedAt} (epoch ms), at most {@code rules.maxSize()} entries. */
    public RankedList rank(ListRules rules, long computedAt) {
        List<RankedEntry> entries = new ArrayList<>(rules.maxSize());
        Set<String> listed = new HashSet<>();
        if (key.kind() == ListKind.POPULAR_NOW) {
            List<Candidate> ranked = new ArrayList<>(qualifying.values());
            ranked.sort(MOST_VIEWED_FIRST);
            for (Candidate c : ranked) {
                if (entries.size() == rules.maxSize()) {
                    break;
                }
                entries.add(entry(c, c.popularNowViews(), false));
                listed.add(c.articleId());
            }
        } else {
            List<Candidate> picks = new ArrayList<>();
            List<Scored> others = new ArrayList<>();
            for (Candidate c : qualifying.values()) {
                if (c.editorPick()) {
                    picks.add(c);
                } else {
                    others.add(new Scored(c, rules.scoring().mustReadsScore(c, computedAt)));
                }
            }
            picks.sort(NEWEST_PICK_FIRST);
            others.sort(Comparator.comparingDouble(Scored::score).reversed()
                    .thenComparing(Scored::candidate, NEWEST_FIRST));
            for (Candidate c : picks) {
                if (entries.size() == rules.maxSize()) {
                    break;
                }
                entries.add(entry(c, rules.scoring().mustReadsScore(c, computedAt), false));
                listed.add(c.articleId());
            }
            for (Scored s : others) {
                if (entries.size() == rules.maxSize()) {
                    break;
                }
                entries.add(entry(s.candidate(), s.score(), false));
                listed.add(s.candidate().articleId());
            }
        }
        for (Candidate c : newestFirst) {
            if (entries.size() == rules.maxSize()) {
                break;
            }
            if (!listed.contains(c.articleId())) {
                double score = key.kind() == ListKind.POPULAR_NOW ? c.popularNowViews()
                        : rules.scoring().mustReadsScore(c, computedAt);
                entries.add(entry(c, score, true));
            }
        }
        return new RankedList(key.kind().slug(), key.section(), rules.window(key.kind()), Times.format(computedAt),
                entries);
    }

    private boolean qualifies(Candidate c) {
        return key.kind() == ListKind.POPULAR_NOW ? c.popularNowViews() > 0
                : c.editorPick() || c.views() > 0 || c.comments() > 0 || c.shares() > 0;
    }

    private static RankedEntry entry(Candidate c, double score, boolean fallback) {
        return new RankedEntry(c.articleId(), c.title(), c.section(), Times.format(c.publishedAt()), score, fallback);
    }

    private record Scored(Candidate candidate, double score) {
    }
}
