package news.gateway.page;

import java.util.List;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The page series the dashboards, alerts and SLOs read exist from start-up, at 0 for every known label value: pages
 * served, parts degraded, and the unavailable page assemblies the availability SLO counts. A counter that first
 * appears with its first event has no earlier sample, so {@code rate()} and {@code increase()} miss that event and an
 * alert over it stays silent (infra/observability/metrics.yaml, "known-series").
 */
@Component
class KnownPageSeries implements MeterBinder {

    static final List<String> PAGES = List.of("article", "home");
    static final List<String> PARTS = List.of(PageAssembler.ARTICLE, PageAssembler.COMMENTS, PageAssembler.POPULAR_NOW,
            PageAssembler.MUST_READS, PageAssembler.LATEST_STORIES, PageAssembler.JUST_IN, "sections");

    private final PageMetrics metrics;

    KnownPageSeries(PageMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String page : PAGES) {
            metrics.served(page);
            Timer.builder(PageMetrics.ASSEMBLY).tag("page", page).tag("outcome", "unavailable").tag("error", "none")
                    .register(registry);
        }
        PARTS.forEach(metrics::degradedCounter);
    }
}
