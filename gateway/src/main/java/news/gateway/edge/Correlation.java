package news.gateway.edge;

import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import org.springframework.web.server.ServerWebExchange;

/**
 * The request id and W3C trace context of one request. The gateway keeps a valid incoming {@code X-Request-Id} and
 * {@code traceparent} and makes up what is missing; every call it makes on the request's behalf carries the same
 * request id and trace id, with a new parent id (the gateway's own span).
 *
 * @param requestId the {@code X-Request-Id}
 * @param traceId   32 lower-case hex digits
 * @param flags     the two hex digits of the trace flags
 */
public record Correlation(String requestId, String traceId, String flags) {

    public static final String REQUEST_ID = "X-Request-Id";
    public static final String TRACEPARENT = "traceparent";
    static final String ATTRIBUTE = Correlation.class.getName();

    private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:@-]{1,128}");
    private static final Pattern TRACEPARENT_FORM =
            Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?");
    private static final String INVALID_TRACE_ID = "0".repeat(32);
    private static final String INVALID_PARENT_ID = "0".repeat(16);

    /** A {@code traceparent} naming a new span of this trace as the parent of the next call. */
    public String childTraceparent() {
        return "00-" + traceId + "-" + hex(16) + "-" + flags;
    }

    public static Correlation of(String requestId, String traceparent) {
        String id = requestId != null && SAFE_REQUEST_ID.matcher(requestId).matches() ? requestId : newRequestId();
        if (traceparent != null) {
            var match = TRACEPARENT_FORM.matcher(traceparent);
            if (match.matches() && !match.group(1).equals(INVALID_TRACE_ID)
                    && !match.group(2).equals(INVALID_PARENT_ID)) {
                return new Correlation(id, match.group(1), match.group(3));
            }
        }
        return new Correlation(id, hex(32), "01");
    }

    /** For work no request asked for (a page rebuilt in the background). */
    public static Correlation fresh() {
        return new Correlation(newRequestId(), hex(32), "01");
    }

    /** The correlation {@link CorrelationFilter} gave the exchange, or a fresh one. */
    public static Correlation of(ServerWebExchange exchange) {
        Correlation correlation = exchange.getAttribute(ATTRIBUTE);
        return correlation != null ? correlation : fresh();
    }

    public static String newRequestId() {
        return hex(32);
    }

    private static String hex(int digits) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder out = new StringBuilder(digits);
        while (out.length() < digits) {
            String part = Long.toHexString(random.nextLong());
            out.append("0".repeat(16 - part.length())).append(part);
        }
        out.setLength(digits);
        return out.toString();
    }
}
