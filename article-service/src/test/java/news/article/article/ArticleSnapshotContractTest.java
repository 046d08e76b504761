package news.article.article;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import news.testsupport.CloudEventAssertions;

/** The producer's side of the contract: the JSON this service writes validates against the snapshot schema. */
class ArticleSnapshotContractTest {

    static final Instant T0 = Instant.parse("2026-11-25T08:00:00.250Z");

    @Test
    void everyArticleEventWritesAPayloadTheSchemaAccepts() {
        ArticleContent content = new ArticleContent("북한, 동해상으로 탄도미사일 발사 \u2014 \"quotes\"", "North Korea",
                "Defense Wire", new Byline("Mina Park", "mina.park@example.com"), List.of("One.", "Two \uD83D\uDEA2."),
                List.of());
        Article published = Article.create("a7Yq3kPz9WmX", "article", content, true, false, T0).article();
        Article picked = published.pick(true, T0.plusSeconds(1)).article();
        Article unpublished = picked.unpublish(T0.plusSeconds(2)).article();

        for (ArticleEvent event : List.of(new ArticlePublished(published.snapshot()), new ArticleUpdated(picked.snapshot()),
                new ArticleUnpublished(unpublished.snapshot()))) {
            CloudEventAssertions.assertValidPayload(event.type(), EventPayloads.json(event.snapshot()));
        }
    }
}
