package news.comment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import news.testsupport.TestTokens;

/** The service's own metrics, as Prometheus scrapes them: names under news_, low-cardinality tags. */
class MetricsTest extends IntegrationTest {

    @Test
    void postingRejectingRateLimitingAndConsumingShowInPrometheus() {
        String articleId = publishedArticle();
        String token = TestTokens.reader(newId("metrics"));
        api.postComment(articleId, token, "one");
        api.postComment(articleId, token, "");
        api.postComment(articleId, token, "two");
        api.postComment(articleId, token, "three");
        api.postComment(articleId, token, "four");

        String scrape = actuator.get("/actuator/prometheus").body();

        assertThat(scrape).containsPattern("(?m)^news_comments_posted_total\\{application=\"comment-service\"} [1-9]")
                .containsPattern("(?m)^news_comments_rejected_total\\{application=\"comment-service\",reason=\"text-empty\"} [1-9]")
                .containsPattern("(?m)^news_rate_limited_total\\{application=\"comment-service\",scope=\"author\"} [1-9]")
                .containsPattern("(?m)^news_events_consumed_total\\{application=\"comment-service\",outcome=\"applied\",topic=\"news.article-events\"} [1-9]")
                .contains("news_outbox_pending");
        assertThat(scrape).doesNotContain(articleId);
    }
}
