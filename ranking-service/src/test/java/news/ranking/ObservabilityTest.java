package news.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.opentelemetry.api.trace.SpanKind;
import news.kit.cloudevents.CloudEvent;
import news.ranking.it.IsolatedTopics;
import news.testsupport.OpenApiDocuments;
import news.testsupport.OperabilityChecks;
import news.testsupport.TestInfrastructure;
import news.testsupport.Scrape;
import news.testsupport.Spans;
import tools.jackson.databind.JsonNode;

/**
 * What SREs and API users get from the running service: a view's trace continued into its processing, the metrics
 * the dashboards and alerts use, probes, the OpenAPI document.
 */
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityTest extends RealBrokerTest {

    @Autowired
    Spans spans;

    @Test
    void aViewsRecordIsProcessedInASpanOfItsTraceAndItsLogLineCarriesTheTraceId(CapturedOutput output) {
        String article = "traced-" + UUID.randomUUID().toString().substring(0, 8);
        // as article-service writes it: the traceparent of the request that was the view
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String requestSpan = "53995c3f42cd8ad8";
        CloudEvent view = withTraceparent(TestEvents.view(article, "Navy", "rita", false, Instant.now()),
                "00-" + traceId + "-" + requestSpan + "-01");

        send(view.toRecord("news.article-views"));

        Awaitility.await("the processing span").atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(spans.ended()).filteredOn(span -> span.getTraceId().equals(traceId)).singleElement()
                        .satisfies(span -> {
                            assertThat(span.getParentSpanId()).isEqualTo(requestSpan);
                            assertThat(span.getKind()).isEqualTo(SpanKind.CONSUMER);
                            assertThat(span.getName()).isEqualTo("news.article-views process");
                        }));
        String spanId = spans.ended().stream().filter(span -> span.getTraceId().equals(traceId)).findFirst()
                .orElseThrow().getSpanId();
        Awaitility.await("the log line").atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(output.getOut()).containsPattern("\\[" + traceId + "-" + spanId
                        + "] .*RecordTracing +: Processed news\\.article-views-\\d+@\\d+ \\(news\\.article\\.viewed\\)"));
    }

    @Test
    void aRecordWhoseTraceIsNotSampledCostsNoSpan() {
        String article = "unsampled-" + UUID.randomUUID().toString().substring(0, 8);
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String sampledTraceId = UUID.randomUUID().toString().replace("-", "");

        send(withTraceparent(TestEvents.view(article, "Navy", "sam", false, Instant.now()),
                "00-" + traceId + "-53995c3f42cd8ad8-00").toRecord("news.article-views"));
        send(withTraceparent(TestEvents.view(article, "Navy", "tom", false, Instant.now()),
                "00-" + sampledTraceId + "-53995c3f42cd8ad8-01").toRecord("news.article-views"));

        Awaitility.await("the later, sampled record's span").atMost(Duration.ofSeconds(60)).until(() ->
                spans.ended().stream().anyMatch(span -> span.getTraceId().equals(sampledTraceId)));
        assertThat(spans.ended()).noneMatch(span -> span.getTraceId().equals(traceId));
    }

    @Test
    void afterItsFlowsEveryMetricTheDashboardsAndAlertsUseIsExportedAndEverySampleNamesTheApplication()
            throws IOException {
        String article = "measured-" + UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        send(TestEvents.article(article, "Army", "Measured", true, now.minus(Duration.ofMinutes(5)), false, null, 1)
                .toRecord("news.article-events"));
        send(TestEvents.view(article, "Army", "reader", false, now).toRecord("news.article-views"));
        CloudEvent valid = TestEvents.view(article, "Army", "reader", false, now);
        ProducerRecord<String, byte[]> template = valid.toRecord("news.article-views");
        send(new ProducerRecord<>("news.article-views", null, template.timestamp(), template.key(),
                "not json".getBytes(StandardCharsets.UTF_8), template.headers()));

        Awaitility.await("rankings published, the dead letter and the freshness measured").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500)).untilAsserted(() -> assertThat(scrapeBody())
                        .contains("news_events_published_total{application=\"ranking-service\",topic=\"news.rankings\","
                                + "type=\"news.ranking.updated\"}")
                        .contains("news_events_published_total{application=\"ranking-service\","
                                + "topic=\"news.article-views.dlq\",type=\"dead-letter\"}")
                        .containsPattern("news_ranking_freshness_seconds_count\\{[^}]*} [1-9]"));

        String body = scrapeBody();
        Scrape scrape = Scrape.kept("ranking-service", body);

        assertThat(scrape.names()).containsAll(Scrape.required("ranking-service"))
                .contains("news_ranking_freshness_seconds_bucket", "news_ranking_dlq_total",
                        "news_ranking_late_views_total", "news_events_consumed_total", "news_events_published_total",
                        "http_server_requests_seconds_bucket");
        assertThat(scrape.samples()).allSatisfy(sample ->
                assertThat(sample.labels()).as(sample.name()).containsEntry("application", "ranking-service"));
        assertThat(body).doesNotContain(article);
    }

    @Test
    void livenessDependsOnNothingAndReadinessOnKafkaStreams() {
        String livenessBody = OperabilityChecks.get(managementPort, "/actuator/health/liveness").body();
        String readinessBody = OperabilityChecks.get(managementPort, "/actuator/health/readiness").body();

        assertThat(JSON.readTree(livenessBody).path("components").propertyNames()).as(livenessBody)
                .containsExactly("livenessState");
        assertThat(JSON.readTree(readinessBody).path("components").propertyNames()).as(readinessBody)
                .containsExactlyInAnyOrder("readinessState", "rankingStreams");
    }

    @Test
    void theOpenApiDocumentDescribesTheRankingApi() {
        var docs = OperabilityChecks.get(port, "/v3/api-docs");

        assertThat(docs.statusCode()).isEqualTo(200);
        JsonNode document = JSON.readTree(docs.body());
        assertThat(document.path("paths").propertyNames()).contains("/api/rankings/{list}");
        assertThat(document.path("info").path("title").asString()).isEqualTo("ranking-service");
        OpenApiDocuments.assertCheckedIn("ranking-service", docs.body());
    }

    private String scrapeBody() {
        return OperabilityChecks.get(managementPort, "/actuator/prometheus").body();
    }

    private static CloudEvent withTraceparent(CloudEvent event, String traceparent) {
        return new CloudEvent(event.id(), event.type(), event.source(), event.subject(), event.time(), event.json(),
                traceparent);
    }

    private static void send(ProducerRecord<String, byte[]> record) {
        try (KafkaProducer<String, byte[]> producer = IsolatedTopics.producer(TestInfrastructure.kafkaBootstrapServers())) {
            producer.send(record);
        }
    }
}
