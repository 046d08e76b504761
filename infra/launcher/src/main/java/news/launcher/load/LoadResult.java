package news.launcher.load;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.HdrHistogram.Histogram;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a load run saw, per kind of request and in all: requests per second, latency percentiles from the moment
 * each request was due, answers by status and requests that got no answer by reason.
 *
 * @param counted how long the counted part ran
 * @param rows    one per kind that was sent, in {@link Kind} order
 */
public record LoadResult(Duration counted, List<KindResult> rows) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One kind's figures; latencies in milliseconds. */
    public record KindResult(String kind, String label, long answered, Map<Integer, Long> statuses,
                             Map<String, Long> failures, double p50, double p99, double p999, double max) {

        public long failed() {
            return failures.values().stream().mapToLong(Long::longValue).sum();
        }

        public long requests() {
            return answered + failed();
        }

        public long statuses(int from, int to) {
            return statuses.entrySet().stream().filter(e -> e.getKey() >= from && e.getKey() < to)
                    .mapToLong(Map.Entry::getValue).sum();
        }

        double perSecond(Duration counted) {
            return requests() / (counted.toNanos() / 1e9);
        }
    }

    /** Totals so far and the latencies of the last interval (for progress lines). */
    public record Interval(long answered, long failed, long clientErrors, long serverErrors, double p50, double p99) {
    }

    static LoadResult of(Recorders recorders, Duration counted) {
        List<KindResult> rows = new ArrayList<>();
        Histogram all = new Histogram(3);
        Map<Integer, Long> allStatuses = new TreeMap<>();
        Map<String, Long> allFailures = new LinkedHashMap<>();
        long allAnswered = 0;
        for (Kind kind : Kind.values()) {
            Recorders.Row row = recorders.row(kind);
            row.interval();
            Histogram latency = row.total;
            long answered = row.answered();
            if (answered + row.failed() == 0) {
                continue;
            }
            Map<String, Long> failures = failures(row.failures());
            rows.add(row(kind.name(), kind.label(), answered, row.statuses(), failures, latency));
            if (kind != Kind.ABUSIVE) {
                all.add(latency);
                allAnswered += answered;
                row.statuses().forEach((status, count) -> allStatuses.merge(status, count, Long::sum));
                failures.forEach((failure, count) -> allFailures.merge(failure, count, Long::sum));
            }
        }
        if (rows.size() > 1) {
            rows.add(row("ALL", "all (the abusive client apart)", allAnswered, allStatuses, allFailures, all));
        }
        return new LoadResult(counted, rows);
    }

    static Interval interval(Recorders recorders) {
        Histogram last = new Histogram(3);
        long answered = 0;
        long failed = 0;
        long clientErrors = 0;
        long serverErrors = 0;
        for (Kind kind : Kind.values()) {
            if (kind == Kind.ABUSIVE) {
                continue;
            }
            Recorders.Row row = recorders.row(kind);
            last.add(row.interval());
            answered += row.answered();
            failed += row.failed();
            clientErrors += row.status(400, 500);
            serverErrors += row.status(500, 600);
        }
        return new Interval(answered, failed, clientErrors, serverErrors, millis(last, 50), millis(last, 99));
    }

    private static KindResult row(String kind, String label, long answered, Map<Integer, Long> statuses,
                                  Map<String, Long> failures, Histogram latency) {
        return new KindResult(kind, label, answered, statuses, failures, millis(latency, 50), millis(latency, 99),
                millis(latency, 99.9), latency.getTotalCount() == 0 ? 0 : latency.getMaxValue() / 1000.0);
    }

    private static Map<String, Long> failures(Map<Recorders.Failure, Long> failures) {
        Map<String, Long> named = new LinkedHashMap<>();
        new EnumMap<>(failures).forEach((failure, count) -> named.put(failure.label, count));
        return named;
    }

    private static double millis(Histogram histogram, double percentile) {
        return histogram.getTotalCount() == 0 ? 0 : histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    /** The row of all kinds together (or the only row). */
    public KindResult total() {
        return rows.isEmpty() ? null : rows.get(rows.size() - 1);
    }

    public KindResult row(Kind kind) {
        return rows.stream().filter(r -> r.kind().equals(kind.name())).findFirst().orElse(null);
    }

    public void print(PrintStream out) {
        out.printf("%-36s %9s %9s %8s %8s %9s %9s  %s%n", "request", "requests", "req/s", "p50 ms", "p99 ms",
                "p99.9 ms", "max ms", "answers and failures");
        for (KindResult row : rows) {
            out.printf("%-36s %,9d %,9.0f %8.2f %8.2f %9.2f %9.1f  %s%n", row.label(), row.requests(),
                    row.perSecond(counted), row.p50(), row.p99(), row.p999(), row.max(), outcomes(row));
        }
    }

    /** Answers by status class, 4xx and 5xx by status, then each reason a request got no answer. */
    static String outcomes(KindResult row) {
        List<String> parts = new ArrayList<>();
        long ok = row.statuses(200, 400);
        parts.add(String.format("%,d 2xx/3xx", ok));
        String clientErrors = row.statuses().entrySet().stream().filter(e -> e.getKey() >= 400 && e.getKey() < 500)
                .map(e -> String.format("%,d × %d", e.getValue(), e.getKey())).collect(Collectors.joining(", "));
        String serverErrors = row.statuses().entrySet().stream().filter(e -> e.getKey() >= 500)
                .map(e -> String.format("%,d × %d", e.getValue(), e.getKey())).collect(Collectors.joining(", "));
        if (!clientErrors.isEmpty()) {
            parts.add("4xx: " + clientErrors);
        }
        if (!serverErrors.isEmpty()) {
            parts.add("5xx: " + serverErrors);
        }
        row.failures().forEach((failure, count) -> parts.add(String.format("%,d %s", count, failure)));
        return String.join("; ", parts);
    }

    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("countedSeconds", counted.toNanos() / 1e9);
        var array = root.putArray("rows");
        rows.forEach(row -> array.add(JSON.valueToTree(row)));
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    public static LoadResult fromJson(String json) {
        JsonNode root = JSON.readTree(json);
        Duration counted = Duration.ofNanos((long) (root.path("countedSeconds").asDouble() * 1e9));
        List<KindResult> rows = new ArrayList<>();
        root.path("rows").forEach(row -> rows.add(JSON.treeToValue(row, KindResult.class)));
        return new LoadResult(counted, rows);
    }

    /**
     * Prints two runs of the same requests side by side (a server and its anchor), each kind's requests per second
     * and its ratio, and the latencies of both.
     */
    public static void compare(String name, LoadResult result, String anchorName, LoadResult anchor, PrintStream out) {
        out.printf("%-36s %10s %10s %7s   %-26s %-26s%n", "request", name + " r/s", anchorName + " r/s", "ratio",
                name + " p50/p99/p99.9 ms", anchorName + " p50/p99/p99.9 ms");
        for (KindResult row : result.rows()) {
            KindResult other = anchor.rows().stream().filter(r -> r.kind().equals(row.kind())).findFirst()
                    .orElse(null);
            double mine = row.perSecond(result.counted());
            double theirs = other == null ? 0 : other.perSecond(anchor.counted());
            out.printf("%-36s %,10.0f %,10.0f %7s   %-26s %-26s%n", row.label(), mine, theirs,
                    theirs == 0 ? "-" : String.format("%.2f×", mine / theirs), latencies(row),
                    other == null ? "-" : latencies(other));
        }
        for (var pair : List.of(Map.entry(name, result), Map.entry(anchorName, anchor))) {
            KindResult total = pair.getValue().total();
            if (total != null && (total.failed() > 0 || total.statuses(400, 600) > 0)) {
                out.println(pair.getKey() + ": " + outcomes(total));
            }
        }
    }

    private static String latencies(KindResult row) {
        return String.format("%.2f / %.2f / %.2f", row.p50(), row.p99(), row.p999());
    }
}
