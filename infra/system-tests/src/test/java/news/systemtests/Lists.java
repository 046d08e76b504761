package news.systemtests;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * The 24 ranking lists (Popular Now, Must-Reads and Most Shared, {@code all} and every section) in a form two
 * instances or two moments can be compared by: Popular Now and Most Shared by their counts, Must-Reads by its engagement {@code views + 5*comments +
 * 10*shares}, recovered from the score and the article's age at {@code computedAt} (the score decays with age, the
 * engagement does not), in article id order. Fallback entries are marked as such.
 */
final class Lists {

    static final List<String> KINDS = List.of("popular-now", "must-reads", "most-shared");

    private Lists() {
    }

    static List<String> keys() {
        List<String> keys = new ArrayList<>();
        for (String kind : KINDS) {
            keys.add(kind + "|all");
            Newsroom.SECTIONS.forEach(s -> keys.add(kind + "|" + s));
        }
        return keys;
    }

    /** Every list as {@code articleId=count} entries in rank order, from a ranking-service (or gateway) base URL. */
    static Map<String, List<String>> all(String baseUrl) {
        Map<String, List<String>> lists = new LinkedHashMap<>();
        for (String key : keys()) {
            String[] parts = key.split("\\|");
            Api.Answer answer = Newsroom.list(baseUrl, parts[0], parts[1], 50);
            if (answer.status() != 200) {
                throw new AssertionError(key + " from " + baseUrl + ": " + answer);
            }
            lists.put(key, comparable(answer.json()));
        }
        return lists;
    }

    static List<String> comparable(JsonNode list) {
        boolean mustReads = "must-reads".equals(list.path("list").asString());
        Instant computedAt = Instant.parse(list.path("computedAt").asString());
        List<String> entries = new ArrayList<>();
        for (JsonNode e : list.path("entries")) {
            String id = e.path("articleId").asString();
            if (e.path("fallback").asBoolean()) {
                entries.add(id + "=fallback");
            } else if (mustReads) {
                entries.add(id + "=" + engagement(e, computedAt));
            } else {
                entries.add(id + "=" + e.path("score").asLong());
            }
        }
        if (mustReads) {
            // the order follows from scores that decay with each article's age, so it may change between two
            // computations even with the same counts; what must be equal is who is listed with which engagement
            java.util.Collections.sort(entries);
        }
        return entries;
    }

    /** {@code score * (ageHours + 2)^1.5}, rounded: the Must-Reads numerator (the score is rounded to 6 decimals). */
    static long engagement(JsonNode entry, Instant computedAt) {
        double ageHours = Math.max(0, Duration.between(Instant.parse(entry.path("publishedAt").asString()), computedAt)
                .toMillis()) / 3_600_000.0;
        double engagement = entry.path("score").asDouble() * Math.pow(ageHours + 2, 1.5);
        long rounded = Math.round(engagement);
        if (Math.abs(engagement - rounded) > 0.01) {
            throw new AssertionError("Must-Reads score " + entry + " at " + computedAt + " is not a whole engagement: "
                    + engagement);
        }
        return rounded;
    }

    /**
     * What differs between two sets of lists, one line per list that is not equal (entries only in one, or the same
     * entries in another order): empty exactly when the two maps are equal. A failure names the lists and entries
     * that differ instead of printing all 24 lists twice.
     */
    static List<String> differences(Map<String, List<String>> expected, Map<String, List<String>> actual) {
        List<String> lines = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>(expected.keySet());
        keys.addAll(actual.keySet());
        for (String key : keys) {
            List<String> want = expected.get(key);
            List<String> got = actual.get(key);
            if (Objects.equals(want, got)) {
                continue;
            }
            if (want == null || got == null) {
                lines.add(key + ": " + (want == null ? "not expected, got " + got : "missing, expected " + want));
                continue;
            }
            List<String> missing = new ArrayList<>(want);
            missing.removeAll(got);
            List<String> extra = new ArrayList<>(got);
            extra.removeAll(want);
            lines.add(missing.isEmpty() && extra.isEmpty()
                    ? key + ": same entries in another order: expected " + want + ", got " + got
                    : key + ": expected but not there " + missing + ", there but not expected " + extra);
        }
        return lines;
    }
}
