package news.systemtests;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/** What a load generator saw for one kind of request: statuses and latencies (bounded: one long per request). */
final class Traffic {

    private final String kind;
    private final int expected;
    private long[] micros = new long[1 << 14];
    private int count;
    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private final java.util.List<String> failures = new java.util.ArrayList<>();

    Traffic(String kind, int expected) {
        this.kind = kind;
        this.expected = expected;
    }

    synchronized void add(Api.Answer answer) {
        if (count == micros.length) {
            micros = Arrays.copyOf(micros, micros.length * 2);
        }
        micros[count++] = answer.took().toNanos() / 1000;
        statuses.merge(answer.status(), 1, Integer::sum);
        if (answer.status() != expected && failures.size() < 5) {
            failures.add(answer.toString());
        }
    }

    synchronized void addAll(Traffic other) {
        for (int i = 0; i < other.count; i++) {
            if (count == micros.length) {
                micros = Arrays.copyOf(micros, micros.length * 2);
            }
            micros[count++] = other.micros[i];
        }
        other.statuses.forEach((k, v) -> statuses.merge(k, v, Integer::sum));
        other.failures.stream().limit(Math.max(0, 5 - failures.size())).forEach(failures::add);
    }

    String kind() {
        return kind;
    }

    synchronized int count() {
        return count;
    }

    synchronized int errors() {
        return count - statuses.getOrDefault(expected, 0);
    }

    synchronized Map<Integer, Integer> statuses() {
        return new TreeMap<>(statuses);
    }

    synchronized double percentileMillis(double p) {
        if (count == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(micros, count);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * count) - 1;
        return sorted[Math.max(0, Math.min(count - 1, index))] / 1000.0;
    }

    /** The first few answers other than the expected status. */
    synchronized java.util.List<String> failures() {
        return java.util.List.copyOf(failures);
    }

    synchronized String summary(Duration over) {
        return "%s: %d requests, %.0f/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms, statuses %s".formatted(kind, count,
                count / (over.toMillis() / 1000.0), percentileMillis(50), percentileMillis(99), percentileMillis(100),
                statuses);
    }
}
