package news.kit.tracing;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import io.micrometer.tracing.TraceContext;

/** W3C {@code traceparent} values: {@code 00-<trace id>-<parent span id>-<flags>}. */
public final class Traceparents {

    private static final Pattern FORM = Pattern.compile("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
    private static final String INVALID_TRACE_ID = "0".repeat(32);
    private static final String INVALID_SPAN_ID = "0".repeat(16);

    private Traceparents() {
    }

    public static String format(TraceContext context) {
        return "00-" + context.traceId() + "-" + context.spanId() + "-"
                + (Boolean.TRUE.equals(context.sampled()) ? "01" : "00");
    }

    /** Whether the value is a version-00 {@code traceparent} with a valid trace and span id. */
    public static boolean valid(String value) {
        return value != null && FORM.matcher(value).matches() && !traceId(value).equals(INVALID_TRACE_ID)
                && !value.substring(36, 52).equals(INVALID_SPAN_ID);
    }

    public static String traceId(String traceparent) {
        return traceparent.substring(3, 35);
    }

    public static String spanId(String traceparent) {
        return traceparent.substring(36, 52);
    }

    /**
     * Whether the header bytes are a {@code traceparent} whose sampled flag is set: a check on two bytes, cheap
     * enough for every record of a busy topic, before any parsing.
     */
    public static boolean sampled(byte[] header) {
        return header != null && header.length == 55 && header[53] == '0'
                && (Character.digit(header[54], 16) & 1) == 1;
    }

    public static String text(byte[] header) {
        return new String(header, StandardCharsets.UTF_8);
    }
}
