package news.ranking.rules;

/**
 * The Must-Reads formula: {@code (views*viewWeight + comments*commentWeight + shares*shareWeight) /
 * (ageHours + ageOffsetHours)^ageExponent}, with the age never below zero.
 */
public record Scoring(double viewWeight, double commentWeight, double shareWeight, double ageOffsetHours,
                      double ageExponent) {

    private static final double MILLIS_PER_HOUR = 3_600_000.0;
    private static final double SCALE = 1_000_000.0;

    public double mustReadsScore(Candidate candidate, long at) {
        double ageHours = Math.max(0, at - candidate.publishedAt()) / MILLIS_PER_HOUR;
        double score = candidate.engagement(this) / Math.pow(ageHours + ageOffsetHours, ageExponent);
        return Math.round(score * SCALE) / SCALE;
    }
}
