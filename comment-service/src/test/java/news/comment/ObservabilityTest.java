package news.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import news.testsupport.OpenApiDocuments;
import news.testsupport.OperabilityChecks;
import news.testsupport.TestTokens;
import news.testsupport.TopicProbe;
import news.testsupport.Scrape;
import news.testsupport.Spans;
import tools.jackson.databind.JsonNode;

/**
 * What SREs and API users get from the running service: traces from a comment to its record and from an article
 * event into the consumer, the metrics the dashboards and alerts use, readiness that follows the replica's consumer,
 * the OpenAPI document.
 */
class ObservabilityTest extends IntegrationTest {

    @Autowired
    Spans spans;

    @Test
    void aCommentsRecordOnNewsCommentEventsCarriesTheTraceOfThePostThroughTheOutbox() {
        String articleId = publishedArticle();
        String trace = newTraceparent();
        try (TopicProbe events = TopicProbe.tail(COMMENT_EVENTS)) {
            HttpResponse<String> posted = api.send("POST", "/api/articles/" + articleId + "/comments",
                    TestTokens.reader(newId("traced")), "application/json", "{\"text\":\"traced comment\"}",
                    Map.of("traceparent", trace));
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);

            ConsumerRecord<String, byte[]> record = events.await(TopicProbe.withKey(articleId)
                    .and(TopicProbe.ofType("news.comment.posted")), 1).get(0);
            assertThat(TopicProbe.header(record, "traceparent"))
                    .as("the trace of the post, its parent the service's span").matches("00-" + traceId(trace)
                            + "-[0-9a-f]{16}-01").isNotEqualTo(trace);
        }
    }

    @Test
    void theReplicasConsumerProcessesARecordInASpanThatContinuesTheRecordsTrace() {
        String articleId = newId("art");
        String trace = newTraceparent();
        Map<String, String> headers = new HashMap<>(Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(),
                "ce_type", "news.article.published", "ce_source", "/article-service", "ce_subject", articleId,
                "ce_time", "2026-11-25T09:00:00.000Z", "content-type", "application/json"));
        headers.put("traceparent", trace);

        articleEvents.raw(articleId, ArticleEventsProducer.snapshotOf(articleId, "published", 1).json().getBytes(StandardCharsets.UTF_8),
                headers);
        awaitReplicaVersion(articleId, 1);

        Awaitility.await("the consumer's span").atMost(WAIT).untilAsserted(() -> assertThat(spans.ended())
                .filteredOn(span -> span.getTraceId().equals(traceId(trace)))
                .anySatisfy(span -> {
                    assertThat(span.getKind()).isEqualTo(SpanKind.CONSUMER);
                    assertThat(span.getParentSpanId()).isEqualTo(trace.substring(36, 52));
                }));
    }

    @Test
    void afterItsFlowsEveryMetricTheDashboardsAndAlertsUseIsExportedAndEverySampleNamesTheApplication()
            throws IOException {
        String articleId = publishedArticle();
        String author = TestTokens.reader(newId("metrics"));
        try (TopicProbe events = TopicProbe.tail(COMMENT_EVENTS)) {
            api.postComment(articleId, author, "one");
            api.postComment(articleId, author, "");
            events.await(TopicProbe.withKey(articleId), 1);
        }
        for (int i = 0; i < 5; i++) {
            api.postComment(articleId, author, "more " + i);
        }
        Awaitility.await("the binder's consumer lag gauge").atMost(WAIT).pollInterval(Duration.ofMillis(500))
                .until(() -> scrape().names().contains("spring_cloud_stream_binder_kafka_offset"));

        OperabilityChecks.assertScrape(actuator.get("/actuator/prometheus").body(), "comment-service", articleId,
                "news_comments_posted_total", "news_comments_rejected_total", "news_rate_limited_total",
                "news_events_consumed_total", "news_events_published_total", "news_outbox_pending",
                "http_server_requests_seconds_bucket");
    }

    @Test
    void livenessDependsOnNothingAndReadinessOnTheStoreAndTheReplicasConsumer() {
        String livenessBody = actuator.get("/actuator/health/liveness").body();
        String readinessBody = actuator.get("/actuator/health/readiness").body();
        JsonNode liveness = Api.JSON.readTree(livenessBody);
        JsonNode readiness = Api.JSON.readTree(readinessBody);

        assertThat(liveness.path("components").propertyNames()).as(livenessBody).containsExactly("livenessState");
        assertThat(readiness.path("components").propertyNames()).as(readinessBody)
                .containsExactlyInAnyOrder("readinessState", "mongo", "articleEventsConsumer");
        JsonNode consumer = readiness.path("components").path("articleEventsConsumer");
        assertThat(consumer.path("status").asString()).isEqualTo("UP");
        assertThat(consumer.path("details").path("running").asBoolean()).isTrue();
        assertThat(consumer.path("details").path("partitions").toString()).contains("news.article-events-");
    }

    @Test
    void theOpenApiDocumentDescribesTheCommentApi() {
        HttpResponse<String> docs = api.get("/v3/api-docs");

        assertThat(docs.statusCode()).isEqualTo(200);
        JsonNode document = Api.JSON.readTree(docs.body());
        assertThat(document.path("paths").propertyNames()).contains("/api/articles/{articleId}/comments",
                "/api/comments/{commentId}");
        assertThat(document.path("info").path("title").asString()).isEqualTo("comment-service");
        OpenApiDocuments.assertCheckedIn("comment-service", docs.body());
    }

    private Scrape scrape() {
        return Scrape.of(actuator.get("/actuator/prometheus").body());
    }

    static String newTraceparent() {
        return "00-" + UUID.randomUUID().toString().replace("-", "") + "-b7ad6b7169203331-01";
    }

    static String traceId(String traceparent) {
        return traceparent.substring(3, 35);
    }
}
