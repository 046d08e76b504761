package news.kit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;

import news.kit.tracing.Traceparents;
import news.testsupport.ServiceClient;
import news.testsupport.ServiceClientExtension;
import news.testsupport.TestHttp;

/**
 * A service wired with the kit continues the W3C trace of its caller: the span it handles a request in is a child of
 * the request's {@code traceparent}, and {@link news.kit.tracing.CurrentTrace} hands that span on to events.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = KitTestApplication.class)
@ExtendWith(ServiceClientExtension.class)
class TracingOverHttpTest {

    private static final String CALLER = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @ServiceClient
    TestHttp http;

    @Test
    void theRequestsSpanContinuesTheCallersTraceAndIsItsChild() {
        String traceparent = traceparentSeenBy(CALLER);

        assertThat(Traceparents.valid(traceparent)).as(traceparent).isTrue();
        assertThat(Traceparents.traceId(traceparent)).isEqualTo(Traceparents.traceId(CALLER));
        assertThat(Traceparents.spanId(traceparent)).isNotEqualTo(Traceparents.spanId(CALLER));
        assertThat(traceparent).as("a sampled caller is sampled here too (parent-based)").endsWith("-01");
    }

    @Test
    void aRequestWithoutTraceparentStartsATraceOfItsOwn() {
        String first = traceparentSeenBy(null);
        String second = traceparentSeenBy(null);

        assertThat(Traceparents.valid(first)).as(first).isTrue();
        assertThat(Traceparents.traceId(first)).isNotEqualTo(Traceparents.traceId(second));
    }

    @Test
    void anInvalidTraceparentIsIgnored() {
        String traceparent = traceparentSeenBy("00-00000000000000000000000000000000-00f067aa0ba902b7-01");

        assertThat(Traceparents.valid(traceparent)).as(traceparent).isTrue();
    }

    private String traceparentSeenBy(String callerTraceparent) {
        HttpResponse<String> response = http.get("/trace",
                callerTraceparent == null ? Map.of() : Map.of("traceparent", callerTraceparent));
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body().replaceAll(".*\"traceparent\":\"([^\"]*)\".*", "$1");
    }
}
