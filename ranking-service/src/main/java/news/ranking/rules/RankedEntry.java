package news.ranking.rules;

import java.util.Objects;

/**
 * One entry of a list as the query API answers it and {@code news.rankings} carries it. The score is a whole number
 * when it is one (Popular Now counts) and a decimal otherwise (Must-Reads), the same after a JSON round trip.
 *
 * @param fallback true for the newest published articles that fill a list with too few qualifying articles
 */
public record RankedEntry(String articleId, String title, String section, String publishedAt, Number score,
                          boolean fallback) {

    public RankedEntry {
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(score, "score");
        score = normalize(score.doubleValue());
    }

    private static Number normalize(double score) {
        if (score == Math.rint(score) && Math.abs(score) < 1e15) {
            return (long) score;
        }
        return score;
    }
}
