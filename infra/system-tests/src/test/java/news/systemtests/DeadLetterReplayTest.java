package news.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import news.launcher.dlq.DeadLetterCommand;
import news.testsupport.TopicProbe;
import tools.jackson.databind.JsonNode;

/**
 * {@code infra/platform dlq} against the running platform. A view from a reader whose clock runs ahead (its
 * {@code viewedAt} beyond ranking-service's allowed clock skew of 5 minutes) is dead-lettered; once the clock has
 * caught up, the operator replays that letter: it goes back to {@code news.article-views} with its key, value and
 * headers ({@code ce_id} included, the {@code x-dlq-*} headers left out) and is counted exactly once. Replaying the
 * same letter again changes nothing: the consumer is idempotent.
 */
@org.junit.jupiter.api.Order(7)
class DeadLetterReplayTest extends SharedStackTest {

    static final Duration ALLOWED_SKEW = Duration.ofMinutes(5);
    static final String SECTION = "North Korea";

    @Test
    void aReplayedPoisonThenFixedViewCountsOnceAndAReplayedDuplicateChangesNothing() {
        String article = Newsroom.publish(stack, "A view from the future", SECTION);
        for (int i = 0; i < 20; i++) {
            send(Kafka.view(article, SECTION, "dlq-reader-" + i, false, now()));
        }
        awaitSettledScore(article, 20);

        Instant ahead = now().plus(ALLOWED_SKEW).plusSeconds(8);
        ProducerRecord<String, byte[]> early = Kafka.view(article, SECTION, "dlq-fast-clock", false, ahead);
        String ceId = header(early.headers().lastHeader("ce_id"));
        send(early);

        await("the letter of " + ceId).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> dlq("list", "news.article-views", "--id", ceId).output().contains(": 1 letter ("));
        Run listed = dlq("list", "news.article-views", "--id", ceId);
        assertThat(listed.output()).contains("ranking-service").contains("viewedAt").contains("in the future");
        Run shown = dlq("show", "news.article-views.dlq", "--id", ceId);
        assertThat(shown.output()).contains("x-dlq-reason").contains("x-dlq-original-topic: news.article-views")
                .contains("key       " + article);
        assertThat(dlq("replay", "news.article-views").code()).as("no replay without a filter or --all").isEqualTo(2);
        awaitSettledScore(article, 20);

        await("the clock catches up with the early view").atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(500))
                .until(() -> !now().plus(ALLOWED_SKEW).isBefore(ahead.plusSeconds(1)));
        try (TopicProbe views = TopicProbe.tail(stack.bootstrapServers(), Kafka.VIEWS)) {
            Run replayed = dlq("replay", "news.article-views", "--id", ceId);
            assertThat(replayed.code()).as(replayed.output()).isZero();
            assertThat(replayed.output()).contains("Replayed 1 of 1 letter");

            ConsumerRecord<String, byte[]> back = views.await(r -> ceId.equals(TopicProbe.header(r, "ce_id")), 1).get(0);
            assertThat(back.key()).isEqualTo(article);
            assertThat(back.value()).isEqualTo(early.value());
            assertThat(back.headers().toArray()).extracting(Header::key).noneMatch(k -> k.startsWith("x-dlq-"))
                    .containsAll(List.of("ce_specversion", "ce_id", "ce_type", "ce_source", "ce_time", "content-type"));
            for (Header h : early.headers()) {
                assertThat(TopicProbe.header(back, h.key())).as(h.key()).isEqualTo(header(h));
            }
        }
        awaitSettledScore(article, 21);
        assertThat(dlq("list", "news.article-views", "--id", ceId).output()).as("processed, not dead-lettered again")
                .contains(": 1 letter (");

        Run again = dlq("replay", "news.article-views", "--id", ceId);
        assertThat(again.code()).as(again.output()).isZero();
        awaitSettledScore(article, 21);
        Figures.record("dead-letter replay", "a view dead-lettered for its clock, replayed once, then again",
                "counted once (score 20 -> 21 -> 21)");
    }

    /**
     * Waits until ranking-service has committed every view (so each was processed), then requires the article's score
     * to be {@code expected} and to stay so for 2 s: Popular Now is recomputed every 250 ms after a change, so a view
     * counted twice would show within that time.
     */
    private static void awaitSettledScore(String article, long expected) {
        await("ranking-service has processed every view").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(300))
                .until(() -> Kafka.lag(stack.bootstrapServers(), "ranking-service", List.of(Kafka.VIEWS)) == 0);
        await("Popular Now of " + SECTION + " counts " + expected + " for " + article).atMost(Duration.ofSeconds(30))
                .during(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> score(article) == expected);
    }

    private static long score(String article) {
        JsonNode list = Newsroom.list(stack.api(""), "popular-now", SECTION, 50).json();
        return Newsroom.popularScores(list).getOrDefault(article, -1L);
    }

    record Run(int code, String output) {
    }

    private static Run dlq(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        int code;
        try {
            code = DeadLetterCommand.run(new ArrayList<>(List.of(args)), stack.bootstrapServers(), out);
        } catch (news.launcher.UsageException e) {
            out.println(e.getMessage());
            code = 2;
        }
        return new Run(code, bytes.toString(StandardCharsets.UTF_8));
    }

    private static void send(ProducerRecord<String, byte[]> record) {
        try (KafkaProducer<String, byte[]> producer = Kafka.producer(stack.bootstrapServers())) {
            producer.send(record);
        }
    }

    private static String header(Header header) {
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
