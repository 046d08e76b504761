package news.testsupport;

import java.util.List;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;

/**
 * Every span the service ends, kept in memory for assertions (nothing is exported in tests). Import it into a test
 * context and inject it: each application context has its own, so spans of another context in the same JVM (another
 * test class, another service) never show up in a test's assertions.
 * <p>
 * The exporter is not a bean of its own on purpose: Boot would hand every {@code SpanExporter} bean to its batching
 * processor as well, and each span would then arrive twice, late.
 */
@TestConfiguration(proxyBeanMethods = false)
public class Spans {

    private final InMemorySpanExporter exporter = InMemorySpanExporter.create();

    @Bean
    SpanProcessor recordingSpanProcessor() {
        return SimpleSpanProcessor.create(exporter);
    }

    /** The spans this context ended so far, oldest first. */
    public List<SpanData> ended() {
        return exporter.getFinishedSpanItems();
    }
}
