package news.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import news.testsupport.CloudEventAssertions;
import news.testsupport.TopicProbe;
import tools.jackson.databind.JsonNode;

@ArticleServiceTest
class EditorFlowTest {

    static final String TOPIC = "news.article-events";

    @LocalServerPort
    int port;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void createPublishUpdateUnpublishEmitsPublishedUpdatedUnpublishedWithTheVersionsOfTheArticle() {
        try (TopicProbe probe = TopicProbe.tail(TOPIC)) {
            String title = "Navy commissions destroyer " + UUID.randomUUID();
            HttpResponse<String> created = api.post("/api/articles", Api.EDITOR, Api.write(Api.article(title, "navy")));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            JsonNode draft = Api.json(created);
            String id = draft.path("id").asString();
            assertThat(created.headers().firstValue("Location")).hasValue("/api/articles/" + id);
            assertThat(created.headers().firstValue("ETag")).hasValue("\"1\"");
            assertThat(draft.path("status").asString()).isEqualTo("draft");
            assertThat(draft.path("section").asString()).isEqualTo("Navy");
            assertThat(draft.path("version").asLong()).isEqualTo(1);

            HttpResponse<String> published = api.post("/api/articles/" + id + "/publish", Api.EDITOR, null);
            assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
            assertThat(Api.json(published).path("version").asLong()).isEqualTo(2);
            String publishedAt = Api.json(published).path("publishedAt").asString();

            Map<String, Object> edited = Api.article(title + " (corrected)", "Navy");
            HttpResponse<String> updated = api.put("/api/articles/" + id, Api.EDITOR, Api.write(edited),
                    Map.of("If-Match", "\"2\""));
            assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
            assertThat(updated.headers().firstValue("ETag")).hasValue("\"3\"");

            HttpResponse<String> unpublished = api.post("/api/articles/" + id + "/unpublish", Api.EDITOR, null);
            assertThat(unpublished.statusCode()).as(unpublished.body()).isEqualTo(200);

            List<ConsumerRecord<String, byte[]>> records = probe.await(TopicProbe.withKey(id), 3);
            probe.assertNone(r -> false, Duration.ofSeconds(2));
            records = probe.seen().stream().filter(TopicProbe.withKey(id)).toList();
            records.forEach(CloudEventAssertions::assertFollowsContract);
            assertThat(records).extracting(r -> TopicProbe.header(r, "ce_type")).containsExactly(
                    "news.article.published", "news.article.updated", "news.article.unpublished");
            assertThat(records).extracting(r -> Api.json(TopicProbe.value(r)).path("version").asLong())
                    .containsExactly(2L, 3L, 4L);
            assertThat(records).allSatisfy(r -> {
                assertThat(TopicProbe.header(r, "ce_subject")).isEqualTo(id);
                assertThat(TopicProbe.header(r, "ce_source")).isEqualTo("/article-service");
            });
            JsonNode last = Api.json(TopicProbe.value(records.get(2)));
            assertThat(last.path("articleId").asString()).isEqualTo(id);
            assertThat(last.path("status").asString()).isEqualTo("unpublished");
            assertThat(last.path("title").asString()).isEqualTo(title + " (corrected)");
            assertThat(last.path("publishedAt").asString()).isEqualTo(publishedAt);
        }
    }
}
