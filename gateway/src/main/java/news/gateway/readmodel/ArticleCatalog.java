package news.gateway.readmodel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.function.Predicate;

import news.kit.Sections;

/**
 * Every article's latest public snapshot, and the published ones newest first, for all sections and per section:
 * the source of Just In and Latest Stories, of the fallback article when article-service is down, and of the
 * answer "does this article exist" for a quick 404. One thread writes ({@link ReadModelFeed}), any thread reads.
 */
public class ArticleCatalog {

    /** What the catalog knows about an article id. */
    public enum Presence { PUBLISHED, UNPUBLISHED, UNKNOWN }

    private static final Comparator<ArticleSnapshot> NEWEST_FIRST = Comparator
            .comparing(ArticleSnapshot::publishedAt, Comparator.reverseOrder())
            .thenComparing(ArticleSnapshot::articleId);

    private final Map<String, ArticleSnapshot> byId = new ConcurrentHashMap<>();
    private final NavigableSet<ArticleSnapshot> newest = new ConcurrentSkipListSet<>(NEWEST_FIRST);
    private final Map<String, NavigableSet<ArticleSnapshot>> newestBySection = new ConcurrentHashMap<>();

    /** Applies a snapshot unless the catalog already has this or a later version; true when it changed something. */
    boolean apply(ArticleSnapshot snapshot) {
        ArticleSnapshot current = byId.get(snapshot.articleId());
        if (current != null && current.version() >= snapshot.version()) {
            return false;
        }
        if (current != null && current.published()) {
            newest.remove(current);
            sectionSet(current.section()).remove(current);
        }
        byId.put(snapshot.articleId(), snapshot);
        if (snapshot.published()) {
            newest.add(snapshot);
            sectionSet(snapshot.section()).add(snapshot);
        }
        return true;
    }

    public Optional<ArticleSnapshot> find(String articleId) {
        return Optional.ofNullable(byId.get(articleId));
    }

    public Presence presence(String articleId) {
        ArticleSnapshot snapshot = byId.get(articleId);
        return snapshot == null ? Presence.UNKNOWN : snapshot.published() ? Presence.PUBLISHED : Presence.UNPUBLISHED;
    }

    /** The newest published headlines of one section, or of all sections when {@code section} is empty. */
    public List<Headline> newest(Optional<String> section, int limit, Predicate<String> skip) {
        NavigableSet<ArticleSnapshot> source = section.map(s -> newestBySection.get(Sections.slug(s))).orElse(newest);
        List<Headline> headlines = new ArrayList<>(limit);
        if (source == null) {
            return headlines;
        }
        Set<String> seen = new HashSet<>();
        for (ArticleSnapshot snapshot : source) {
            if (headlines.size() == limit) {
                break;
            }
            // while a republished article moves, a reader may meet it twice
            if (!skip.test(snapshot.articleId()) && seen.add(snapshot.articleId())) {
                headlines.add(snapshot.headline());
            }
        }
        return headlines;
    }

    public int size() {
        return byId.size();
    }

    public int publishedCount() {
        return newest.size();
    }

    private NavigableSet<ArticleSnapshot> sectionSet(String section) {
        return newestBySection.computeIfAbsent(Sections.slug(section), s -> new ConcurrentSkipListSet<>(NEWEST_FIRST));
    }
}
