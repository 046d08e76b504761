package news.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import news.kit.warmup.WarmUpRequest;
import news.kit.warmup.WarmUpRequests;
import news.testsupport.TestHttp;

/**
 * comment-service's warm-up, sent as the kit sends it: a comment list read, a comment without a token refused, and a
 * comment whose token the token check refuses for its signature.
 */
class ReaderWarmUpTest extends IntegrationTest {

    @Autowired
    List<WarmUpRequests> warmUps;

    @Test
    void aRoundReadsTheCommentsOfAnArticleAndItsCommentsAreRefusedForWantOfAToken() {
        assertThat(warmUps).hasSize(1);
        for (int round : new int[] {0, 1}) {
            List<HttpResponse<String>> answers = warmUps.get(0).round(round).stream()
                    .map(r -> api.send(r.method(), r.path(), null, r.body() == null ? null : "application/json",
                            r.body(), r.headers()))
                    .toList();
            assertThat(answers).extracting(HttpResponse::statusCode).containsExactly(200, 401, 401);
            assertThat(TestHttp.json(answers.get(0)).get("items").size()).isZero();
            // only the token check answers invalid_token: the third request's token was checked, not just missed
            assertThat(answers.get(1).headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
            assertThat(answers.get(2).headers().firstValue("WWW-Authenticate").orElseThrow())
                    .startsWith("Bearer error=\"invalid_token\"");
        }
    }
}
