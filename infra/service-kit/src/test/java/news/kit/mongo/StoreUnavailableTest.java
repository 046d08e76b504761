package news.kit.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import news.kit.web.KitTestApplication;
import news.launcher.Ports;
import news.testsupport.ServiceClient;
import news.testsupport.ServiceClientExtension;
import news.testsupport.TestHttp;

/** A store that does not answer makes a request 503 with Retry-After, never the catch-all's 500. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = KitTestApplication.class,
        properties = {"news.mongo.timeouts.server-selection=300ms", "news.mongo.timeouts.connect=200ms"})
@ExtendWith(ServiceClientExtension.class)
class StoreUnavailableTest {

    @DynamicPropertySource
    static void noStoreListening(DynamicPropertyRegistry registry) {
        int closed = Ports.freePort();
        registry.add("spring.mongodb.uri", () -> "mongodb://127.0.0.1:" + closed);
    }

    @ServiceClient
    TestHttp http;

    @Test
    void aReadThroughTheDriverIs503WithRetryAfter() {
        assertStoreUnavailable(http.get("/stored/driver/42"));
    }

    @Test
    void aWriteThroughSpringDataIs503WithRetryAfter() {
        assertStoreUnavailable(http.post("/stored/template", null, "{\"title\":\"t\"}"));
    }

    @Test
    void otherFailuresStay500() {
        assertThat(http.get("/boom").statusCode()).isEqualTo(500);
    }

    private static void assertStoreUnavailable(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).as("the selection timeout, rounded up").hasValue("1");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":503").contains(StoreUnavailableAdvice.DETAIL)
                .doesNotContain("127.0.0.1");
    }
}
