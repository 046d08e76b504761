package news.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import news.gateway.support.Downstream;
import news.gateway.support.TestArticle;
import news.testsupport.OpenApiDocuments;
import news.testsupport.OperabilityChecks;
import news.testsupport.Scrape;
import news.testsupport.Spans;
import tools.jackson.databind.JsonNode;

/**
 * What SREs and API users get from the gateway: the caller's trace continued on routed calls and on the calls a page
 * makes, the metrics the dashboards and alerts use, probes, the combined API documents.
 */
class ObservabilityTest extends GatewayIntegrationTest {

    @Autowired
    Spans spans;

    @Test
    void aRoutedCallCarriesTheTraceOfTheGatewaysClientSpanForIt() {
        TestArticle article = TestArticle.published("Navy", "Routed and traced");
        servicesKnow(article, List.of());
        String caller = newTraceparent();

        client.get().uri("/api/articles/" + article.id()).header("traceparent", caller).exchange()
                .expectStatus().isOk();

        String received = ARTICLE_SERVICE.received("GET /api/articles/" + article.id()).get(0).header("traceparent");
        assertThat(received).matches("00-" + traceId(caller) + "-[0-9a-f]{16}-01");
        SpanData clientSpan = awaitSpan(traceId(caller), spanId(received));
        assertThat(clientSpan.getKind()).isEqualTo(SpanKind.CLIENT);
        SpanData serverSpan = clientSpan;
        List<String> chain = new java.util.ArrayList<>();
        while (serverSpan.getKind() != SpanKind.SERVER) {
            serverSpan = awaitSpan(traceId(caller), serverSpan.getParentSpanId());
            chain.add(serverSpan.getName() + " " + serverSpan.getKind());
        }
        assertThat(chain).as("from the client span up to the gateway's server span").hasSizeLessThanOrEqualTo(2);
        assertThat(serverSpan.getParentSpanId()).as("the caller's span").isEqualTo(spanId(caller));
    }

    @Test
    void thePartsOfAnArticlePageAreFetchedInTheTraceOfThePageRequestOnTheFastPathAndThroughTheFilters() {
        for (boolean viaFilters : new boolean[] {false, true}) {
            TestArticle article = onThePlatform("Army", "Page traced " + viaFilters, List.of("first"));
            String caller = newTraceparent();

            var request = client.get().uri("/api/pages/article/" + article.id()).header("traceparent", caller);
            if (viaFilters) {
                request = request.header("Origin", "https://frontend.example");
            }
            request.exchange().expectStatus().isOk();

            for (Downstream service : List.of(ARTICLE_SERVICE, COMMENT_SERVICE)) {
                String path = service == ARTICLE_SERVICE ? "GET /api/articles/" + article.id()
                        : "GET /api/articles/" + article.id() + "/comments";
                String received = service.received(path).get(0).header("traceparent");
                assertThat(received).as(path + (viaFilters ? " (filters)" : " (fast path)"))
                        .matches("00-" + traceId(caller) + "-[0-9a-f]{16}-01");
                SpanData call = awaitSpan(traceId(caller), spanId(received));
                SpanData assembly = awaitSpan(traceId(caller), call.getParentSpanId());
                assertThat(assembly.getName()).isEqualTo("assemble article page");
            }
        }
    }

    @Test
    void afterItsFlowsEveryMetricTheDashboardsAndAlertsUseIsExportedAndEverySampleNamesTheApplication()
            throws IOException {
        TestArticle article = TestArticle.published("Policy", "Measured page");
        publish(catalog, article);
        rank("popular-now", List.of(article));
        servicesKnow(article, List.of());
        get("/api/pages/article/" + article.id());
        get("/api/pages/home");
        client.get().uri("/api/articles/" + article.id()).exchange().expectStatus().isOk();
        client.get().uri("/api/articles/" + article.id()).header("Origin", "https://frontend.example").exchange();
        COMMENT_SERVICE.stop();
        TestArticle degraded = onThePlatform("Policy", "Degraded page", List.of());
        assertThat(get("/api/pages/article/" + degraded.id()).degraded()).contains("comments");
        Awaitility.await("the read models' consumer metrics").atMost(Duration.ofSeconds(30))
                .until(() -> scrapeBody().contains("kafka_consumer_fetch_manager_records_lag_max{"));

        String body = scrapeBody();
        Scrape scrape = Scrape.kept("gateway", body);

        assertThat(scrape.names()).containsAll(Scrape.required("gateway"))
                .contains("news_page_assembly_seconds_bucket", "news_page_degraded_total", "news_events_consumed_total",
                        "resilience4j_circuitbreaker_state", "http_server_requests_seconds_bucket",
                        "http_client_requests_seconds_count", "spring_cloud_gateway_http_client_requests_seconds_count");
        assertThat(scrape.samples()).filteredOn(s -> s.name().equals("news_events_consumed_total"))
                .extracting(s -> s.labels().get("topic")).contains("news.article-events", "news.rankings");
        assertThat(scrape.samples()).allSatisfy(sample ->
                assertThat(sample.labels()).as(sample.name()).containsEntry("application", "gateway"));
        assertThat(body).doesNotContain(article.id());
    }

    @Test
    void livenessDependsOnNothingAndReadinessOnTheReadModels() {
        JsonNode liveness = JSON.readTree(OperabilityChecks.get(managementPort, "/actuator/health/liveness").body());
        JsonNode readiness = JSON.readTree(OperabilityChecks.get(managementPort, "/actuator/health/readiness").body());

        assertThat(liveness.path("components").propertyNames()).containsExactly("livenessState");
        assertThat(readiness.path("components").propertyNames())
                .containsExactlyInAnyOrder("readinessState", "readModels");
    }

    @Test
    void theGatewayListsItsOwnApiDocumentAndProxiesEachServicesDocument() {
        String ownDocument = OperabilityChecks.get(port, "/v3/api-docs").body();
        OpenApiDocuments.assertCheckedIn("gateway", ownDocument);
        JsonNode own = JSON.readTree(ownDocument);
        assertThat(own.path("info").path("title").asString()).isEqualTo("gateway");
        assertThat(own.path("paths").propertyNames()).contains("/api/pages/home", "/api/pages/article/{articleId}");

        ARTICLE_SERVICE.on("GET /v3/api-docs", Downstream.Reply.json(200,
                "{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"article-service\"},\"paths\":{\"/api/articles\":{}}}"));
        var proxied = OperabilityChecks.get(port, "/v3/api-docs/article-service");
        assertThat(proxied.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(proxied.body()).path("paths").propertyNames()).contains("/api/articles");

        JsonNode config = JSON.readTree(OperabilityChecks.get(port, "/v3/api-docs/swagger-config").body());
        assertThat(config.path("urls").findValuesAsString("url")).containsExactly("/v3/api-docs",
                "/v3/api-docs/article-service", "/v3/api-docs/comment-service", "/v3/api-docs/ranking-service");
    }

    private SpanData awaitSpan(String traceId, String spanId) {
        Awaitility.await("span " + spanId).atMost(Duration.ofSeconds(10)).until(() -> spans.ended().stream()
                .anyMatch(s -> s.getTraceId().equals(traceId) && s.getSpanId().equals(spanId)));
        return spans.ended().stream().filter(s -> s.getTraceId().equals(traceId) && s.getSpanId().equals(spanId))
                .findFirst().orElseThrow();
    }

    private String scrapeBody() {
        return OperabilityChecks.get(managementPort, "/actuator/prometheus").body();
    }

    private static String newTraceparent() {
        return "00-" + UUID.randomUUID().toString().replace("-", "") + "-b7ad6b7169203331-01";
    }

    private static String traceId(String traceparent) {
        return traceparent.substring(3, 35);
    }

    private static String spanId(String traceparent) {
        return traceparent.substring(36, 52);
    }
}
