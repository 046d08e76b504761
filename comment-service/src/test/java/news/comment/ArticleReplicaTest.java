package news.comment;

import static news.testsupport.TopicProbe.header;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import news.testsupport.TestTokens;
import news.testsupport.TopicProbe;

/** The replica of published articles, fed only by news.article-events. */
class ArticleReplicaTest extends IntegrationTest {

    @Test
    void anArticleUnpublishedOnTheTopicStopsAcceptingCommentsAndRepublishedAcceptsThemAgain() {
        String articleId = publishedArticle();
        assertThat(api.postComment(articleId, TestTokens.reader(newId("r")), "before").statusCode()).isEqualTo(201);

        articleEvents.snapshot(articleId, "unpublished", 2);
        awaitReplicaVersion(articleId, 2);

        var refused = api.postComment(articleId, TestTokens.reader(newId("r")), "after");
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(Api.json(refused).get("detail").stringValue()).contains(articleId);
        assertThat(storedComments(articleId)).isEqualTo(1);

        articleEvents.snapshot(articleId, "published", 3);
        awaitReplicaVersion(articleId, 3);
        assertThat(api.postComment(articleId, TestTokens.reader(newId("r")), "again").statusCode()).isEqualTo(201);
    }

    @Test
    void aRedeliveredOrOlderSnapshotChangesNothing() {
        String articleId = newId("art");
        String published = articleEvents.snapshot(articleId, "published", 5);
        awaitReplicaVersion(articleId, 5);
        Document before = replica(articleId);
        assertThat(before.getString("lastEventId")).isEqualTo(published);

        double stale = staleCount();
        articleEvents.snapshot(published, articleId, "published", 5);
        articleEvents.snapshot(articleId, "unpublished", 4);
        articleEvents.snapshot(articleId, "unpublished", 1);
        Awaitility.await("three stale events").atMost(WAIT).until(() -> staleCount() >= stale + 3);

        assertThat(replica(articleId)).isEqualTo(before);
        assertThat(api.postComment(articleId, TestTokens.reader(newId("r")), "still open").statusCode()).isEqualTo(201);
    }

    @Test
    void unreadableRecordsGoToTheDeadLetterTopicWithTheirReasonAndTheConsumerGoesOn() {
        String articleId = newId("poison");
        byte[] notJson = "<html>not json</html>".getBytes(StandardCharsets.UTF_8);
        byte[] noVersion = "{\"articleId\":\"%s\",\"status\":\"published\"}".formatted(articleId)
                .getBytes(StandardCharsets.UTF_8);
        byte[] valid = ArticleEventsProducer.snapshotOf(articleId, "published", 1).json().getBytes(StandardCharsets.UTF_8);
        try (TopicProbe dlq = TopicProbe.tail("news.article-events.dlq")) {
            articleEvents.raw(articleId, notJson, headers("news.article.published"));
            articleEvents.raw(articleId, noVersion, headers("news.article.published"));
            articleEvents.raw(articleId, valid, headers("news.article.archived"));
            articleEvents.raw(articleId, null, headers("news.article.unpublished"));
            articleEvents.snapshot(articleId, "published", 1);

            List<ConsumerRecord<String, byte[]>> letters = dlq.await(TopicProbe.withKey(articleId), 4);
            assertThat(letters).extracting(r -> header(r, "x-dlq-reason")).startsWith("payload is not JSON",
                    "$.version: is missing but it is required", "unknown ce_type 'news.article.archived'");
            assertThat(header(letters.get(3), "x-dlq-reason")).as("a tombstone").isEqualTo("payload is empty");
            assertThat(letters).extracting(ConsumerRecord::value).containsExactly(notJson, noVersion, valid, null);
            for (ConsumerRecord<String, byte[]> letter : letters) {
                assertThat(header(letter, "x-dlq-original-topic")).isEqualTo("news.article-events");
                assertThat(header(letter, "x-dlq-original-partition")).isEqualTo(Integer.toString(letter.partition()));
                assertThat(header(letter, "x-dlq-original-offset")).matches("\\d+");
                assertThat(header(letter, "x-dlq-consumer")).isEqualTo("comment-service");
                assertThat(header(letter, "ce_source")).as("original headers kept").isEqualTo("/article-service");
            }
        }
        awaitReplicaVersion(articleId, 1);
        assertThat(counter("news.events.consumed", "topic", "news.article-events", "outcome", "dead_letter"))
                .isGreaterThanOrEqualTo(3);
        Awaitility.await("the four dead letters counted as published").atMost(WAIT).until(() -> counter(
                "news.events.published", "topic", "news.article-events.dlq", "type", "dead-letter") >= 4);
        assertThat(api.postComment(articleId, TestTokens.reader(newId("r")), "the consumer went on").statusCode())
                .isEqualTo(201);
    }

    private double staleCount() {
        return counter("news.events.consumed", "topic", "news.article-events", "outcome", "stale");
    }

    private static Map<String, String> headers(String type) {
        return Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(), "ce_type", type,
                "ce_source", "/article-service", "ce_time", "2026-11-25T09:00:00.000Z", "content-type",
                "application/json");
    }
}
