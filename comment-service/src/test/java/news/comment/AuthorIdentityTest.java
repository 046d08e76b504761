package news.comment;

import static news.testsupport.TopicProbe.ofType;
import static news.testsupport.TopicProbe.withKey;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import news.testsupport.CloudEventAssertions;
import news.testsupport.TestIssuer;
import news.testsupport.TestTokens;
import news.testsupport.TopicProbe;
import tools.jackson.databind.JsonNode;

/**
 * The token subject is the reader's account id: it stays in the store and never leaves the service. The API answers,
 * the moderation queue and {@code news.comment-events} name the author by a stable keyed pseudonym, and the display
 * name shown beside it is bounded, visible text that cannot pose as the newsroom.
 */
class AuthorIdentityTest extends IntegrationTest {

    @Test
    void theSubjectLeavesNeitherTheAnswersNorTheEventOnlyAStablePseudonymDoes() {
        String articleId = publishedArticle();
        String otherArticle = publishedArticle();
        String subject = newId("account");
        String token = TestTokens.withRoles(subject, "Ann Reader", List.of("reader"));
        String authorId = AuthorIds.of(subject);
        assertThat(authorId).matches("[A-Za-z0-9_-]{22}");
        String commentId;

        try (TopicProbe probe = TopicProbe.tail(COMMENT_EVENTS)) {
            HttpResponse<String> posted = api.postComment(articleId, token, "Who am I?");
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
            assertThat(posted.body()).doesNotContain(subject);
            JsonNode author = Api.json(posted).get("author");
            assertThat(author.get("id").stringValue()).isEqualTo(authorId);
            assertThat(author.get("name").stringValue()).isEqualTo("Ann Reader");
            commentId = Api.json(posted).get("id").stringValue();

            HttpResponse<String> again = api.postComment(otherArticle, token, "Still me");
            assertThat(Api.json(again).get("author").get("id").stringValue()).as("the same reader, the same id")
                    .isEqualTo(authorId);
            HttpResponse<String> someoneElse = api.postComment(articleId,
                    TestTokens.withRoles(newId("account"), "Ann Reader", List.of("reader")), "Not me");
            assertThat(Api.json(someoneElse).get("author").get("id").stringValue()).isNotEqualTo(authorId);

            assertThat(api.get("/api/articles/" + articleId + "/comments").body()).contains(authorId)
                    .doesNotContain(subject);
            assertThat(api.get("/api/comments/" + commentId).body()).contains(authorId).doesNotContain(subject);
            HttpResponse<String> queue = api.get("/api/newsroom/comments?limit=50",
                    TestTokens.editor(newId("editor")));
            assertThat(queue.statusCode()).isEqualTo(200);
            assertThat(queue.body()).contains(authorId).doesNotContain(subject);

            ConsumerRecord<String, byte[]> event = probe.await(withKey(articleId).and(ofType("news.comment.posted"))
                    .and(r -> new String(r.value(), StandardCharsets.UTF_8).contains(commentId)), 1).get(0);
            CloudEventAssertions.assertFollowsContract(event);
            assertThat(new String(event.value(), StandardCharsets.UTF_8)).doesNotContain(subject);
            assertThat(Api.JSON.readTree(event.value()).get("authorId").stringValue()).isEqualTo(authorId);
            event.headers().forEach(h -> assertThat(new String(h.value(), StandardCharsets.UTF_8)).as(h.key())
                    .doesNotContain(subject));
        }

        Document author = mongo.findById(commentId, Document.class, "comments").get("author", Document.class);
        assertThat(author).as("the subject stays in the store: it decides who may remove the comment")
                .containsEntry("subject", subject).containsEntry("_id", authorId).containsEntry("name", "Ann Reader");
    }

    @Test
    void aTokenWithoutANameIsShownAsReaderAndTheStartOfItsIdNotItsSubject() {
        String articleId = publishedArticle();
        String subject = newId("nameless");
        String token = TestIssuer.shared().sign(TestTokens.claims(subject, null, List.of("reader")).build());

        HttpResponse<String> posted = api.postComment(articleId, token, "No name on my account");

        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        assertThat(posted.body()).doesNotContain(subject);
        String authorId = AuthorIds.of(subject);
        assertThat(Api.json(posted).get("author").get("name").stringValue())
                .isEqualTo("Reader " + authorId.substring(0, 6));
    }

    @Test
    void aCommentStoredWithTheSubjectAsItsAuthorIdIsShownByPseudonymAndItsAuthorMayStillRemoveIt() {
        // the shape the service stored before: the subject as the author's id (Spring Data keeps a nested id in _id)
        String articleId = publishedArticle();
        String subject = newId("earlier");
        String commentId = newId("legacy");
        mongo.getCollection("comments").insertOne(new Document("_id", commentId).append("articleId", articleId)
                .append("author", new Document("_id", subject).append("name", subject))
                .append("text", "Written before author ids were pseudonyms").append("postedAt", Date.from(Instant.now()))
                .append("status", "visible").append("outbox", List.of()).append("outboxSize", 0));

        HttpResponse<String> shown = api.get("/api/comments/" + commentId);
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body()).doesNotContain(subject);
        String authorId = AuthorIds.of(subject);
        assertThat(Api.json(shown).get("author")).isEqualTo(Api.JSON.valueToTree(
                java.util.Map.of("id", authorId, "name", "Reader " + authorId.substring(0, 6))));
        assertThat(api.get("/api/articles/" + articleId + "/comments").body()).doesNotContain(subject);

        assertThat(api.delete("/api/comments/" + commentId, TestTokens.reader(newId("stranger"))).statusCode())
                .isEqualTo(403);
        assertThat(api.delete("/api/comments/" + commentId, TestTokens.reader(subject)).statusCode()).isEqualTo(204);
    }

    @Test
    void reservedAndInvisibleDisplayNamesAreRefusedNamingTheRuleAndNothingIsStoredOrPublished() {
        String articleId = publishedArticle();
        String path = "/api/articles/" + articleId + "/comments";
        double reserved = counter("news.comments.rejected", "reason", "name-reserved");
        try (TopicProbe probe = TopicProbe.tail(COMMENT_EVENTS)) {
            for (String name : List.of("Editors", "editor", "  ADMIN ", "Ａｄｍｉｎ", "Ad-min", "admın", "Administrator",
                    "moderator", "Staff", "The Defence Desk", "the defence-desk")) {
                refused(api.postComment(articleId, named(name), "hello"), "name-reserved", name);
            }
            for (String name : List.of("Eve\u202Egnp", "Bob\u200B", "Zo\u00EB\u0000", "Ann\u2066Staff\u2069",
                    "Line\u2028Break", "Tab\tName")) {
                refused(api.postComment(articleId, named(name), "hello"), "name-control-character", name);
            }
            refused(api.postComment(articleId, named("x".repeat(61)), "hello"), "name-too-long", "61 characters");

            probe.assertNone(withKey(articleId), Duration.ofSeconds(2));
        }
        assertThat(storedComments(articleId)).isZero();
        assertThat(counter("news.comments.rejected", "reason", "name-reserved")).isEqualTo(reserved + 11);

        for (String name : List.of("x".repeat(60), "Zoë Editor", "김민지")) {
            HttpResponse<String> accepted = api.postComment(articleId, named(name), "fine");
            assertThat(accepted.statusCode()).as(name).isEqualTo(201);
            assertThat(Api.json(accepted).get("author").get("name").stringValue()).isEqualTo(name);
        }
    }

    private String named(String name) {
        return TestTokens.withRoles(newId("named"), name, List.of("reader"));
    }

    private static void refused(HttpResponse<String> response, String rule, String name) {
        assertThat(response.statusCode()).as("%s: %s", name, response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = Api.json(response);
        assertThat(problem.get("rule").stringValue()).as(name).isEqualTo(rule);
        assertThat(problem.get("title").stringValue()).isEqualTo("Comment rejected");
        assertThat(problem.get("errors").get(0).get("field").stringValue()).isEqualTo("name");
        assertThat(problem.get("detail").stringValue()).contains("display name");
    }
}
