package news.ranking.topology;

import static news.ranking.topology.RankingDriver.START;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import news.kit.cloudevents.CloudEvent;
import news.ranking.TestEvents;

/**
 * Views too late for their window are dropped and counted; records that cannot be read go to {@code <topic>.dlq} with
 * their original key, value and headers and the reason, and processing goes on.
 */
class LateAndUnreadableRecordsTest {

    private static final String VIEWS = "news.article-views";
    private static final String ARTICLES = "news.article-events";
    private static final String COMMENTS = "news.comment-events";

    private final RankingDriver ranking = new RankingDriver();

    @AfterEach
    void close() {
        ranking.close();
    }

    @Test
    void aViewOlderThanTheNewestViewByMoreThanWindowPlusGraceIsDroppedAndCountedAsLate() {
        ranking.publish("navy-1", "Navy", START.minus(Duration.ofHours(1)));
        Instant newest = START.plus(Duration.ofMinutes(70));
        ranking.view("navy-1", "reader-newest", newest);
        ranking.view("navy-1", "reader-late", newest.minus(Duration.ofMinutes(65)).minusMillis(1));
        ranking.view("navy-1", "reader-just-in-time", newest.minus(Duration.ofMinutes(65)));
        ranking.view("navy-1", "reader-out-of-order", newest.minus(Duration.ofMinutes(50)));

        ranking.clockAt(newest.plusSeconds(1));

        assertThat(ranking.counter("news.ranking.late.views")).isEqualTo(1);
        assertThat(ranking.score(RankingDriver.POPULAR_NOW, "all", "navy-1"))
                .as("the newest view and the one 50 minutes out of order; 65 minutes back is outside Popular Now")
                .isEqualTo(2L);
        assertThat(ranking.count(RankingDriver.MUST_READS, "views", "navy-1")).as("Must-Reads counts every view that is not late")
                .isEqualTo(3);
    }

    static Stream<Arguments> unreadableRecords() {
        return Stream.of(
                Arguments.of("a payload that is not JSON", VIEWS, edit(r -> r.value = bytes("not json{")),
                        "payload is not JSON", "not-json"),
                Arguments.of("a payload that is a JSON array", VIEWS, edit(r -> r.value = bytes("[1, 2]")),
                        "payload is not a JSON object", "invalid"),
                Arguments.of("a missing field", VIEWS, edit(r -> r.value = bytes(r.json().replaceAll(
                        ",\"viewedAt\":\"[^\"]*\"", ""))), "$.viewedAt: is missing but it is required", "invalid"),
                Arguments.of("a field of the wrong type", VIEWS, edit(r -> r.value = bytes(r.json().replace(
                        "\"agent\":\"human\"", "\"agent\":5"))), "$.agent: number found, string expected", "invalid"),
                Arguments.of("a value outside the enumeration", VIEWS, edit(r -> r.value = bytes(r.json().replace(
                        "\"agent\":\"human\"", "\"agent\":\"robot\""))), "$.agent: does not have a value in the enumeration",
                        "invalid"),
                Arguments.of("a malformed time", VIEWS, edit(r -> r.value = bytes(r.json().replaceAll(
                        "\"viewedAt\":\"[^\"]*\"", "\"viewedAt\":\"yesterday\""))),
                        "$.viewedAt: 'yesterday' is not an RFC 3339 date-time", "invalid"),
                Arguments.of("an unknown ce_type", VIEWS, edit(r -> header(r.headers, "ce_type", "news.article.liked")),
                        "ce_type 'news.article.liked' is not an event type of news.article-views", "unknown-type"),
                Arguments.of("no ce_id header", VIEWS, edit(r -> r.headers.remove("ce_id")),
                        "ce_id header is missing", "missing-header"),
                Arguments.of("a key that is not the article", VIEWS, edit(r -> r.key = "navy-2"),
                        "record key 'navy-2' is not the payload's articleId 'navy-1'", "key-mismatch"),
                Arguments.of("a huge payload", VIEWS, edit(r -> r.value = bytes(r.json().replace("\"agent\"",
                        "\"padding\":\"" + "x".repeat(70_000) + "\",\"agent\""))),
                        "bytes, more than the limit of 65536", "too-large"),
                Arguments.of("a view from the future", VIEWS, edit(r -> r.value = bytes(r.json().replaceAll(
                        "\"viewedAt\":\"[^\"]*\"", "\"viewedAt\":\"2026-11-25T10:10:00Z\""))),
                        "$.viewedAt: lies 600 s in the future", "future-time"),
                Arguments.of("an article snapshot without version", ARTICLES, edit(r -> r.value = bytes(r.json()
                        .replaceAll(",\"version\":[0-9]+", ""))), "$.version: is missing but it is required", "invalid"),
                Arguments.of("a comment removal without commentId", COMMENTS, edit(r -> r.value = bytes(r.json()
                        .replaceAll("\"commentId\":\"[^\"]*\",", ""))), "$.commentId: is missing but it is required",
                        "invalid"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreadableRecords")
    void anUnreadableRecordGoesToItsDeadLetterTopicWithItsReasonAndProcessingGoesOn(
            String what, String topic, Consumer<Mutable> breakIt, String reason, String category) {
        ranking.publish("navy-1", "Navy", START.minus(Duration.ofHours(1)));
        ranking.view("navy-1", "before", START);
        Mutable record = Mutable.of(validEventFor(topic), topic);
        breakIt.accept(record);
        byte[] originalKey = record.key == null ? null : bytes(record.key);
        Headers sent = new RecordHeaders(record.headers.toArray());

        ranking.send(topic, record.key, record.value, record.headers, START.toEpochMilli());
        ranking.view("navy-1", "after", START);
        ranking.clockAt(START.plusSeconds(1));

        List<TestRecord<byte[], byte[]>> letters = ranking.deadLetters(topic);
        assertThat(letters).hasSize(1);
        TestRecord<byte[], byte[]> letter = letters.get(0);
        assertThat(letter.key()).isEqualTo(originalKey);
        assertThat(letter.value()).isEqualTo(record.value);
        for (Header header : sent) {
            assertThat(text(letter.headers(), header.key())).as("original header %s", header.key())
                    .isEqualTo(new String(header.value(), StandardCharsets.UTF_8));
        }
        assertThat(text(letter.headers(), "x-dlq-reason")).contains(reason);
        assertThat(text(letter.headers(), "x-dlq-original-topic")).isEqualTo(topic);
        assertThat(text(letter.headers(), "x-dlq-original-partition")).isEqualTo("0");
        assertThat(text(letter.headers(), "x-dlq-original-offset")).matches("[0-9]+");
        assertThat(text(letter.headers(), "x-dlq-consumer")).isEqualTo("ranking-service");
        assertThat(ranking.counter("news.ranking.dlq", "topic", topic, "reason", category)).isEqualTo(1);
        assertThat(ranking.score(RankingDriver.POPULAR_NOW, "all", "navy-1")).as("views before and after still count")
                .isEqualTo(2L);
    }

    private static CloudEvent validEventFor(String topic) {
        return switch (topic) {
            case VIEWS -> TestEvents.view("navy-1", "Navy", "poison", false, START);
            case ARTICLES -> TestEvents.article("navy-1", "Navy", "Broken", true, START, false, null, 9);
            case COMMENTS -> TestEvents.commentRemoved("c-1", "navy-1", START);
            default -> throw new IllegalArgumentException(topic);
        };
    }

    private static Consumer<Mutable> edit(Consumer<Mutable> change) {
        return change;
    }

    private static void header(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, bytes(value));
    }

    private static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A record about to be sent, for a test to break. */
    static final class Mutable {
        String key;
        byte[] value;
        Headers headers;

        static Mutable of(CloudEvent event, String topic) {
            ProducerRecord<String, byte[]> record = event.toRecord(topic);
            Mutable mutable = new Mutable();
            mutable.key = record.key();
            mutable.value = record.value();
            mutable.headers = new RecordHeaders(record.headers().toArray());
            return mutable;
        }

        String json() {
            return new String(value, StandardCharsets.UTF_8);
        }
    }
}
