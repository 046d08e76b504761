package news.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import news.testsupport.ServiceClient;
import news.testsupport.TestHttp;
import news.testsupport.OpenApiDocuments;
import news.testsupport.OperabilityChecks;
import news.testsupport.TopicProbe;
import news.testsupport.Scrape;
import tools.jackson.databind.JsonNode;

/**
 * What SREs and API users get from the running service: the trace of a request on the records it causes, the
 * metrics the dashboards and alerts use, probes that mean something, the OpenAPI document.
 */
@ArticleServiceTest
class ObservabilityTest {

    @ServiceClient(management = true)
    TestHttp actuator;
    @ServiceClient
    Api api;

    @Test
    void aViewsTraceGoesOnItsRecordOnNewsArticleViewsAsAChildOfTheServicesSpan() {
        String id = api.publishedArticle("Navy").path("id").asString();
        String trace = newTraceparent();
        try (TopicProbe views = TopicProbe.tail("news.article-views")) {
            HttpResponse<String> response = api.send("POST", "/api/articles/" + id + "/views", null,
                    "application/json", "{}", Map.of("traceparent", trace));
            assertThat(response.statusCode()).isEqualTo(202);

            String onRecord = TopicProbe.header(views.await(TopicProbe.withKey(id), 1).get(0), "traceparent");
            assertThat(onRecord).matches("00-" + traceId(trace) + "-[0-9a-f]{16}-01")
                    .as("the parent is the service's own span, not the caller's").isNotEqualTo(trace);
        }
    }

    @Test
    void anEditorsChangeCarriesItsRequestsTraceThroughTheOutboxToNewsArticleEvents() {
        String trace = newTraceparent();
        Map<String, Object> article = Api.article("Traced through the outbox " + UUID.randomUUID(), "Army");
        article.put("publish", true);
        try (TopicProbe events = TopicProbe.tail("news.article-events")) {
            HttpResponse<String> created = api.send("POST", "/api/articles", Api.EDITOR, "application/json",
                    Api.write(article), Map.of("traceparent", trace));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String id = Api.json(created).path("id").asString();

            ConsumerRecord<String, byte[]> published = events.await(TopicProbe.withKey(id), 1).get(0);
            assertThat(TopicProbe.header(published, "traceparent"))
                    .matches("00-" + traceId(trace) + "-[0-9a-f]{16}-01").isNotEqualTo(trace);
        }
    }

    @Test
    void afterItsFlowsEveryMetricTheDashboardsAndAlertsUseIsExportedAndEverySampleNamesTheApplication()
            throws IOException {
        String id = api.publishedArticle("Policy").path("id").asString();
        try (TopicProbe views = TopicProbe.tail("news.article-views");
             TopicProbe shares = TopicProbe.tail("news.article-shares")) {
            api.post("/api/articles/" + id + "/views", null, "{}");
            api.post("/api/articles/" + id + "/shares", null, "{\"channel\":\"x\"}");
            views.await(TopicProbe.withKey(id), 1);
            shares.await(TopicProbe.withKey(id), 1);
        }
        Scrape scrape = OperabilityChecks.assertScrape(actuator.get("/actuator/prometheus").body(), "article-service",
                id, "news_outbox_pending", "news_outbox_publish_seconds_bucket", "news_views_accepted_total",
                "news_events_published_total", "http_server_requests_seconds_bucket");
        assertThat(scrape.samples()).filteredOn(s -> s.name().equals("news_events_published_total"))
                .extracting(s -> s.labels().get("topic") + " " + s.labels().get("type"))
                .contains("news.article-events news.article.published", "news.article-views news.article.viewed",
                        "news.article-shares news.article.shared");
        assertThat(scrape.samples()).as("the outbox relay's own producer is measured like the others")
                .filteredOn(s -> s.name().startsWith("kafka_producer_record_send_total"))
                .extracting(s -> s.labels().get("client_id")).contains("outbox-relay-articles-1");
    }

    @Test
    void livenessDependsOnNothingAndReadinessOnTheStore() {
        String livenessBody = actuator.get("/actuator/health/liveness").body();
        String readinessBody = actuator.get("/actuator/health/readiness").body();
        JsonNode liveness = Api.json(livenessBody);
        JsonNode readiness = Api.json(readinessBody);

        assertThat(liveness.path("components").propertyNames()).as(livenessBody).containsExactly("livenessState");
        assertThat(readiness.path("components").propertyNames()).as(readinessBody)
                .containsExactlyInAnyOrder("readinessState", "mongo");
        assertThat(readiness.path("status").asString()).isEqualTo("UP");
    }

    @Test
    void theOpenApiDocumentDescribesTheArticleApi() {
        HttpResponse<String> docs = api.get("/v3/api-docs");

        assertThat(docs.statusCode()).isEqualTo(200);
        JsonNode paths = Api.json(docs.body()).path("paths");
        assertThat(paths.propertyNames()).contains("/api/articles", "/api/articles/{id}", "/api/articles/by-slug/{slug}",
                "/api/articles/{id}/publish", "/api/articles/{id}/unpublish", "/api/articles/{id}/editor-pick",
                "/api/articles/{articleId}/views", "/api/articles/{articleId}/shares");
        assertThat(Api.json(docs.body()).path("info").path("title").asString()).isEqualTo("article-service");
        OpenApiDocuments.assertCheckedIn("article-service", docs.body());
    }

    static String newTraceparent() {
        return "00-" + UUID.randomUUID().toString().replace("-", "") + "-b7ad6b7169203331-01";
    }

    static String traceId(String traceparent) {
        return traceparent.substring(3, 35);
    }
}
