package news.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import news.gateway.support.TestArticle;
import news.testsupport.OperabilityChecks;

/** What SREs get from the gateway: probes, the page metrics with SLO buckets, the reference site's pages. */
class OperabilityTest extends GatewayIntegrationTest {

    @Test
    void pageAssemblyAndDegradedPartsAreMeasured() {
        TestArticle article = onThePlatform("Army", "Measured", List.of());
        COMMENT_SERVICE.stop();
        assertThat(get("/api/pages/article/" + article.id()).degraded()).contains("comments");

        String metrics = OperabilityChecks.get(managementPort, "/actuator/prometheus").body();

        assertThat(metrics).contains("news_page_assembly_seconds_bucket{")
                .contains("news_page_assembly_seconds_bucket{application=\"gateway\",error=\"none\","
                        + "outcome=\"degraded\",page=\"article\",le=\"0.5\"}")
                .containsPattern("news_page_assembly_seconds_bucket\\{.*le=\"1\\.5\"")
                .containsPattern("news_page_degraded_total\\{.*part=\"comments\"")
                .contains("news_page_served_total{")
                .contains("news_read_model_caught_up")
                .contains("resilience4j_circuitbreaker_state");
    }

    @Test
    void readinessIncludesTheReadModels() {
        WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort).build()
                .get().uri("/actuator/health/readiness").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.components.readModels.status").isEqualTo("UP")
                .jsonPath("$.components.readModels.details.articles").exists();
    }

    @Test
    void theReferenceSiteIsServedWithAStrictContentSecurityPolicy() {
        for (String path : List.of("/", "/article/abc123")) {
            client.get().uri(path).exchange().expectStatus().isOk()
                    .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                    .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp)
                            .contains("script-src 'self'").doesNotContain("unsafe-inline"));
        }
        client.get().uri("/assets/site.js").exchange().expectStatus().isOk();
        client.get().uri("/assets/site.css").exchange().expectStatus().isOk()
                .expectHeader().value(HttpHeaders.CONTENT_TYPE, t -> assertThat(t).startsWith("text/css"));
    }
}
