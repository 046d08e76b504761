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
 * The published articles of one list key and the rules of its {@link ListKind} that rank them: editor picks first
 * where the kind says so (newest pick first, picks of unknown time last), then qualifying articles by score; ties by
 * newer {@code publishedAt}, then {@code articleId}; when fewer than the list size qualify, the newest published
 * articles fill it, marked fallback. Kept in memory beside the store that holds the same candidates, so a list is
 * computed without reading the store.
 */
public final class ListCandidates {

    /** Newest published first, then by article id: the fallback order and the final tie-breaker. */
    static final Comparator<Candidate> NEWEST_FIRST = Comparator.comparingLong(Candidate::publishedAt).reversed()
            .thenComparing(Candidate::articleId);

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
        if (key.kind().qualifies(candidate)) {
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

    /** The list as of {@code computedAt} (epoch ms), at most {@code maxSize} entries. */
    public RankedList rank(int maxSize, long computedAt) {
        ListKind kind = key.kind();
        List<RankedEntry> entries = new ArrayList<>(maxSize);
        Set<String> listed = new HashSet<>();
        List<Candidate> picks = new ArrayList<>();
        List<Scored> others = new ArrayList<>(qualifying.size());
        for (Candidate c : qualifying.values()) {
            if (kind.editorPicksFirst() && c.editorPick()) {
                picks.add(c);
            } else {
                others.add(new Scored(c, kind.score(c, computedAt)));
            }
        }
        picks.sort(NEWEST_PICK_FIRST);
        others.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(Scored::candidate, NEWEST_FIRST));
        for (Candidate c : picks) {
            if (entries.size() == maxSize) {
                break;
            }
            entries.add(entry(c, kind.score(c, computedAt), false));
            listed.add(c.articleId());
        }
        for (Scored s : others) {
            if (entries.size() == maxSize) {
                break;
            }
            entries.add(entry(s.candidate(), s.score(), false));
            listed.add(s.candidate().articleId());
        }
        for (Candidate c : newestFirst) {
            if (entries.size() == maxSize) {
                break;
            }
            if (!listed.contains(c.articleId())) {
                entries.add(entry(c, kind.score(c, computedAt), true));
            }
        }
        return new RankedList(kind.slug(), key.section(), kind.windowText(), Times.format(computedAt), entries);
    }

    private static RankedEntry entry(Candidate c, double score, boolean fallback) {
        return new RankedEntry(c.articleId(), c.title(), c.section(), Times.format(c.publishedAt()), score, fallback);
    }

    private record Scored(Candidate candidate, double score) {
    }
}
