package news.ranking;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.boot.context.properties.ConfigurationProperties;

import news.ranking.rules.Activity;
import news.ranking.rules.ListKind;
import news.ranking.rules.ListKinds;
import news.ranking.rules.Measure;
import news.ranking.rules.ReaderRepeat;

/**
 * Every tunable of the rankings ({@code news.ranking.*}): the measures and the lists as data (windows, buckets,
 * weights, ageing), list sizes, and the pace of emission and publication. The values live in
 * {@code application.yml} (the rules of docs/product.md as defaults) and nowhere else; {@code README.md} explains each
 * one.
 *
 * @param source         {@code ce_source} of the {@code news.ranking.updated} events
 * @param consumer       {@code x-dlq-consumer} of the dead letters this service writes
 * @param maxListSize    how many entries each list keeps and publishes (the query API's largest {@code limit})
 * @param listPartitions partitions of the internal topic that spreads the lists over instances; fixed once the
 *                       application has run (changing it needs an application reset)
 * @param emitInterval   wall-clock period of expiry, per-article emission and list recomputation
 * @param publishInterval shortest time between two publications of one list on {@code news.rankings}
 * @param dedupeRetention how long share {@code ce_id}s and comment ids are remembered: at least the window + bucket of
 *                        every list that counts them, so that a redelivery inside a window is recognised
 * @param freshnessList   the list whose {@code all} key measures view-to-list freshness
 *                        ({@code news_ranking_freshness_seconds})
 */
@ConfigurationProperties("news.ranking")
public record RankingProperties(
        String source,
        String consumer,
        int maxListSize,
        int listPartitions,
        Duration emitInterval,
        Duration publishInterval,
        Duration dedupeRetention,
        String freshnessList,
        Map<String, MeasureSettings> measures,
        Map<String, ListSettings> lists,
        Events events) {

    /** The schema of {@code news.ranking.updated} allows at most 50 entries. */
    public static final int SCHEMA_MAX_ENTRIES = 50;

    public RankingProperties {
        Objects.requireNonNull(source, "news.ranking.source");
        Objects.requireNonNull(consumer, "news.ranking.consumer");
        Objects.requireNonNull(events, "news.ranking.events");
        measures = measures == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(measures));
        lists = lists == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(lists));
        require(maxListSize >= 1 && maxListSize <= SCHEMA_MAX_ENTRIES,
                "news.ranking.max-list-size must be 1 to " + SCHEMA_MAX_ENTRIES);
        require(listPartitions >= 1, "news.ranking.list-partitions must be at least 1");
        require(positive(emitInterval), "news.ranking.emit-interval must be positive");
        require(publishInterval != null && publishInterval.compareTo(Duration.ofSeconds(1)) >= 0,
                "news.ranking.publish-interval must be at least 1s: news.rankings carries at most one update per"
                        + " second per key");
        require(positive(dedupeRetention), "news.ranking.dedupe-retention must be positive");
        ListKinds kinds = kinds(measures, lists);
        for (ListKind kind : kinds.all()) {
            boolean byId = kind.measures().stream().map(kinds::measureIndex).map(kinds.measures()::get)
                    .anyMatch(m -> !m.byReader());
            require(!byId || dedupeRetention.compareTo(kind.window().plus(kind.bucket())) >= 0,
                    "news.ranking.dedupe-retention must be at least the window + bucket of " + kind.slug()
                            + ", which counts shares or comments by their id");
        }
        require(freshnessList == null || kinds.bySlug(freshnessList).isPresent(),
                "news.ranking.freshness-list must be one of the lists: " + kinds.slugs());
    }

    /** The lists, and the measures they count, as the rules use them. */
    public ListKinds listKinds() {
        return kinds(measures, lists);
    }

    private static ListKinds kinds(Map<String, MeasureSettings> measures, Map<String, ListSettings> lists) {
        List<Measure> all = new ArrayList<>();
        measures.forEach((name, m) -> all.add(new Measure(name, m.activity(), m.oncePerReader(), m.repeat(),
                m.lateAfter())));
        List<ListKind> kinds = new ArrayList<>();
        lists.forEach((slug, l) -> kinds.add(l.kind(slug)));
        return new ListKinds(kinds, all);
    }

    /**
     * A measure ({@link Measure}): what it counts, and, for activity with a reader, how often one reader's activity on
     * one article counts (once per {@code oncePerReader}, a {@code repeat} within that interval or in the same period
     * of it) and when it is late.
     */
    public record MeasureSettings(Activity activity, Duration oncePerReader, ReaderRepeat repeat, Duration lateAfter) {
    }

    /**
     * A list ({@link ListKind}): its window and bucket, the measures it counts with their weights ({@code counts}),
     * its ageing ({@code (ageHours + ageOffsetHours)^ageExponent}, none when the exponent is 0), whether editor picks
     * come first, and how often a list that ages is recomputed without changes.
     */
    public record ListSettings(Duration window, Duration bucket, Map<String, Double> counts, double ageOffsetHours,
                               double ageExponent, boolean editorPicksFirst, Duration recomputeInterval) {

        ListKind kind(String slug) {
            Map<String, Double> weights = counts == null ? Map.of() : counts;
            return new ListKind(slug, window, bucket, List.copyOf(weights.keySet()),
                    weights.values().stream().mapToDouble(Double::doubleValue).toArray(), ageOffsetHours, ageExponent,
                    editorPicksFirst, recomputeInterval);
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
