package news.launcher.dlq;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.header.Header;

/**
 * One dead letter as it lies on {@code <topic>.dlq}: where it is, the original record's key, value and headers, and
 * the {@code x-dlq-*} headers saying why and where it failed (infra/contracts/cloudevents.md).
 */
record Letter(String topic, int partition, long offset, Instant time, byte[] key, byte[] value, List<Header> headers) {

    static final String DLQ_PREFIX = "x-dlq-";
    /** Headers the Spring Cloud Stream binder's own dead-letter support adds; not part of the original record. */
    static final List<String> ADDED_BY_DEAD_LETTERING = List.of(DLQ_PREFIX, "x-exception-", "x-original-");

    String header(String name) {
        String value = null;
        for (Header header : headers) {
            if (header.key().equals(name) && header.value() != null) {
                value = new String(header.value(), StandardCharsets.UTF_8);
            }
        }
        return value;
    }

    String reason() {
        return orDash(header("x-dlq-reason"));
    }

    String consumer() {
        return orDash(header("x-dlq-consumer"));
    }

    String ceId() {
        return orDash(header("ce_id"));
    }

    String ceType() {
        return orDash(header("ce_type"));
    }

    /** The topic the record came from: its header, else the dead-letter topic's name without {@code .dlq}. */
    String originalTopic() {
        String original = header("x-dlq-original-topic");
        return original != null ? original : topic.endsWith(".dlq") ? topic.substring(0, topic.length() - 4) : topic;
    }

    /** {@code topic-partition@offset} of the original record, or {@code -} when the letter does not say. */
    String originalPosition() {
        String partition = header("x-dlq-original-partition");
        String offset = header("x-dlq-original-offset");
        return partition == null || offset == null ? "-" : originalTopic() + "-" + partition + "@" + offset;
    }

    Integer originalPartition() {
        String partition = header("x-dlq-original-partition");
        try {
            return partition == null ? null : Integer.valueOf(partition.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The original record's headers: every header but those dead-lettering added. */
    List<Header> originalHeaders() {
        return headers.stream().filter(h -> ADDED_BY_DEAD_LETTERING.stream().noneMatch(h.key()::startsWith)).toList();
    }

    String position() {
        return topic + "-" + partition + "@" + offset;
    }

    String keyText() {
        return key == null ? "(null)" : printable(key, 200);
    }

    String valueText(int limit) {
        return value == null ? "(null)" : printable(value, limit);
    }

    /** What identifies the original record across letters from several consumers of one topic. */
    String identity() {
        return originalPosition().equals("-") ? "ce_id " + ceId() + " key " + keyText() : originalPosition();
    }

    Map<String, String> summary() {
        return Map.of("reason", reason(), "consumer", consumer());
    }

    static String printable(byte[] bytes, int limit) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(limit).forEach(c -> {
            if (c == '\n' || c == '\t' || (c >= 0x20 && c != 0x7f && c != 0xfffd)) {
                out.appendCodePoint(c);
            } else {
                out.append(String.format("\\x%02x", c & 0xff));
            }
        });
        return text.codePointCount(0, text.length()) > limit ? out + "... (" + bytes.length + " bytes)" : out.toString();
    }

    private static String orDash(String value) {
        return value == null || value.isBlank() ? "-" : value;
    }
}
