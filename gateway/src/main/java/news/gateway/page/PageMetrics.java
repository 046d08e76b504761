package news.gateway.page;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * {@code news_page_assembly_seconds{page,outcome}} with buckets at the page budget's marks, and
 * {@code news_page_degraded_total{part}}: how often each part was served stale or empty.
 */
class PageMetrics {

    private static final Duration[] SLO = {Duration.ofMillis(5), Duration.ofMillis(25), Duration.ofMillis(100),
            Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofMillis(1000), Duration.ofMillis(1500)};

    private final MeterRegistry meters;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private final Map<String, Counter> degraded = new ConcurrentHashMap<>();
    private final Map<String, Counter> served = new ConcurrentHashMap<>();

    PageMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void assembled(String page, String outcome, long startedNanos) {
        timers.computeIfAbsent(page + "|" + outcome, k -> Timer.builder("news.page.assembly")
                        .description("time to assemble a page from its parts (cache hits are not assemblies)")
                        .tag("page", page).tag("outcome", outcome)
                        .serviceLevelObjectives(SLO)
                        .register(meters))
                .record(PageAssembler.elapsedSince(startedNanos));
    }

    void degraded(List<String> parts) {
        for (String part : parts) {
            degraded.computeIfAbsent(part, p -> Counter.builder("news.page.degraded")
                    .description("pages assembled with this part stale or empty because a dependency failed")
                    .tag("part", p).register(meters)).increment();
        }
    }

    /** Pages answered, by page; the gateway's HTTP metrics do not see those served from the page cache. */
    Counter served(String page) {
        return served.computeIfAbsent(page, p -> Counter.builder("news.page.served")
                .description("page API answers, from the page cache or freshly assembled")
                .tag("page", p).register(meters));
    }
}
