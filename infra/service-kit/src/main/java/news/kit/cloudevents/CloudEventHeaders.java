package news.kit.cloudevents;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/** Header names of CloudEvents binary mode on Kafka and of the platform's dead letters. */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String DATA_SCHEMA = "ce_dataschema";
    public static final String CONTENT_TYPE = "content-type";
    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";

    public static final String DLQ_REASON = "x-dlq-reason";
    public static final String DLQ_ORIGINAL_TOPIC = "x-dlq-original-topic";
    public static final String DLQ_ORIGINAL_PARTITION = "x-dlq-original-partition";
    public static final String DLQ_ORIGINAL_OFFSET = "x-dlq-original-offset";
    public static final String DLQ_CONSUMER = "x-dlq-consumer";

    public static final String SPEC_VERSION_1_0 = "1.0";
    public static final String APPLICATION_JSON = "application/json";

    /** RFC 3339 in UTC with exactly three fraction digits, as the contract promises (never dropped at .000). */
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private CloudEventHeaders() {
    }

    /** {@code ce_time} of an instant: to the millisecond, e.g. {@code 2026-11-25T09:30:00.000Z}. */
    public static String time(Instant time) {
        return MILLIS.format(time);
    }

    /** The last value of a header as UTF-8 text, or null when absent. */
    public static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    public static void put(Headers headers, String name, String value) {
        if (value != null) {
            headers.remove(name);
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
