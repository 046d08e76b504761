package news.kit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;

import news.testsupport.ServiceClient;
import news.testsupport.ServiceClientExtension;
import news.testsupport.TestHttp;

/**
 * Every Prometheus in use can scrape a service: Prometheus before 2.43 (Debian's 2.42) drops a whole OpenMetrics scrape
 * when an exemplar sits on a series other than a histogram bucket or a counter ("metric name
 * http_server_requests_seconds_count does not support exemplars"), and Micrometer puts them on every series unless the
 * kit says otherwise. With a sampled trace, exemplars appear, and only where every version accepts them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = KitTestApplication.class)
@ExtendWith(ServiceClientExtension.class)
class PrometheusScrapeTest {

    private static final String OPEN_METRICS = "application/openmetrics-text; version=1.0.0; charset=utf-8";
    private static final String SAMPLED = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void exemplarsAreOnlyOnBucketsAndCountersWherePrometheusBefore243AcceptsThem(@ServiceClient TestHttp http) {
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> traced = http.get("/trace", Map.of("traceparent", SAMPLED));
            assertThat(traced.statusCode()).isEqualTo(200);
        }

        HttpResponse<String> scrape = http.get("/actuator/prometheus", Map.of("Accept", OPEN_METRICS));

        assertThat(scrape.headers().firstValue("Content-Type").orElse("")).startsWith("application/openmetrics-text");
        List<String> withExemplar = Arrays.stream(scrape.body().split("\n")).filter(l -> l.contains(" # {")).toList();
        assertThat(withExemplar).as("a sampled request leaves exemplars on its timer's buckets")
                .anyMatch(l -> l.startsWith("http_server_requests_seconds_bucket{"));
        assertThat(withExemplar).allSatisfy(line -> assertThat(line.substring(0, line.indexOf('{')))
                .as(line).matches(".*_(bucket|total)"));
    }
}
