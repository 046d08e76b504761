package news.kit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import news.kit.tracing.Traceparents;

/**
 * A service wired with the kit continues the W3C trace of its caller: the span it handles a request in is a child of
 * the request's {@code traceparent}, and {@link news.kit.tracing.CurrentTrace} hands that span on to events.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = KitTestApplication.class)
class TracingOverHttpTest {

    private static final String CALLER = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void theRequestsSpanContinuesTheCallersTraceAndIsItsChild() throws Exception {
        String traceparent = traceparentSeenBy(CALLER);

        assertThat(Traceparents.valid(traceparent)).as(traceparent).isTrue();
        assertThat(Traceparents.traceId(traceparent)).isEqualTo(Traceparents.traceId(CALLER));
        assertThat(Traceparents.spanId(traceparent)).isNotEqualTo(Traceparents.spanId(CALLER));
        assertThat(traceparent).as("a sampled caller is sampled here too (parent-based)").endsWith("-01");
    }

    @Test
    void aRequestWithoutTraceparentStartsATraceOfItsOwn() throws Exception {
        String first = traceparentSeenBy(null);
        String second = traceparentSeenBy(null);

        assertThat(Traceparents.valid(first)).as(first).isTrue();
        assertThat(Traceparents.traceId(first)).isNotEqualTo(Traceparents.traceId(second));
    }

    @Test
    void anInvalidTraceparentIsIgnored() throws Exception {
        String traceparent = traceparentSeenBy("00-00000000000000000000000000000000-00f067aa0ba902b7-01");

        assertThat(Traceparents.valid(traceparent)).as(traceparent).isTrue();
    }

    private String traceparentSeenBy(String callerTraceparent) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/trace"));
        if (callerTraceparent != null) {
            request.header("traceparent", callerTraceparent);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body().replaceAll(".*\"traceparent\":\"([^\"]*)\".*", "$1");
    }
}
