package news.ranking.rules;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One kind of list, as data ({@code news.ranking.lists.<slug>}): the window its counts cover and their bucket, the
 * measures it counts with their weights, and its score:
 * {@code (sum of weight * count) / (ageHours + ageOffsetHours)^ageExponent}, rounded to 6 decimals (an exponent of 0
 * means no ageing: Popular Now's score is its count). An article qualifies with any count above zero, or as an editor
 * pick where picks come first (newest pick first). Ties: newer {@code publishedAt}, then {@code articleId}. When fewer
 * than the list size qualify, the newest published articles fill it, marked fallback.
 *
 * @param measures          the measures counted, in the order of {@code weights} (and of {@link Candidate#counts()})
 * @param recomputeInterval how often the list is recomputed without any change; null: only on changes (a list whose
 *                          score does not age does not change by itself)
 */
public record ListKind(String slug, Duration window, Duration bucket, List<String> measures, double[] weights,
                       double ageOffsetHours, double ageExponent, boolean editorPicksFirst,
                       Duration recomputeInterval) {

    private static final double MILLIS_PER_HOUR = 3_600_000.0;
    private static final double SCALE = 1_000_000.0;

    public ListKind {
        Objects.requireNonNull(slug, "slug");
        measures = List.copyOf(measures);
        weights = weights.clone();
        String where = "news.ranking.lists." + slug;
        require(window != null && bucket != null && !bucket.isNegative() && !bucket.isZero()
                && !window.isNegative() && !window.isZero() && window.toMillis() % bucket.toMillis() == 0,
                where + ".window must be a positive multiple of its bucket");
        require(!measures.isEmpty() && measures.size() == weights.length, where + ".counts must name a measure");
        for (double weight : weights) {
            require(weight >= 0, where + ".counts: weights must not be negative");
        }
        require(ageExponent >= 0 && (ageExponent == 0 || ageOffsetHours > 0),
                where + ": age-exponent must not be negative, and ageing needs a positive age-offset-hours");
        require(ageExponent == 0 || recomputeInterval != null && !recomputeInterval.isNegative()
                && !recomputeInterval.isZero(), where + ".recompute-interval is needed for a score that ages");
    }

    /** The score of a candidate of this list at {@code at} (epoch ms). */
    public double score(Candidate candidate, long at) {
        double engagement = 0;
        long[] counts = candidate.counts();
        for (int i = 0; i < weights.length; i++) {
            engagement += counts[i] * weights[i];
        }
        if (ageExponent != 0) {
            double ageHours = Math.max(0, at - candidate.publishedAt()) / MILLIS_PER_HOUR;
            engagement /= Math.pow(ageHours + ageOffsetHours, ageExponent);
        }
        return Math.round(engagement * SCALE) / SCALE;
    }

    public boolean qualifies(Candidate candidate) {
        if (editorPicksFirst && candidate.editorPick()) {
            return true;
        }
        for (long count : candidate.counts()) {
            if (count > 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether the list changes with time alone, and so is recomputed every {@link #recomputeInterval}. */
    public boolean ages() {
        return ageExponent != 0;
    }

    /** {@code window} as payloads write it: {@code PT60M}, {@code P7D}. */
    public String windowText() {
        return Times.window(window);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ListKind kind && kind.slug.equals(slug);
    }

    @Override
    public int hashCode() {
        return slug.hashCode();
    }

    @Override
    public String toString() {
        return slug;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
