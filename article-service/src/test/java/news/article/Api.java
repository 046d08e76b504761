package news.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import news.testsupport.NewArticle;
import news.testsupport.TestHttp;
import news.testsupport.TestTokens;
import news.testsupport.TopicProbe;
import tools.jackson.databind.JsonNode;

/** The article API's steps for tests, on the shared test client. */
final class Api extends TestHttp {

    static final String EDITOR = TestTokens.editor("alice");
    static final String READER = TestTokens.reader("rita");

    Api(TestHttp http) {
        super(http);
    }

    /** Creates an article through the editor API and returns the editor's view of it. */
    JsonNode create(Map<String, Object> article) {
        HttpResponse<String> response = post("/api/articles", EDITOR, write(article));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response);
    }

    JsonNode publishedArticle(String section) {
        Map<String, Object> article = article("Published " + UUID.randomUUID(), section);
        article.put("publish", true);
        return create(article);
    }

    /**
     * Records of {@code key} the probe had not seen yet when this was called: for asserting that an action emitted
     * nothing, even when events of earlier actions on the same article are still arriving.
     */
    static Predicate<ConsumerRecord<String, byte[]>> unseen(TopicProbe probe, String key) {
        Set<String> seen = probe.seen().stream().filter(TopicProbe.withKey(key))
                .map(r -> TopicProbe.header(r, "ce_id")).collect(Collectors.toSet());
        return r -> key.equals(r.key()) && !seen.contains(TopicProbe.header(r, "ce_id"));
    }

    /** Creates a published article and waits until its event is on the topic the probe watches. */
    JsonNode publishedArticle(String section, TopicProbe probe) {
        JsonNode article = publishedArticle(section);
        probe.await(TopicProbe.withKey(article.path("id").asString()), 1);
        return article;
    }

    /** A valid create body. */
    static Map<String, Object> article(String title, String section) {
        return NewArticle.body(title, section);
    }
}
