package news.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import news.testsupport.ServiceClient;
import news.testsupport.TestTokens;
import tools.jackson.databind.JsonNode;

/** Default limits: per author 5 a minute with a burst of 3; per client address 30 a minute with a burst of 10. */
class RateLimitTest extends IntegrationTest {

    @Test
    void anAuthorPastTheBurstGets429WithRetryAfterAndNothingIsStored() {
        String articleId = publishedArticle();
        String token = TestTokens.reader(newId("fast"));
        for (int i = 0; i < 3; i++) {
            assertThat(api.postComment(articleId, token, "comment " + i).statusCode()).isEqualTo(201);
        }
        double before = counter("news.rate.limited", "scope", "author");

        HttpResponse<String> limited = api.postComment(articleId, token, "one too many");

        assertThat(limited.statusCode()).isEqualTo(429);
        long retryAfter = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 60L);
        JsonNode problem = Api.json(limited);
        assertThat(problem.get("status").asInt()).isEqualTo(429);
        assertThat(problem.get("limit").stringValue()).isEqualTo("author");
        assertThat(problem.get("detail").stringValue()).contains("try again in " + retryAfter);
        assertThat(storedComments(articleId)).isEqualTo(3);
        assertThat(counter("news.rate.limited", "scope", "author")).isEqualTo(before + 1);
        assertThat(api.postComment(articleId, TestTokens.reader(newId("calm")), "someone else").statusCode())
                .isEqualTo(201);
    }

    @Test
    void oneClientAddressIsLimitedAcrossManyAuthors(@ServiceClient Api otherAddress) {
        String articleId = publishedArticle();
        for (int i = 0; i < 10; i++) {
            assertThat(api.postComment(articleId, TestTokens.reader(newId("crowd")), "comment " + i).statusCode())
                    .isEqualTo(201);
        }
        HttpResponse<String> limited = api.postComment(articleId, TestTokens.reader(newId("crowd")), "eleventh");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        assertThat(Api.json(limited).get("limit").stringValue()).isEqualTo("client");

        assertThat(otherAddress.postComment(articleId, TestTokens.reader(newId("crowd")), "from elsewhere").statusCode())
                .isEqualTo(201);
    }

    @Test
    void rejectedCommentsCostNoToken() {
        String articleId = publishedArticle();
        String token = TestTokens.reader(newId("clumsy"));
        for (int i = 0; i < 5; i++) {
            assertThat(api.postComment(articleId, token, "x".repeat(301)).statusCode()).isEqualTo(400);
        }
        for (int i = 0; i < 3; i++) {
            assertThat(api.postComment(articleId, token, "valid " + i).statusCode()).isEqualTo(201);
        }
    }
}
