package news.gateway.page;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.ReceiverContext;
import news.gateway.edge.Correlation;

/**
 * The page assembly as one observation, {@value #ASSEMBLY}: its timer {@code news_page_assembly_seconds{page,outcome}}
 * (buckets at the page budget's marks: {@code management.metrics.distribution.slo} in application.yml) and its span,
 * a child of the trace of the request that asked for the page, itself the parent of the calls for the parts. Also
 * {@code news_page_degraded_total{part}}: how often each part was served stale or empty, and
 * {@code news_page_served_total{page}}.
 */
class PageMetrics {

    static final String ASSEMBLY = "news.page.assembly";

    private final MeterRegistry meters;
    private final ObservationRegistry observations;
    private final Map<String, Counter> degraded = new ConcurrentHashMap<>();
    private final Map<String, Counter> served = new ConcurrentHashMap<>();

    PageMetrics(MeterRegistry meters, ObservationRegistry observations) {
        this.meters = meters;
        this.observations = observations;
    }

    /** Starts timing and tracing the assembly of a page (cache hits are not assemblies). */
    Observation assembling(String page, Correlation correlation) {
        ReceiverContext<Correlation> context = new ReceiverContext<>(
                (carrier, key) -> Correlation.TRACEPARENT.equals(key) ? carrier.traceparent() : null, Kind.SERVER);
        context.setCarrier(correlation);
        return Observation.createNotStarted(ASSEMBLY, () -> context, observations)
                .contextualName("assemble " + page + " page")
                .lowCardinalityKeyValue("page", page)
                .start();
    }

    void assembled(Observation assembly, String outcome) {
        assembly.lowCardinalityKeyValue("outcome", outcome).stop();
    }

    void degraded(List<String> parts) {
        for (String part : parts) {
            degradedCounter(part).increment();
        }
    }

    Counter degradedCounter(String part) {
        return degraded.computeIfAbsent(part, p -> Counter.builder("news.page.degraded")
                .description("pages assembled with this part stale or empty because a dependency failed")
                .tag("part", p).register(meters));
    }

    /** Pages answered, by page; the gateway's HTTP metrics do not see those served from the page cache. */
    Counter served(String page) {
        return served.computeIfAbsent(page, p -> Counter.builder("news.page.served")
                .description("page API answers, from the page cache or freshly assembled")
                .tag("page", p).register(meters));
    }
}
