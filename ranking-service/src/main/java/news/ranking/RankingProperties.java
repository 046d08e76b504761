package news.ranking;

import java.time.Duration;
import java.util.Objects;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Every tunable of the rankings ({@code news.ranking.*}): windows, weights, list sizes, grace periods and the
 * pace of emission and publication. The values live in {@code application.yml} (DESIGN §5 as defaults) and nowhere
 * else; {@code README.md} explains each one.
 *
 * @param source         {@code ce_source} of the {@code news.ranking.updated} events
 * @param consumer       {@code x-dlq-consumer} of the dead letters this service writes
 * @param maxListSize    how many entries each list keeps and publishes (the query API's largest {@code limit})
 * @param listPartitions partitions of the internal topic that spreads the lists over instances; fixed once the
 *                       application has run (changing it needs an application reset)
 * @param emitInterval   wall-clock period of expiry, per-article emission and list recomputation
 * @param publishInterval shortest time between two publications of one list on {@code news.rankings}
 */
@ConfigurationProperties("news.ranking")
public record RankingProperties(
        String source,
        String consumer,
        int maxListSize,
        int listPartitions,
        Duration emitInterval,
        Duration publishInterval,
        PopularNow popularNow,
        MustReads mustReads,
        Events events) {

    /** The schema of {@code news.ranking.updated} allows at most 50 entries. */
    public static final int SCHEMA_MAX_ENTRIES = 50;

    public RankingProperties {
        Objects.requireNonNull(source, "news.ranking.source");
        Objects.requireNonNull(consumer, "news.ranking.consumer");
        Objects.requireNonNull(popularNow, "news.ranking.popular-now");
        Objects.requireNonNull(mustReads, "news.ranking.must-reads");
        Objects.requireNonNull(events, "news.ranking.events");
        require(maxListSize >= 1 && maxListSize <= SCHEMA_MAX_ENTRIES,
                "news.ranking.max-list-size must be 1 to " + SCHEMA_MAX_ENTRIES);
        require(listPartitions >= 1, "news.ranking.list-partitions must be at least 1");
        require(positive(emitInterval), "news.ranking.emit-interval must be positive");
        require(publishInterval != null && publishInterval.compareTo(Duration.ofSeconds(1)) >= 0,
                "news.ranking.publish-interval must be at least 1s: news.rankings carries at most one update per"
                        + " second per key");
    }

    /**
     * Popular Now: counted views of the last {@code window}.
     *
     * @param bucket             time granularity of the counts; the window is exact at multiples of it
     * @param repeatViewInterval a reader's view counts only this long after their last counted view of the article
     * @param grace              how far a view may arrive out of order before it is dropped as late
     */
    public record PopularNow(
            Duration window,
            Duration bucket,
            Duration repeatViewInterval,
            Duration grace) {

        public PopularNow {
            require(positive(window) && positive(bucket) && window.toMillis() % bucket.toMillis() == 0,
                    "news.ranking.popular-now.window must be a positive multiple of its bucket");
            require(positive(repeatViewInterval),
                    "news.ranking.popular-now.repeat-view-interval must be positive: it also recognises redeliveries");
            require(grace != null && !grace.isNegative(), "news.ranking.popular-now.grace must not be negative");
        }

        /** Views older than the newest view of their partition by more than this are late. */
        public Duration lateAfter() {
            return window.plus(grace);
        }

        /**
         * How long the per-reader log of counted views is kept: long enough that every view which is not late still
         * sees the counted views within the repeat interval around it (so a redelivered view never counts twice).
         */
        public Duration readerLogRetention() {
            return lateAfter().plus(repeatViewInterval).plus(bucket).plusMinutes(1);
        }
    }

    /**
     * Must-Reads: editor picks first, then {@code (views*viewWeight + comments*commentWeight + shares*shareWeight) /
     * (ageHours + ageOffsetHours)^ageExponent} over the last {@code window}.
     *
     * @param dedupeRetention how long shares' {@code ce_id}s and comments' ids are remembered: at least the window,
     *                        so that a redelivery inside the window is recognised
     * @param recomputeInterval how often the lists are recomputed (ages change) even when no event arrives
     */
    public record MustReads(
            Duration window,
            Duration bucket,
            double viewWeight,
            double commentWeight,
            double shareWeight,
            double ageOffsetHours,
            double ageExponent,
            Duration dedupeRetention,
            Duration recomputeInterval) {

        public MustReads {
            require(positive(window) && positive(bucket) && window.toMillis() % bucket.toMillis() == 0,
                    "news.ranking.must-reads.window must be a positive multiple of its bucket");
            require(viewWeight >= 0 && commentWeight >= 0 && shareWeight >= 0,
                    "news.ranking.must-reads weights must not be negative");
            require(ageOffsetHours > 0 && ageExponent >= 0,
                    "news.ranking.must-reads.age-offset-hours must be positive and age-exponent not negative");
            require(dedupeRetention != null && dedupeRetention.compareTo(window.plus(bucket)) >= 0,
                    "news.ranking.must-reads.dedupe-retention must be at least window + bucket");
            require(positive(recomputeInterval), "news.ranking.must-reads.recompute-interval must be positive");
        }
    }

    /**
     * Limits on what the service reads; a record beyond them goes to the dead-letter topic.
     *
     * @param maxEventBytes   largest payload of a view, share or comment event
     * @param maxArticleBytes largest article snapshot (bodies are long)
     * @param maxClockSkew    how far in the future an event time may lie; later ones are refused, so that one
     *                        producer with a wrong clock cannot make every other view look late
     */
    public record Events(
            int maxEventBytes,
            int maxArticleBytes,
            Duration maxClockSkew) {

        public Events {
            require(maxEventBytes > 0 && maxArticleBytes > 0, "news.ranking.events limits must be positive");
            require(maxClockSkew != null && !maxClockSkew.isNegative(),
                    "news.ranking.events.max-clock-skew must not be negative");
        }
    }

    private static boolean positive(Duration duration) {
        return duration != null && !duration.isNegative() && !duration.isZero();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
