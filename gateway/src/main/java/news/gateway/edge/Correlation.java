package news.gateway.edge;

import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import org.springframework.web.server.ServerWebExchange;

import news.kit.tracing.Traceparents;

/**
 * The request id and the W3C trace context of one request. The gateway keeps a valid incoming {@code X-Request-Id}
 * and makes one up when it is missing; every call it makes on the request's behalf carries it. The
 * {@code traceparent} is the parent of the work the gateway does for the request: its own server span when the
 * request went through the filter chain, else the caller's valid {@code traceparent}, else none (the work starts a
 * trace of its own). The calls themselves get a {@code traceparent} from their client spans (Micrometer Tracing).
 *
 * @param requestId   the {@code X-Request-Id}
 * @param traceparent a valid W3C {@code traceparent}, or null
 */
public record Correlation(String requestId, String traceparent) {

    public static final String REQUEST_ID = "X-Request-Id";
    public static final String TRACEPARENT = "traceparent";
    static final String ATTRIBUTE = Correlation.class.getName();

    private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:@-]{1,128}");

    public static Correlation of(String requestId, String traceparent) {
        String id = requestId != null && SAFE_REQUEST_ID.matcher(requestId).matches() ? requestId : newRequestId();
        return new Correlation(id, Traceparents.valid(traceparent) ? traceparent : null);
    }

    /** For work no request asked for (a page rebuilt in the background): a new request id, a new trace. */
    public static Correlation fresh() {
        return new Correlation(newRequestId(), null);
    }

    /** The correlation {@link CorrelationFilter} gave the exchange, or a fresh one. */
    public static Correlation of(ServerWebExchange exchange) {
        Correlation correlation = exchange.getAttribute(ATTRIBUTE);
        return correlation != null ? correlation : fresh();
    }

    public static String newRequestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return hex(random.nextLong()) + hex(random.nextLong());
    }

    private static String hex(long value) {
        String digits = Long.toHexString(value);
        return "0".repeat(16 - digits.length()) + digits;
    }
}
