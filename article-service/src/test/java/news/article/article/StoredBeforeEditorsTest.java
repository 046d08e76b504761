package news.article.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.assertj.core.groups.Tuple;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

import news.testsupport.CloudEventAssertions;
import news.testsupport.TopicProbe;
import news.testsupport.UseNewsInfrastructure;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An article stored before editors, histories and title words were recorded: it is found by the title search once
 * start-up filled in its words, reads with no editors and an incomplete history, and its next change records its
 * editor and emits an event the contract accepts, with no first publisher.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UseNewsInfrastructure
class StoredBeforeEditorsTest {

    static final Editor EVE = new Editor("eve", "Eve Moreau");

    @Autowired
    ArticleStore store;
    @Autowired
    Articles articles;
    @Autowired
    MongoTemplate mongo;

    @Test
    void anOldArticleIsSearchableReadableAndNamesTheEditorOfItsNextChange() {
        String marker = "old" + UUID.randomUUID().toString().replace("-", "");
        String id = "old" + marker.substring(3, 15);
        Date t0 = Date.from(Instant.parse("2026-11-01T08:00:00Z"));
        mongo.getCollection(ArticleDocument.COLLECTION).insertOne(new Document("_id", id)
                .append("slug", "legacy-" + marker).append("title", "Légacy headline " + marker)
                .append("section", "Navy").append("source", "Defense Wire")
                .append("byline", new Document("name", "Mina Park").append("email", "mina@example.com"))
                .append("body", List.of("Para.")).append("tags", List.of()).append("editorPick", false)
                .append("editorPickedAt", null).append("status", "published").append("createdAt", t0)
                .append("publishedAt", t0).append("updatedAt", t0).append("version", 3L)
                .append("outbox", List.of()).append("outboxSize", 0));
        NewsroomQuery search = NewsroomQuery.parse(null, null, "legacy " + marker, NewsroomQueryTest.SECTIONS)
                .query().orElseThrow();
        assertThat(store.newestChanges(search, Optional.empty(), 5)).isEmpty();

        store.fillInTitleWords();

        assertThat(store.newestChanges(search, Optional.empty(), 5)).extracting(Article::id).containsExactly(id);
        Article old = articles.find(id).orElseThrow();
        assertThat(old.createdBy()).isNull();
        assertThat(old.updatedBy()).isNull();
        assertThat(old.publishedBy()).isNull();
        Articles.History before = articles.history(id).orElseThrow();
        assertThat(before.entries()).isEmpty();
        assertThat(before.complete()).isFalse();

        try (TopicProbe probe = TopicProbe.tail("news.article-events")) {
            Article picked = articles.pick(id, true, ExpectedVersion.NONE, EVE, null);

            assertThat(picked.version()).isEqualTo(4);
            assertThat(picked.updatedBy()).isEqualTo(EVE);
            Articles.History after = articles.history(id).orElseThrow();
            assertThat(after.entries()).extracting(HistoryEntry::version, HistoryEntry::action, HistoryEntry::by)
                    .containsExactly(Tuple.tuple(4L, Action.PICKED, EVE));
            assertThat(after.complete()).isFalse();
            ConsumerRecord<String, byte[]> event = probe.await(TopicProbe.withKey(id), 1).get(0);
            CloudEventAssertions.assertFollowsContract(event);
            JsonNode payload = JsonMapper.builder().build().readTree(TopicProbe.value(event));
            assertThat(payload.path("updatedBy").path("sub").asString()).isEqualTo("eve");
            assertThat(payload.has("publishedBy")).isTrue();
            assertThat(payload.path("publishedBy").isNull()).isTrue();
        }
    }
}
