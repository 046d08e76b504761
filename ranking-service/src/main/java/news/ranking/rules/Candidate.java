package news.ranking.rules;

import java.util.Arrays;
import java.util.Objects;

/**
 * What one list knows of one published article: its headline fields and its counts in the list's window as of the
 * last emission of the per-article stage. Times are epoch milliseconds.
 *
 * @param editorPickedAt when the article was picked, 0 when not picked or not known
 * @param counts         the list's measures, in the order of {@link ListKind#measures()}
 * @param pendingAt      event time of the oldest counted activity not yet reflected in the lists, 0 when none: the
 *                       start of the freshness measurement
 */
public record Candidate(String articleId, String title, String section, long publishedAt, boolean editorPick,
                        long editorPickedAt, long[] counts, long pendingAt) {

    public Candidate {
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(counts, "counts");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Candidate c && c.articleId.equals(articleId) && c.title.equals(title)
                && c.section.equals(section) && c.publishedAt == publishedAt && c.editorPick == editorPick
                && c.editorPickedAt == editorPickedAt && Arrays.equals(c.counts, counts) && c.pendingAt == pendingAt;
    }

    @Override
    public int hashCode() {
        return Objects.hash(articleId, publishedAt, Arrays.hashCode(counts));
    }

    @Override
    public String toString() {
        return "Candidate[" + articleId + " " + section + " counts=" + Arrays.toString(counts) + "]";
    }
}
