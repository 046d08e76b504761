package news.ranking.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import news.kit.cloudevents.CloudEvent;
import news.ranking.RankingTestConfig;
import news.ranking.TestEvents;
import news.ranking.events.InboundEvent.ArticleChanged;
import news.ranking.events.InboundEvent.ArticleViewed;
import news.testsupport.CloudEventAssertions;

/** The consumer side of the contract: what the producers' examples and schemas allow, this service reads. */
class EventReaderTest {

    private final RankingTestConfig config = RankingTestConfig.defaults();
    private final EventReader reader = new EventReader(config.topics(), config.properties().events());

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "news.article.published, news.article-events",
            "news.article.updated, news.article-events",
            "news.article.unpublished, news.article-events",
            "news.article.viewed, news.article-views",
            "news.article.shared, news.article-shares",
            "news.comment.posted, news.comment-events",
            "news.comment.removed, news.comment-events"})
    void everyExampleOfTheContractIsRead(String type, String topic) {
        String json = example(type);
        Read read = reader.read(topic, "a7Yq3kPz9WmX".getBytes(StandardCharsets.UTF_8),
                json.getBytes(StandardCharsets.UTF_8), headers(type));

        assertThat(read.unreadable()).isNull();
        assertThat(read.event().articleId()).isEqualTo("a7Yq3kPz9WmX");
    }

    @Test
    void anArticleSnapshotIsReadWithItsPickAndVersion() {
        Read read = reader.read("news.article-events", "a7Yq3kPz9WmX".getBytes(StandardCharsets.UTF_8),
                example("news.article.updated").getBytes(StandardCharsets.UTF_8), headers("news.article.updated"));

        assertThat(read.event()).isEqualTo(new ArticleChanged("a7Yq3kPz9WmX", "Navy commissions third Aegis destroyer",
                "Navy", true, Instant.parse("2026-11-25T08:00:00Z").toEpochMilli(), true,
                Instant.parse("2026-11-25T09:15:00.250Z").toEpochMilli(), 3));
    }

    @Test
    void aViewWithATimeOffsetIsReadInUtc() {
        CloudEvent view = TestEvents.view("navy-1", "Navy", "alice", true, Instant.parse("2026-11-25T09:30:00Z"));
        String json = view.json().replace("2026-11-25T09:30:00Z", "2026-11-25T18:30:00+09:00");
        ProducerRecord<String, byte[]> record = view.toRecord("news.article-views");

        Read read = reader.read("news.article-views", record.key().getBytes(StandardCharsets.UTF_8),
                json.getBytes(StandardCharsets.UTF_8), record.headers());

        assertThat(read.event()).isEqualTo(new ArticleViewed("navy-1", TestEvents.readerHash("alice"), true,
                Instant.parse("2026-11-25T09:30:00Z").toEpochMilli()));
    }

    @Test
    void aRecordWithoutKeyIsUnreadable() {
        CloudEvent view = TestEvents.view("navy-1", "Navy", "alice", false, Instant.now());
        Read read = reader.read("news.article-views", null, view.json().getBytes(StandardCharsets.UTF_8),
                view.toRecord("news.article-views").headers());

        assertThat(read.unreadable().category()).isEqualTo(Unreadable.Category.KEY_MISMATCH);
        assertThat(read.unreadable().reason()).isEqualTo("record key is missing");
    }

    @Test
    void theTestEventsOfThisModuleAreValidAgainstTheSchemas() {
        Instant at = Instant.parse("2026-11-25T09:30:00Z");
        for (CloudEvent event : new CloudEvent[] {
                TestEvents.article("navy-1", "Navy", "A title", true, at, true, at, 1),
                TestEvents.article("navy-1", "Navy", "A title", false, at, false, null, 2),
                TestEvents.view("navy-1", "Navy", "alice", false, at),
                TestEvents.share("navy-1", "Navy", "alice", at),
                TestEvents.commentPosted("c-1", "navy-1", at),
                TestEvents.commentRemoved("c-1", "navy-1", at)}) {
            CloudEventAssertions.assertValidPayload(event.type(), event.json());
        }
    }

    private static RecordHeaders headers(String type) {
        RecordHeaders headers = new RecordHeaders();
        Map.of("ce_type", type, "ce_id", "5f0c1f2e-0000-4000-8000-000000000001", "ce_specversion", "1.0",
                        "ce_source", "/article-service", "content-type", "application/json")
                .forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        return headers;
    }

    private static String example(String type) {
        String resource = "contracts/examples/" + type + ".json";
        try (InputStream in = EventReaderTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
