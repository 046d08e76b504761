package news.launcher.load;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What the load saw, per kind of request, safe to record from every connection's thread at once: the answers by
 * status, the requests that got none (by reason), and latencies in microseconds from the moment each request was
 * due (so a stalled server shows in the figures instead of silently slowing the load: no coordinated omission).
 */
final class Recorders {

    /** Why a request got no answer. */
    enum Failure {
        CONNECT("connect failed"), RESET("connection closed before the answer"), TIMEOUT("timed out"),
        NOT_SENT("not sent: every connection busy until the end");

        final String label;

        Failure(String label) {
            this.label = label;
        }
    }

    /** One kind's figures. */
    static final class Row {
        final Recorder latency = new Recorder(3);
        final Histogram total = new Histogram(3);
        final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        final Map<Failure, LongAdder> failures = new ConcurrentHashMap<>();
        final LongAdder sent = new LongAdder();

        synchronized Histogram interval() {
            Histogram interval = latency.getIntervalHistogram();
            total.add(interval);
            return interval;
        }

        long answered() {
            return statuses.values().stream().mapToLong(LongAdder::sum).sum();
        }

        long failed() {
            return failures.values().stream().mapToLong(LongAdder::sum).sum();
        }

        long status(int from, int to) {
            return statuses.entrySet().stream().filter(e -> e.getKey() >= from && e.getKey() < to)
                    .mapToLong(e -> e.getValue().sum()).sum();
        }

        Map<Integer, Long> statuses() {
            Map<Integer, Long> copy = new TreeMap<>();
            statuses.forEach((status, count) -> copy.put(status, count.sum()));
            return copy;
        }

        Map<Failure, Long> failures() {
            Map<Failure, Long> copy = new EnumMap<>(Failure.class);
            failures.forEach((failure, count) -> copy.put(failure, count.sum()));
            return copy;
        }
    }

    private volatile Row[] rows = newRows();
    private volatile boolean measuring;

    private static Row[] newRows() {
        Row[] rows = new Row[Kind.values().length];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new Row();
        }
        return rows;
    }

    /** Until this is called, what is recorded is warm-up and counts nowhere. */
    void startMeasuring() {
        rows = newRows();
        measuring = true;
    }

    boolean measuring() {
        return measuring;
    }

    void sent(Kind kind) {
        rows[kind.ordinal()].sent.increment();
    }

    void answered(Kind kind, int status, long latencyNanos) {
        Row row = rows[kind.ordinal()];
        row.statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
        row.latency.recordValue(Math.max(1, latencyNanos / 1_000));
    }

    void failed(Kind kind, Failure failure) {
        rows[kind.ordinal()].failures.computeIfAbsent(failure, f -> new LongAdder()).increment();
    }

    Row row(Kind kind) {
        return rows[kind.ordinal()];
    }
}
