package news.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import news.kit.warmup.WarmUpRequest;
import news.kit.warmup.WarmUpRequests;
import news.testsupport.TestHttp;

/**
 * comment-service's warm-up, sent as the kit sends it: the comments of a published article, the comments of an
 * unknown one, a comment without a token refused, and a comment whose token the token check refuses for its
 * signature.
 */
class ReaderWarmUpTest extends IntegrationTest {

    @Autowired
    List<WarmUpRequests> warmUps;

    @Test
    void aRoundReadsTheCommentsOfPublishedAndUnknownArticlesAndItsCommentsAreRefusedForWantOfAToken() {
        publishedArticle(); // at least one: the round reads the newest the replica holds as published
        assertThat(warmUps).hasSize(1);
        for (int round : new int[] {0, 1}) {
            List<WarmUpRequest> requests = warmUps.get(0).round(round);
            List<HttpResponse<String>> answers = requests.stream()
                    .map(r -> api.send(r.method(), r.path(), null, r.body() == null ? null : "application/json",
                            r.body(), r.headers()))
                    .toList();
            assertThat(answers).extracting(HttpResponse::statusCode).containsExactly(200, 200, 401, 401);
            String read = requests.get(0).path().split("/")[3];
            Document replica = replica(read);
            assertThat(replica).as("the first read is of an article the replica holds: " + read).isNotNull();
            assertThat(replica.getString("status")).isEqualTo("published");
            assertThat(TestHttp.json(answers.get(1)).get("items").size()).isZero();
            // only the token check answers invalid_token: the last request's token was checked, not just missed
            assertThat(answers.get(2).headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
            assertThat(answers.get(3).headers().firstValue("WWW-Authenticate").orElseThrow())
                    .startsWith("Bearer error=\"invalid_token\"");
        }
    }
}
