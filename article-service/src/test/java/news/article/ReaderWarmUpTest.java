package news.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import news.kit.warmup.WarmUpRequest;
import news.kit.warmup.WarmUpRequests;
import news.testsupport.ServiceClient;

/** article-service's warm-up, sent as the kit sends it: published articles read, views and shares refused. */
@ArticleServiceTest
class ReaderWarmUpTest {

    @ServiceClient
    Api api;

    @Autowired
    List<WarmUpRequests> warmUps;

    @Test
    void aRoundReadsTheNewestArticlesAndItsViewsAndSharesMeetAnUnknownArticle() {
        api.publishedArticle("Army");
        assertThat(warmUps).hasSize(1);

        List<HttpResponse<String>> first = send(warmUps.get(0).round(0));
        List<HttpResponse<String>> second = send(warmUps.get(0).round(1));

        assertThat(first).extracting(HttpResponse::statusCode).containsExactly(200, 200, 404, 404);
        assertThat(second).extracting(HttpResponse::statusCode).containsExactly(200, 200, 404, 404);
        // the refusals name the made-up article: they reached the controller, and nothing was counted
        assertThat(first.get(2).body()).contains("WarmUp000000");
        assertThat(second.get(3).body()).contains("WarmUp000001");
    }

    private List<HttpResponse<String>> send(List<WarmUpRequest> round) {
        return round.stream().map(r -> api.send(r.method(), r.path(), null,
                r.body() == null ? null : "application/json", r.body(), r.headers())).toList();
    }
}
