package news.ranking.rules;

import java.util.Objects;

/**
 * What the lists know of one published article: its headline fields and its counts as of the last emission of the
 * per-article stage. Times are epoch milliseconds.
 *
 * @param editorPickedAt  when the article was picked, 0 when not picked or not known
 * @param popularNowViews counted views of the Popular Now window
 * @param views           counted views of the Must-Reads window
 * @param comments        comments posted in the Must-Reads window and not removed
 * @param shares          shares of the Must-Reads window
 * @param pendingViewAt   event time of the oldest counted view not yet reflected in the lists, 0 when none: the
 *                        start of the freshness measurement
 */
public record Candidate(String articleId, String title, String section, long publishedAt, boolean editorPick,
                        long editorPickedAt, long popularNowViews, long views, long comments, long shares,
                        long pendingViewAt) {

    public Candidate {
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(section, "section");
    }

    /** Views, comments and shares of the Must-Reads window, weighted. */
    public double engagement(Scoring scoring) {
        return views * scoring.viewWeight() + comments * scoring.commentWeight() + shares * scoring.shareWeight();
    }
}
