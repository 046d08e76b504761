package news.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import jakarta.servlet.Filter;
import news.testsupport.Scrape;
import news.testsupport.TopicProbe;

/**
 * The corpus of {@link ViewAnswersCorpus} with the views fast path on (the default), and proof that plain views do
 * take it: the filter answers them itself, without the rest of the chain, and they still count in
 * {@code http.server.requests}.
 */
@ArticleServiceTest
class ViewFastPathTest extends ViewAnswersCorpus {

    @Autowired
    List<FilterRegistrationBean<?>> filters;

    @Test
    void aPlainViewIsAnsweredByTheFastPathAloneAndAnythingElseGoesDownTheChain() throws Exception {
        Filter fastPath = filters.stream().map(FilterRegistrationBean::getFilter)
                .filter(f -> f.getClass().getSimpleName().equals("ViewFastPath")).findFirst().orElseThrow();
        String id = api.publishedArticle("Policy").path("id").asString();

        try (TopicProbe views = TopicProbe.tail("news.article-views")) {
            MockFilterChain rest = new MockFilterChain();
            MockHttpServletResponse response = new MockHttpServletResponse();
            fastPath.doFilter(view(id, "{\"readerId\":\"plain\"}"), response, rest);
            assertThat(response.getStatus()).isEqualTo(202);
            assertThat(rest.getRequest()).as("the rest of the chain").isNull();
            assertThat(views.await(TopicProbe.withKey(id), 1)).hasSize(1);
        }

        for (MockHttpServletRequest notPlain : List.of(view(id, "{\"readerId\":42}"), view("NoSuchArticle1", "{}"),
                withHeader(view(id, "{}"), "Origin", "https://elsewhere.example"),
                withHeader(view(id, "{}"), "Authorization", "Bearer x"))) {
            MockFilterChain rest = new MockFilterChain();
            fastPath.doFilter(notPlain, new MockHttpServletResponse(), rest);
            assertThat(rest.getRequest()).as("the chain for " + notPlain.getRequestURI()).isNotNull();
            assertThat(rest.getRequest().getInputStream().readAllBytes()).as("the body, readable again")
                    .isEqualTo(notPlain.getContentAsByteArray());
        }
    }

    @Test
    void fastViewsCountInTheHttpServerRequestsTimingOfTheirRoute() throws Exception {
        String id = api.publishedArticle("Navy").path("id").asString();
        double before = acceptedViews();
        for (int i = 0; i < 3; i++) {
            assertThat(api.post("/api/articles/" + id + "/views", null, "{}").statusCode()).isEqualTo(202);
        }
        assertThat(acceptedViews()).isEqualTo(before + 3);
    }

    private double acceptedViews() throws Exception {
        Scrape scrape = Scrape.kept("article-service", actuator.get("/actuator/prometheus").body());
        return scrape.samples().stream()
                .filter(s -> s.name().equals("http_server_requests_seconds_count")
                        && "/api/articles/{articleId}/views".equals(s.labels().get("uri"))
                        && "202".equals(s.labels().get("status")))
                .mapToDouble(Scrape.Sample::value).sum();
    }

    private static MockHttpServletRequest view(String id, String json) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/articles/" + id + "/views");
        request.setContentType("application/json");
        request.setContent(json.getBytes());
        request.setRemoteAddr("203.0.113.9");
        return request;
    }

    private static MockHttpServletRequest withHeader(MockHttpServletRequest request, String name, String value) {
        request.addHeader(name, value);
        return request;
    }
}
