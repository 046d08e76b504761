package news.article.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import news.testsupport.CloudEventAssertions;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The producer's side of the contract: the JSON this service writes validates against the snapshot schema. */
class ArticleSnapshotContractTest {

    static final Instant T0 = Instant.parse("2026-11-25T08:00:00.250Z");
    static final Editor EVE = new Editor("eve", "Eve Moreau");
    static final Editor LONG_NAMED = Editor.of("0f3c2a9e-5b7d-4e1a-9c8b-7d6e5f4a3b2c", "\u00C9".repeat(300));

    @Test
    void everyArticleEventWritesAPayloadTheSchemaAccepts() {
        ArticleContent content = new ArticleContent("북한, 동해상으로 탄도미사일 발사 \u2014 \"quotes\"", "North Korea",
                "Defense Wire", new Byline("Mina Park", "mina.park@example.com"), List.of("One.", "Two \uD83D\uDEA2."),
                List.of());
        Article published = Article.create("a7Yq3kPz9WmX", "article", content, true, false, EVE, T0).article();
        Article picked = published.pick(true, LONG_NAMED, T0.plusSeconds(1)).article();
        Article unpublished = picked.unpublish(EVE, T0.plusSeconds(2)).article();

        for (ArticleEvent event : List.of(new ArticlePublished(published.snapshot()), new ArticleUpdated(picked.snapshot()),
                new ArticleUnpublished(unpublished.snapshot()))) {
            String json = EventPayloads.json(event.snapshot());
            CloudEventAssertions.assertValidPayload(event.type(), json);
            assertThat(JsonMapper.builder().build().readTree(json).path("updatedBy").path("sub").asString())
                    .isNotBlank();
        }
    }

    @Test
    void anArticleFirstPublishedBeforeEditorsWereRecordedWritesANullFirstPublisherTheSchemaAccepts() {
        Article stored = new Article("a7Yq3kPz9WmX", "article", ArticleTest.CONTENT, false, null, Status.PUBLISHED, T0,
                T0, T0, 3, null, null, null);
        ArticleSnapshot picked = stored.pick(true, EVE, T0.plusSeconds(1)).event().orElseThrow().snapshot();

        assertThat(picked.publishedBy()).isNull();
        CloudEventAssertions.assertValidPayload("news.article.updated", EventPayloads.json(picked));
    }

    @Test
    void anEventWrittenBeforeEditorsWereNamedStillFollowsTheContract() {
        Article published = Article.create("a7Yq3kPz9WmX", "article", ArticleTest.CONTENT, true, false, EVE, T0)
                .article();
        JsonMapper json = JsonMapper.builder().build();
        ObjectNode old = (ObjectNode) json.readTree(EventPayloads.json(published.snapshot()));
        old.remove("updatedBy");
        old.remove("publishedBy");

        CloudEventAssertions.assertValidPayload("news.article.published", json.writeValueAsString(old));
    }
}
