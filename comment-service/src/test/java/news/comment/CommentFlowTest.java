package news.comment;

import static news.testsupport.TopicProbe.header;
import static news.testsupport.TopicProbe.ofType;
import static news.testsupport.TopicProbe.withKey;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import news.testsupport.CloudEventAssertions;
import news.testsupport.TestTokens;
import news.testsupport.TopicProbe;
import tools.jackson.databind.JsonNode;

/** Post, list, count and remove, with the events on news.comment-events. */
class CommentFlowTest extends IntegrationTest {

    @Test
    void aReaderPostsACommentThatIsListedCountedAndPublishedAsAnEvent() {
        String articleId = publishedArticle();
        try (TopicProbe probe = TopicProbe.tail(COMMENT_EVENTS)) {
            HttpResponse<String> posted = api.postComment(articleId, TestTokens.reader("reader-4711"),
                    "  Good to see the third ship in service.\n");

            assertThat(posted.statusCode()).isEqualTo(201);
            JsonNode comment = Api.json(posted);
            String commentId = comment.get("id").stringValue();
            assertThat(commentId).matches("[A-Za-z0-9_-]{1,64}");
            assertThat(posted.headers().firstValue("Location")).contains("/api/comments/" + commentId);
            assertThat(comment.get("articleId").stringValue()).isEqualTo(articleId);
            assertThat(comment.get("author").get("id").stringValue()).isEqualTo(AuthorIds.of("reader-4711"));
            assertThat(comment.get("author").get("name").stringValue()).isEqualTo("Reader reader-4711");
            assertThat(comment.get("text").stringValue()).isEqualTo("Good to see the third ship in service.");
            Instant postedAt = Instant.parse(comment.get("postedAt").stringValue());
            assertThat(postedAt).isCloseTo(Instant.now(), org.assertj.core.api.Assertions.within(Duration.ofMinutes(1)));

            JsonNode page = Api.json(api.get("/api/articles/" + articleId + "/comments"));
            assertThat(page.get("count").asLong()).isEqualTo(1);
            assertThat(page.get("maxLength").asInt()).isEqualTo(300);
            assertThat(page.get("items")).hasSize(1);
            assertThat(page.get("items").get(0)).isEqualTo(comment);
            assertThat(page.get("next").isNull()).isTrue();
            assertThat(Api.json(api.get("/api/comments/" + commentId))).isEqualTo(comment);

            ConsumerRecord<String, byte[]> event = probe.await(withKey(articleId).and(ofType("news.comment.posted")), 1).get(0);
            CloudEventAssertions.assertFollowsContract(event);
            assertThat(header(event, "ce_source")).isEqualTo("/comment-service");
            assertThat(header(event, "ce_subject")).isEqualTo(articleId);
            JsonNode payload = Api.JSON.readTree(event.value());
            assertThat(payload.get("commentId").stringValue()).isEqualTo(commentId);
            assertThat(payload.get("articleId").stringValue()).isEqualTo(articleId);
            assertThat(payload.get("authorId").stringValue()).isEqualTo(AuthorIds.of("reader-4711"));
            assertThat(payload.get("text").stringValue()).isEqualTo("Good to see the third ship in service.");
            assertThat(Instant.parse(payload.get("postedAt").stringValue())).isEqualTo(postedAt);

            org.awaitility.Awaitility.await("outbox of " + commentId + " emptied").atMost(WAIT).until(() -> {
                org.bson.Document stored = mongo.findById(commentId, org.bson.Document.class, "comments");
                return stored.getInteger("outboxSize") == 0 && stored.getList("outbox", Object.class).isEmpty();
            });
        }
        assertThat(counter("news.comments.posted")).isPositive();
    }

    @Test
    void theAuthorRemovesTheirCommentWhichLeavesListingAndCountWithARemovedEvent() {
        String articleId = publishedArticle();
        String token = TestTokens.reader(newId("author"));
        String keep = id(api.postComment(articleId, token, "first"));
        String remove = id(api.postComment(articleId, token, "second"));

        try (TopicProbe probe = TopicProbe.tail(COMMENT_EVENTS)) {
            assertThat(api.delete("/api/comments/" + remove, token).statusCode()).isEqualTo(204);

            JsonNode page = Api.json(api.get("/api/articles/" + articleId + "/comments"));
            assertThat(page.get("count").asLong()).isEqualTo(1);
            assertThat(page.get("items")).extracting(n -> n.get("id").stringValue()).containsExactly(keep);
            assertThat(api.get("/api/comments/" + remove).statusCode()).isEqualTo(404);

            ConsumerRecord<String, byte[]> event = probe.await(withKey(articleId).and(ofType("news.comment.removed")), 1).get(0);
            CloudEventAssertions.assertFollowsContract(event);
            JsonNode payload = Api.JSON.readTree(event.value());
            assertThat(payload.get("commentId").stringValue()).isEqualTo(remove);
            assertThat(payload.get("articleId").stringValue()).isEqualTo(articleId);
            assertThat(payload.propertyNames()).containsExactlyInAnyOrder("commentId", "articleId", "removedAt");

            assertThat(api.delete("/api/comments/" + remove, token).statusCode())
                    .as("removing again finds nothing").isEqualTo(404);
            String firstEvent = header(event, "ce_id");
            probe.assertNone(withKey(articleId).and(ofType("news.comment.removed"))
                            .and(r -> !firstEvent.equals(header(r, "ce_id"))),
                    Duration.ofSeconds(2));
        }
        org.bson.Document stored = mongo.findById(remove, org.bson.Document.class, "comments");
        assertThat(stored.getString("status")).isEqualTo("removed");
        assertThat(stored.get("removedBy")).isNotNull();
        assertThat(stored.get("removedAt")).isNotNull();
    }

    @Test
    void anEditorRemovesAnyonesCommentAndAnotherReaderMayNot() {
        String articleId = publishedArticle();
        String commentId = id(api.postComment(articleId, TestTokens.reader(newId("author")), "an opinion"));

        HttpResponse<String> byOtherReader = api.delete("/api/comments/" + commentId, TestTokens.reader(newId("other")));
        assertThat(byOtherReader.statusCode()).isEqualTo(403);
        assertThat(byOtherReader.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(Api.json(api.get("/api/articles/" + articleId + "/comments")).get("count").asLong()).isEqualTo(1);

        try (TopicProbe probe = TopicProbe.tail(COMMENT_EVENTS)) {
            String editor = newId("editor");
            assertThat(api.delete("/api/comments/" + commentId, TestTokens.editor(editor)).statusCode()).isEqualTo(204);
            CloudEventAssertions.assertFollowsContract(
                    probe.await(withKey(articleId).and(ofType("news.comment.removed")), 1).get(0));
            assertThat(mongo.findById(commentId, org.bson.Document.class, "comments").getString("removedBy"))
                    .isEqualTo(editor);
        }
        assertThat(Api.json(api.get("/api/articles/" + articleId + "/comments")).get("count").asLong()).isZero();
    }

    @Test
    void aReaderLearnsTheAuthorIdTheirCommentsCarryAndNobodyElses() {
        String articleId = publishedArticle();
        String alice = TestTokens.withRoles(newId("alice"), "Alice Park", List.of("reader"));
        String bob = TestTokens.reader(newId("bob"));
        JsonNode posted = Api.json(api.postComment(articleId, alice, "my own words")).get("author");

        HttpResponse<String> me = api.get("/api/authors/me", alice);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        assertThat(Api.json(me)).as("the same id and name as on her comment").isEqualTo(posted);
        assertThat(Api.json(api.get("/api/authors/me", bob)).get("id").asString())
                .as("another reader's id").isNotEqualTo(posted.get("id").asString());

        HttpResponse<String> anonymous = api.get("/api/authors/me");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        String refusedName = TestTokens.withRoles(newId("carol"), "Editors", List.of("reader"));
        assertThat(Api.json(api.get("/api/authors/me", refusedName)).path("name").isNull())
                .as("a name the policy refuses is not offered as hers").isTrue();
    }

    @Test
    void removingAnUnknownCommentIs404AndNeedsAToken() {
        assertThat(api.delete("/api/comments/doesNotExist123", TestTokens.editor("ed")).statusCode()).isEqualTo(404);
        assertThat(api.delete("/api/comments/doesNotExist123", null).statusCode()).isEqualTo(401);
    }

    @Test
    void listsNewestFirstInPagesThatFollowTheCursorUntilTheEnd() {
        String articleId = publishedArticle();
        List<String> posted = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            posted.add(0, id(api.postComment(articleId, TestTokens.reader(newId("pager")), "comment " + i)));
        }
        List<String> listed = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = Api.json(api.get("/api/articles/" + articleId + "/comments?limit=3"
                    + (cursor == null ? "" : "&cursor=" + cursor)));
            assertThat(page.get("count").asLong()).isEqualTo(7);
            page.get("items").forEach(item -> listed.add(item.get("id").stringValue()));
            cursor = page.get("next").isNull() ? null : page.get("next").stringValue();
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        assertThat(listed).containsExactlyElementsOf(posted);

        JsonNode defaultPage = Api.json(api.get("/api/articles/" + articleId + "/comments"));
        assertThat(defaultPage.get("items")).hasSize(7);
    }

    @Test
    void aCommentWrittenBehindThisInstancesBackShowsWithinTheReadCacheTtl() {
        String articleId = publishedArticle();
        id(api.postComment(articleId, TestTokens.reader(newId("cache")), "through the API"));
        assertThat(Api.json(api.get("/api/articles/" + articleId + "/comments")).get("count").asLong()).isEqualTo(1);

        mongo.getCollection("comments").updateMany(new org.bson.Document("articleId", articleId),
                new org.bson.Document("$set", new org.bson.Document("status", "removed")));

        org.awaitility.Awaitility.await("count without this instance's help").atMost(WAIT)
                .until(() -> Api.json(api.get("/api/articles/" + articleId + "/comments")).get("count").asLong() == 0);
    }

    @Test
    void anArticleWithoutCommentsListsNothing() {
        JsonNode page = Api.json(api.get("/api/articles/" + newId("none") + "/comments"));
        assertThat(page.get("count").asLong()).isZero();
        assertThat(page.get("items")).isEmpty();
        assertThat(page.get("maxLength").asInt()).isEqualTo(300);
    }

    static String id(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Api.json(response).get("id").stringValue();
    }
}
